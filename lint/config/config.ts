/**
 * The config file: found upward from the working directory (or given with
 * --config), parsed as JSON or YAML, validated against schemas/config.schema.json.
 * Errors name the file, the line and the path inside it, and what was expected.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { LineCounter, parseDocument } from "yaml";
import { jsonSyntaxProblem } from "./json-syntax.js";
import { yamlNodeAt } from "./schema-errors.js";
import { minimatch } from "minimatch";
import { UsageError } from "../errors.js";
import { schemaPath } from "../package-info.js";
import type { SeveritySetting, Thresholds } from "../types.js";
import type { Viewport } from "../model.js";
import { VIEWPORTS } from "../browser/launch.js";

export type RuleSettingInput = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];
export type ViewportInput =
  "desktop" | "mobile" | "tablet" | { width: number; height: number; deviceScaleFactor?: number; isMobile?: boolean };

export interface ConfigFile {
  rules?: Record<string, RuleSettingInput>;
  targets?: string[];
  ignore?: { selector?: string; fingerprint?: string; rule?: string; reason: string }[];
  /** Deprecated: read as the options of hidden-consent-text (the rule naming "thresholds" as its meta.deprecatedConfigKey), under any that `rules` gives it. */
  thresholds?: Partial<Thresholds>;
  languages?: string[];
  viewport?: ViewportInput;
  locale?: string;
  timeout?: number;
  concurrency?: number;
  exclude?: string[];
  /** URL path prefix -> folder (relative to the config file) served under it for local pages. */
  mounts?: Record<string, string>;
  browser?: { executablePath?: string };
  overrides?: { files: string[]; viewport?: ViewportInput; locale?: string; rules?: Record<string, RuleSettingInput> }[];
}

export interface LoadedConfig {
  /** Absolute path of the file, or null when no config file was found. */
  path: string | null;
  /** Folder the file's relative globs and targets are resolved from. */
  baseDir: string;
  config: ConfigFile;
}

export const CONFIG_NAMES = ["consentlint.config.json", "consentlint.config.yaml", "consentlint.config.yml"];

export function findConfigUpward(fromDir: string): string | null {
  let dir = resolve(fromDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let validator: ReturnType<Ajv["compile"]> | null = null;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath("config.schema.json"), "utf8")));
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key "${String(params.additionalProperty)}"`;
    case "enum":
      return `expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `expected ${String(params.type)}`;
    case "required":
      return `missing required key "${String(params.missingProperty)}"`;
    case "anyOf":
      return "expected one of the allowed shapes (see schemas/config.schema.json)";
    default:
      return error.message ?? error.keyword;
  }
}

export function formatSchemaErrors(
  file: string,
  source: string,
  data: unknown,
  errors: ErrorObject[],
  root: unknown,
  counter: LineCounter,
): string {
  // oneOf reports every branch; keep the most specific error per path.
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === "oneOf" && errors.some((e) => e !== error && e.instancePath === error.instancePath)) continue;
    const key =
      error.keyword === "additionalProperties"
        ? `${error.instancePath}/${String((error.params as Record<string, unknown>).additionalProperty)}`
        : error.instancePath;
    if (!byPath.has(key)) byPath.set(key, error);
  }
  const lines = [...byPath.values()].map((error) => {
    let pointer = error.instancePath;
    if (error.keyword === "additionalProperties") pointer += `/${String((error.params as Record<string, unknown>).additionalProperty)}`;
    const node = yamlNodeAt(root, pointer);
    const offset = node?.range?.[0];
    const where = offset !== undefined ? `:${counter.linePos(offset).line}:${counter.linePos(offset).col}` : "";
    const path = error.instancePath ? error.instancePath.slice(1).replace(/\//g, ".") : "(top level)";
    return `  ${file}${where}  ${path}: ${describeError(error)}`;
  });
  void source;
  void data;
  return lines.join("\n");
}

export function parseConfigText(file: string, source: string): ConfigFile {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = err.linePos?.[0] ?? counter.linePos(err.pos[0]);
    throw new UsageError(
      `Cannot parse config ${file}${pos ? `:${pos.line}:${pos.col}` : ""}: ${err.message.split("\n")[0]}. Fix the syntax and run again.`,
    );
  }
  const strict = jsonSyntaxProblem(file, source, counter);
  if (strict)
    throw new UsageError(`Cannot parse config ${file}:${strict.line}:${strict.col}: ${strict.message}. Fix the syntax and run again.`);
  const data: unknown = doc.toJS() ?? {};
  const errors = validate(data);
  if (errors.length > 0) {
    throw new UsageError(
      `Invalid config ${file}:\n${formatSchemaErrors(file, source, data, errors, doc.contents, counter)}\nSee schemas/config.schema.json for the allowed keys and values.`,
    );
  }
  return data as ConfigFile;
}

export function loadConfig(explicitPath: string | undefined, cwd: string = process.cwd()): LoadedConfig {
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfigUpward(cwd);
  if (!path) return { path: null, baseDir: cwd, config: {} };
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `Config file not found: ${path}. Check the --config path.`
        : `Cannot read config file ${path}: ${(error as Error).message}`,
    );
  }
  return { path, baseDir: dirname(path), config: parseConfigText(path, source) };
}

export function resolveViewport(input: ViewportInput | undefined): Viewport {
  if (input === undefined) return VIEWPORTS.desktop;
  if (typeof input === "string") return VIEWPORTS[input];
  return {
    width: input.width,
    height: input.height,
    deviceScaleFactor: input.deviceScaleFactor ?? 1,
    isMobile: input.isMobile ?? false,
  };
}

/** Per-target settings from `overrides` whose globs match the target (relative to the config's folder). */
export function overridesFor(
  loaded: LoadedConfig,
  targetPath: string,
): { viewport?: ViewportInput; locale?: string; rules?: Record<string, RuleSettingInput> } {
  const result: { viewport?: ViewportInput; locale?: string; rules?: Record<string, RuleSettingInput> } = {};
  const rel = relativePosix(loaded.baseDir, targetPath);
  for (const entry of loaded.config.overrides ?? []) {
    if (!entry.files.some((glob) => minimatch(rel, glob, { dot: true, matchBase: !glob.includes("/") }))) continue;
    if (entry.viewport !== undefined) result.viewport = entry.viewport;
    if (entry.locale !== undefined) result.locale = entry.locale;
    if (entry.rules) result.rules = { ...(result.rules ?? {}), ...entry.rules };
  }
  return result;
}

export function relativePosix(base: string, path: string): string {
  const abs = resolve(path);
  const b = resolve(base);
  const rel = abs.startsWith(b + "/") || abs.startsWith(b + "\\") ? abs.slice(b.length + 1) : abs;
  return rel.split("\\").join("/");
}
