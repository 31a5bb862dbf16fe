/**
 * Where a finding's element is in the HTML file a local target was loaded
 * from: the file's path relative to the working directory and the line and
 * column of the element's start tag, for formats that point into source files
 * (SARIF, GitHub annotations).
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { selectorPathParts } from "../heuristics/selectors.js";

/** 1-based line and column (UTF-16 code units) of an element's start tag. */
export interface SourcePosition {
  line: number;
  column: number;
  /** False when the selector matched nothing in the file and the position is the start of the file. */
  found: boolean;
}

export interface SourceLocation extends SourcePosition {
  /** Absolute path of the HTML file. */
  file: string;
  /** Path relative to the working directory with "/" separators; null when the file lies outside it. */
  relativePath: string | null;
}

const START_OF_FILE: SourcePosition = { line: 1, column: 1, found: false };

/** The local file a file:// URL names (query and fragment dropped); null for any other URL. */
export function localFilePath(url: string): string | null {
  if (!/^file:/i.test(url)) return null;
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

/** `file` relative to `cwd` with "/" separators; null when it is outside `cwd` or on another drive. */
export function pathRelativeToCwd(file: string, cwd: string): string | null {
  const rel = relative(cwd, file);
  if (rel === "" || isAbsolute(rel) || rel === ".." || rel.startsWith(".." + sep)) return null;
  return rel.split(sep).join("/");
}

/**
 * The part of a selector path that lies in the top document: everything
 * before the first " >>> " (where the path enters a frame or a shadow root),
 * so a finding inside one points at its frame or shadow host.
 */
export function topDocumentSelector(selector: string): string {
  return selectorPathParts(selector)[0].trim();
}

/** A parsed HTML document that answers selector look-ups with source positions. */
export class HtmlSource {
  private readonly $: cheerio.CheerioAPI;

  constructor(html: string) {
    this.$ = cheerio.load(html, { sourceCodeLocationInfo: true });
  }

  /** Position of the first element matching the selector's top-document part; the start of the file when none does or the selector cannot be parsed. */
  locate(selector: string): SourcePosition {
    const css = topDocumentSelector(selector);
    if (!css) return START_OF_FILE;
    let element: { sourceCodeLocation?: { startLine: number; startCol: number } | null } | undefined;
    try {
      element = this.$(css).get(0);
    } catch {
      return START_OF_FILE;
    }
    const loc = element?.sourceCodeLocation;
    if (!loc) return START_OF_FILE;
    return { line: loc.startLine, column: loc.startCol, found: true };
  }
}

/** Position of the element a selector names in an HTML string. */
export function locateInHtml(html: string, selector: string): SourcePosition {
  return new HtmlSource(html).locate(selector);
}

/**
 * Resolves findings of local targets to file positions, parsing each file
 * once. Files that cannot be read resolve to their first line.
 */
export class SourceLocator {
  private readonly sources = new Map<string, HtmlSource | null>();

  constructor(
    private readonly cwd: string,
    private readonly readFile: (file: string) => string = (file) => readFileSync(file, "utf8"),
  ) {}

  /** Location of `selector` in the file `url` names; null when the URL is not a file:// URL. */
  locate(url: string, selector: string): SourceLocation | null {
    const file = localFilePath(url);
    if (file === null) return null;
    const source = this.source(file);
    const position = source ? source.locate(selector) : START_OF_FILE;
    return { ...position, file, relativePath: pathRelativeToCwd(file, this.cwd) };
  }

  private source(file: string): HtmlSource | null {
    if (!this.sources.has(file)) {
      let source: HtmlSource | null = null;
      try {
        source = new HtmlSource(this.readFile(file));
      } catch {
        source = null;
      }
      this.sources.set(file, source);
    }
    return this.sources.get(file) ?? null;
  }
}
