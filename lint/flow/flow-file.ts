/**
 * Flow files (`*.flow.json`, `*.flow.yaml`): parsed with `yaml` (JSON is
 * YAML, so one parser gives line numbers for both), validated against
 * schemas/flow.schema.json, then checked for what a schema cannot say
 * (unique step names, start pages that exist). Every problem is reported on
 * its own line with file:line:col and the path inside the file.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import { LineCounter, parseDocument } from "yaml";
import { jsonSyntaxProblem } from "../config/json-syntax.js";
import { UsageError } from "../errors.js";
import { schemaPath } from "../package-info.js";
import { positionOf, readablePath, schemaProblems, yamlNodeAt, type SchemaProblem } from "../config/schema-errors.js";
import type { ViewportInput } from "../config/config.js";
import type { Flow, FlowAction, FlowStep } from "./types.js";

const FLOW_FILE = /\.flow\.(json|ya?ml)$/i;

export function isFlowFile(path: string): boolean {
  return FLOW_FILE.test(path);
}

/** The flow's default name: the file name without `.flow.json` / `.flow.yaml`. */
export function flowNameFromFile(path: string): string {
  return basename(path).replace(FLOW_FILE, "");
}

let validator: ValidateFunction | null = null;
function validateFlow(data: unknown): ValidateFunction["errors"] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath("flow.schema.json"), "utf8")) as object);
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

const ACTION_POINTER = /^\/steps\/\d+\/actions\/\d+$/;

/** Where a flow's url or a goto leads: an http(s) URL as is, anything else a file path relative to the flow file. */
export function resolveFlowUrl(flowFile: string, value: string): { url: string; isFile: boolean } {
  if (/^https?:\/\//i.test(value)) return { url: value, isFile: false };
  if (/^file:/i.test(value)) return { url: fileURLToPath(value), isFile: true };
  return { url: resolve(dirname(resolve(flowFile)), value), isFile: true };
}

/** A URL scheme we cannot open (ftp:, javascript:, ...); Windows drive letters are paths. */
function unsupportedScheme(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^(https?|file):/i.test(value) && !/^[a-z]:[\\/]/i.test(value);
}

interface Located {
  pointer: string;
  message: string;
}

function checkUrl(flowFile: string, value: string, pointer: string): Located | null {
  if (unsupportedScheme(value)) {
    return { pointer, message: `expected an http(s) URL or a path relative to the flow file, got ${JSON.stringify(value)}` };
  }
  const target = resolveFlowUrl(flowFile, value);
  if (!target.isFile) {
    if (!URL.canParse(target.url) || !new URL(target.url).hostname)
      return { pointer, message: `${JSON.stringify(value)} is not a valid URL` };
    return null;
  }
  if (!existsSync(target.url)) return { pointer, message: `no file at ${target.url} (paths are relative to the flow file)` };
  if (statSync(target.url).isDirectory()) return { pointer, message: `${target.url} is a folder; point at an HTML file` };
  return null;
}

interface RawFlow {
  name?: string;
  url: string;
  viewport?: ViewportInput;
  locale?: string;
  steps: { name: string; actions?: FlowAction[]; expect?: "refused" | "accepted" }[];
}

/** Checks that need the whole file or the disk: unique step names, start page and goto targets that exist. */
function semanticProblems(file: string, raw: RawFlow): Located[] {
  const problems: Located[] = [];
  const urlProblem = checkUrl(file, raw.url, "/url");
  if (urlProblem) problems.push(urlProblem);
  const seen = new Map<string, number>();
  raw.steps.forEach((step, i) => {
    const first = seen.get(step.name);
    if (first !== undefined) {
      problems.push({
        pointer: `/steps/${i}/name`,
        message: `duplicate step name ${JSON.stringify(step.name)} (also steps[${first}]); step names must be unique`,
      });
    } else {
      seen.set(step.name, i);
    }
    (step.actions ?? []).forEach((action, j) => {
      if ("goto" in action) {
        const problem = checkUrl(file, action.goto, `/steps/${i}/actions/${j}/goto`);
        if (problem) problems.push(problem);
      }
    });
  });
  return problems;
}

function lineOf(root: unknown, pointer: string, counter: LineCounter): number {
  return positionOf(yamlNodeAt(root, pointer), counter).line;
}

function formatProblems(file: string, problems: SchemaProblem[]): string {
  return problems.map((p) => `Invalid flow file ${file}:${p.line}:${p.col}  ${p.path}: ${p.message}`).join("\n");
}

/**
 * Parses and validates a flow file's text. `file` is how the file is named in
 * messages; relative paths inside it are resolved from its folder.
 */
export function parseFlowText(file: string, source: string): Flow {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // Later parse errors are mostly knock-on effects of the first.
    const err = doc.errors[0];
    const pos = counter.linePos(err.pos[0]);
    throw new UsageError(
      `Invalid flow file ${file}:${pos.line}:${pos.col}  cannot parse ${/\.json$/i.test(file) ? "JSON" : "YAML"}: ${err.message.split("\n")[0]}`,
    );
  }
  const strict = jsonSyntaxProblem(file, source, counter);
  if (strict) throw new UsageError(`Invalid flow file ${file}:${strict.line}:${strict.col}  cannot parse JSON: ${strict.message}`);
  const root = doc.contents;
  const data: unknown = doc.toJS() ?? null;
  const errors = validateFlow(data) ?? [];
  if (errors.length > 0) {
    const problems = schemaProblems(errors, data, root, counter, {
      nounFor: (pointer) => (ACTION_POINTER.test(pointer) ? "action" : undefined),
    });
    throw new UsageError(formatProblems(file, problems));
  }
  const raw = data as RawFlow;
  const semantic = semanticProblems(file, raw);
  if (semantic.length > 0) {
    const problems = semantic.map((p) => {
      const { line, col } = positionOf(yamlNodeAt(root, p.pointer), counter);
      return { pointer: p.pointer, path: readablePath(p.pointer), line, col, message: p.message };
    });
    throw new UsageError(formatProblems(file, problems));
  }
  const start = resolveFlowUrl(file, raw.url);
  const steps: FlowStep[] = raw.steps.map((step, i) => ({
    name: step.name,
    actions: step.actions ?? [],
    line: lineOf(root, `/steps/${i}`, counter),
    actionLines: (step.actions ?? []).map((_, j) => lineOf(root, `/steps/${i}/actions/${j}`, counter)),
    ...(step.expect !== undefined ? { expect: step.expect } : {}),
  }));
  return {
    file: isAbsolute(file) ? file : resolve(file),
    name: raw.name ?? flowNameFromFile(file),
    url: start.url,
    urlIsFile: start.isFile,
    ...(raw.viewport !== undefined ? { viewport: raw.viewport } : {}),
    ...(raw.locale !== undefined ? { locale: raw.locale } : {}),
    steps,
  };
}

/** Reads, parses and validates a flow file; throws UsageError naming file:line:col, the path inside it and what was expected. */
export function loadFlowFile(path: string): Flow {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `Flow file not found: ${path}. Check the path.` : `Cannot read flow file ${path}: ${(error as Error).message}`,
    );
  }
  return parseFlowText(path, source);
}
