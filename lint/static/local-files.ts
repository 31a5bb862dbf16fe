/** Reading files a page refers to (stylesheets, frame sources) from a local directory, never outside it. */
import { readFileSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { decodeCss, decodeHtml } from "./decode.js";

export interface LocalFile {
  text: string;
  /** Absolute path of the file. */
  path: string;
  /** Directory the file's own relative references resolve against. */
  dir: string;
}

/** A relative reference: no scheme, not protocol-relative, not root-relative. */
export function isRelativeReference(href: string): boolean {
  const h = href.trim();
  return h !== "" && !/^[a-z][a-z0-9+.-]*:/iu.test(h) && !h.startsWith("//") && !h.startsWith("/") && !h.startsWith("#");
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`);
}

/** What a file is read as: a style sheet (BOM, @charset, else UTF-8) or an HTML document (BOM, meta charset, sniffed). */
export type FileKind = "stylesheet" | "document";

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Files under `root`, resolved against a document's directory. */
export class LocalFiles {
  readonly root: string;
  /** The root with symbolic links resolved, for checking where a file really lies. */
  private readonly realRoot: string;

  constructor(
    root: string,
    /** Directory of the document being read. */
    readonly documentDir: string = root,
    /** Encoding of documents that declare none and are not UTF-8 (the browser's default for the locale). */
    readonly htmlFallback: string = "windows-1252",
    realRoot?: string,
  ) {
    this.root = resolve(root);
    this.realRoot = realRoot ?? realOrSelf(this.root);
  }

  /** The same root, for a document in another directory. */
  forDocument(dir: string): LocalFiles {
    return new LocalFiles(this.root, dir, this.htmlFallback, this.realRoot);
  }

  /** The absolute path a relative reference names inside the root, or null. */
  resolvePath(href: string, fromDir: string | null): string | null {
    if (!isRelativeReference(href)) return null;
    let path: string;
    try {
      path = resolve(fromDir ?? this.documentDir, decodeURIComponent(href.trim().replace(/[?#].*$/su, "")));
    } catch {
      return null;
    }
    return inside(this.root, path) ? path : null;
  }

  /**
   * The file a relative reference names, decoded as `kind`; null when the
   * reference is not relative, the file lies outside the root (also through a
   * symbolic link) or cannot be read.
   */
  read(href: string, fromDir: string | null, kind: FileKind): LocalFile | null {
    const path = this.resolvePath(href, fromDir);
    if (path === null) return null;
    try {
      if (!inside(this.realRoot, realpathSync(path))) return null;
      const bytes = readFileSync(path);
      return { text: kind === "stylesheet" ? decodeCss(bytes) : decodeHtml(bytes, this.htmlFallback), path, dir: dirname(path) };
    } catch {
      return null;
    }
  }
}
