/**
 * Turning what the user typed into targets: URLs, .html files, directories
 * (recursive, sorted) and, later, flow files. Each target that cannot be
 * used becomes an error result; the others are still linted.
 */
import { readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { minimatch } from "minimatch";
import { relativePosix } from "./config.js";

export type Target =
  | { kind: "url"; input: string; url: string }
  | { kind: "file"; input: string; path: string; /** Folder the page may read from (the directory given, or the file's own folder). */ root: string }
  | { kind: "invalid"; input: string; error: string };

const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml"]);
const DEFAULT_EXCLUDES = ["**/node_modules/**", "**/.git/**"];
const BLOCKED_SCHEMES = /^(javascript|data|chrome|chrome-extension|about|view-source|devtools|blob|ftp|ws|wss):/i;

export interface ResolveOptions {
  cwd: string;
  /** Globs (relative to excludeBase) of files to skip while walking directories. */
  exclude: string[];
  excludeBase: string;
}

function walk(dir: string, out: string[], isExcluded: (path: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.name.startsWith(".")) continue;
    if (isExcluded(full)) continue;
    if (entry.isDirectory()) walk(full, out, isExcluded);
    else if (entry.isFile() && HTML_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
}

export function resolveTargets(inputs: string[], opts: ResolveOptions): Target[] {
  const globs = [...DEFAULT_EXCLUDES, ...opts.exclude];
  const isExcluded = (path: string) => {
    const rel = relativePosix(opts.excludeBase, path);
    return globs.some((g) => minimatch(rel, g, { dot: true }) || minimatch(rel + "/", g, { dot: true }));
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
      targets.push({ kind: "invalid", input, error: `"${input}" uses a scheme consentlint does not lint. Give an http(s) URL, a file URL, an .html file or a directory.` });
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
    if (stat.isDirectory()) {
      const files: string[] = [];
      walk(path, files, isExcluded);
      if (files.length === 0) {
        targets.push({ kind: "invalid", input, error: `No .html files found in directory ${input}.` });
      }
      for (const file of files) {
        targets.push({ kind: "file", input: relativePosix(opts.cwd, file), path: file, root: path });
      }
    } else if (HTML_EXTENSIONS.has(extname(path).toLowerCase())) {
      targets.push({ kind: "file", input, path, root: resolve(path, "..") });
    } else {
      targets.push({ kind: "invalid", input, error: `${input} is not an HTML file (.html, .htm). Give a page, a directory of pages, or a URL.` });
    }
  }
  return targets;
}
