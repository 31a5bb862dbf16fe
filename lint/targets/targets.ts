/**
 * Turning what the user typed into targets: URLs, .html files, directories
 * (recursive, sorted) and flow files. Each target that cannot be
 * used becomes an error result; the others are still linted.
 *
 * In a directory no page is skipped silently: each page is linted alone
 * unless a flow file in the directory names it as the page one of its steps
 * stands on (its start page or a `goto`), decided from the flow files alone
 * so targets are known before any browser runs.
 */
import { readdirSync, statSync } from "node:fs";
import { dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Minimatch } from "minimatch";
import { relativePosix } from "../config/config.js";
import { isFlowFile, loadFlowFile, resolveFlowUrl } from "../flow/flow-file.js";
import type { Flow } from "../flow/types.js";

export type Target =
  | { kind: "url"; input: string; url: string }
  | {
      kind: "file";
      input: string;
      path: string;
      /** Folder the page may read from (the directory given, or the file's own folder). */ root: string;
    }
  | { kind: "flow"; input: string; path: string; flow: Flow; /** Folder the flow's pages may read from. */ root: string }
  | { kind: "invalid"; input: string; error: string };

const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml"]);
const DEFAULT_EXCLUDES = ["**/node_modules/**", "**/.git/**"];
/** Larger files are not pages a person reads; loading them would only exhaust the browser. */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;
const BLOCKED_SCHEMES = /^(javascript|data|chrome|chrome-extension|about|view-source|devtools|blob|ftp|ws|wss):/i;

export interface ResolveOptions {
  cwd: string;
  /** Globs (relative to excludeBase) of files to skip while walking directories. */
  exclude: string[];
  excludeBase: string;
}

/** Collects pages and flow files under `dir`, recursively, sorted. */
function walk(dir: string, out: string[], isExcluded: (path: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isExcluded(full)) walk(full, out, isExcluded);
      continue;
    }
    // Only regular files: a pipe or device named page.html would block whoever reads it.
    if (!entry.isFile()) continue;
    const candidate = isFlowFile(entry.name) || HTML_EXTENSIONS.has(extname(entry.name).toLowerCase());
    if (candidate && !isExcluded(full)) out.push(full);
  }
}

/**
 * The local pages a flow's steps stand on, as the flow file names them: its
 * start page (`url`) and the pages its `goto` actions open. Pages a step
 * reaches by a click, a form or a script are not known before the browser
 * runs, so they are not among them.
 */
export function flowPages(flow: Flow): string[] {
  const pages = new Set<string>();
  if (flow.urlIsFile) pages.add(resolve(flow.url));
  for (const step of flow.steps) {
    for (const action of step.actions) {
      if (!("goto" in action)) continue;
      const target = resolveFlowUrl(flow.file, action.goto);
      if (target.isFile) pages.add(resolve(target.url));
    }
  }
  return [...pages];
}

/** The folder a flow's pages are served from: the flow file's own folder; a start page outside it is refused. */
function flowRoot(flowFile: string, flow: Flow): string {
  const root = dirname(flowFile);
  if (flow.urlIsFile) {
    const rel = relative(root, resolve(flow.url));
    if (rel.startsWith("..") || isAbsolute(rel)) {
      throw new Error(
        `${flowFile}: the start page ${flow.url} is outside the flow's folder ${root}. Keep a flow's pages in or below the folder of its flow file, so pages cannot read other files.`,
      );
    }
  }
  return root;
}

function flowTarget(input: string, path: string): Target {
  try {
    const flow = loadFlowFile(path);
    return { kind: "flow", input, path, flow, root: flowRoot(path, flow) };
  } catch (error) {
    return { kind: "invalid", input, error: error instanceof Error ? error.message : String(error) };
  }
}

export function resolveTargets(inputs: string[], opts: ResolveOptions): Target[] {
  const globs = [...DEFAULT_EXCLUDES, ...opts.exclude].map((g) => new Minimatch(g, { dot: true }));
  const isExcluded = (path: string) => {
    const rel = relativePosix(opts.excludeBase, path);
    return globs.some((g) => g.match(rel) || g.match(rel + "/"));
  };
  const targets: Target[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      try {
        targets.push({ kind: "url", input, url: new URL(input).href });
      } catch {
        targets.push({ kind: "invalid", input, error: `"${input}" is not a valid URL. Check the spelling.` });
      }
      continue;
    }
    if (BLOCKED_SCHEMES.test(input)) {
      targets.push({
        kind: "invalid",
        input,
        error: `"${input}" uses a scheme consentlint does not lint. Give an http(s) URL, a file URL, an .html file or a directory.`,
      });
      continue;
    }
    let path: string;
    if (/^file:/i.test(input)) {
      try {
        path = fileURLToPath(input);
      } catch {
        targets.push({ kind: "invalid", input, error: `"${input}" is not a valid file URL.` });
        continue;
      }
    } else {
      path = resolve(opts.cwd, input);
    }
    let stat;
    try {
      stat = statSync(path);
    } catch {
      targets.push({ kind: "invalid", input, error: `No such file or directory: ${input}. Check the path, or give an http(s) URL.` });
      continue;
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      targets.push({
        kind: "invalid",
        input,
        error: `${input} is not a regular file (a pipe, socket or device). Give a page, a flow, a directory of them, or a URL.`,
      });
      continue;
    }
    if (stat.isFile() && stat.size > MAX_PAGE_BYTES) {
      targets.push({
        kind: "invalid",
        input,
        error: `${input} is ${Math.round(stat.size / 1024 / 1024)} MB; consentlint lints pages of up to ${MAX_PAGE_BYTES / 1024 / 1024} MB.`,
      });
      continue;
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      walk(path, files, isExcluded);
      if (files.length === 0) {
        targets.push({ kind: "invalid", input, error: `No .html or flow files found in directory ${input}.` });
      }
      // Every page is linted alone, except the pages a flow found here stands on (they are linted as its steps).
      const flows = new Map(
        files.filter((file) => isFlowFile(file)).map((file) => [file, flowTarget(relativePosix(opts.cwd, file), file)]),
      );
      const stoodOn = new Set<string>();
      for (const target of flows.values()) if (target.kind === "flow") for (const page of flowPages(target.flow)) stoodOn.add(page);
      for (const file of files) {
        if (isFlowFile(file)) targets.push(flows.get(file)!);
        else if (!stoodOn.has(resolve(file))) targets.push({ kind: "file", input: relativePosix(opts.cwd, file), path: file, root: path });
      }
    } else if (isFlowFile(path)) {
      targets.push(flowTarget(input, path));
    } else if (HTML_EXTENSIONS.has(extname(path).toLowerCase())) {
      targets.push({ kind: "file", input, path, root: resolve(path, "..") });
    } else {
      targets.push({
        kind: "invalid",
        input,
        error: `${input} is not an HTML file (.html, .htm) or a flow file (.flow.json, .flow.yaml). Give a page, a flow, a directory of them, or a URL.`,
      });
    }
  }
  return targets;
}
