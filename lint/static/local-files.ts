/** Reading files a page refers to (stylesheets, frame sources) from a local directory, never outside it. */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

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

/** Files under `root`, resolved against a document's directory. */
export class LocalFiles {
  readonly root: string;

  constructor(
    root: string,
    /** Directory of the document being read. */
    readonly documentDir: string = root,
  ) {
    this.root = resolve(root);
  }

  /** The same root, for a document in another directory. */
  forDocument(dir: string): LocalFiles {
    return new LocalFiles(this.root, dir);
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

  /** The file a relative reference names, or null when it is not relative, lies outside the root or cannot be read. */
  read(href: string, fromDir: string | null): LocalFile | null {
    const path = this.resolvePath(href, fromDir);
    if (path === null) return null;
    try {
      return { text: readFileSync(path, "utf8"), path, dir: dirname(path) };
    } catch {
      return null;
    }
  }
}
