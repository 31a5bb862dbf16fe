/**
 * A loopback HTTP server for local pages, so that file targets load the way
 * a site does (same-origin frames work, root-relative links resolve) and can
 * only read files inside their own folder.
 *
 * Each folder is served as an origin of its own, `http://r<n>.localhost:<port>`
 * (Chromium resolves every `*.localhost` name to the loopback address itself),
 * so a page cannot reach another target's folder either, and symbolic links
 * that lead out of the folder are refused.
 *
 * Text is served the way a careful web server would: a page or script that
 * declares its own encoding (byte order mark, `<meta charset>`, `@charset`)
 * gets no charset in Content-Type, so the browser honours the declaration;
 * one that declares none is labelled UTF-8 when its bytes are valid UTF-8,
 * and otherwise left to the browser's legacy default, as it would be online.
 */
import { createServer, type Server } from "node:http";
import { closeSync, createReadStream, openSync, readSync, realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";

/** Content types without a charset: text types get one (or not) from their bytes. */
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "application/xhtml+xml",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".txt": "text/plain",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
};

/** Types whose charset is decided from the file's bytes. */
const TEXT_KINDS: Record<string, "html" | "xml" | "css" | "script" | "plain"> = {
  "text/html": "html",
  "application/xhtml+xml": "xml",
  "image/svg+xml": "xml",
  "application/xml": "xml",
  "text/css": "css",
  "text/javascript": "script",
  "application/json": "plain",
  "text/plain": "plain",
};

/** Bytes read to find an encoding declaration (the HTML prescan reads 1024). */
const SNIFF_BYTES = 1024;
/** Files up to this size are checked whole for valid UTF-8; larger ones on their first part only. */
const UTF8_CHECK_BYTES = 8 * 1024 * 1024;

function hasBom(head: Buffer): boolean {
  return (
    (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) ||
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff)
  );
}

/** Whether the start of a file declares its own encoding, the way the browser looks for one. */
export function declaresEncoding(head: Buffer, kind: "html" | "xml" | "css" | "script" | "plain"): boolean {
  if (hasBom(head)) return true;
  const text = head.subarray(0, SNIFF_BYTES).toString("latin1").toLowerCase();
  if (kind === "html") {
    if (/<meta\b[^>]*\bcharset\s*=/.test(text)) return true;
    return /^\s*<\?xml\b[^>]*\bencoding\s*=/.test(text);
  }
  if (kind === "xml") return /^\s*<\?xml\b[^>]*\bencoding\s*=/.test(text);
  if (kind === "css") return text.startsWith('@charset "');
  return false;
}

/** Whether the bytes are valid UTF-8 (a sequence cut at the end of a partial read is allowed). */
export function isUtf8(bytes: Buffer, partial: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

function readStart(file: string, size: number): Buffer {
  const length = Math.min(size, UTF8_CHECK_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, "r");
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The Content-Type to serve a file with. */
export function contentTypeFor(file: string, size: number): string {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  const kind = TEXT_KINDS[type];
  if (!kind) return type;
  if (size === 0) return `${type}; charset=utf-8`;
  const start = readStart(file, size);
  // A script without a declaration of its own follows its element's charset or the page's encoding, as on the web.
  if (declaresEncoding(start, kind)) return type;
  return isUtf8(start, size > start.length) ? `${type}; charset=utf-8` : type;
}

/** Whether `path` lies inside `root` (or is it). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

const HOST = /^r(\d+)\.localhost(?::\d+)?$/i;

/**
 * A folder served under a URL path prefix of every local origin, such as a
 * project's `node_modules/` under `/node_modules/`, so local pages can load
 * the packages they use the way the site serves them.
 */
export interface Mount {
  /** URL path prefix, starting and ending with "/" ("/node_modules/"). */
  prefix: string;
  /** Absolute folder served under the prefix. */
  dir: string;
}

/** Mounts from the config's `mounts` ({ "/vendor/": "folder" }), folders resolved from `baseDir`. */
export function resolveMounts(mounts: Record<string, string> | undefined, baseDir: string): Mount[] {
  return Object.entries(mounts ?? {})
    .map(([prefix, dir]) => ({ prefix: `/${prefix.replace(/^\/+|\/+$/g, "")}/`, dir: resolve(baseDir, dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

export class LocalFileServer {
  private server: Server | null = null;
  private roots: string[] = [];
  private realRoots: (string | null)[] = [];
  private port = 0;
  private readonly mounts: (Mount & { real: string | null })[];

  constructor(mounts: readonly Mount[] = []) {
    this.mounts = mounts.map((m) => ({ ...m, real: realOrNull(m.dir) }));
  }

  async start(): Promise<void> {
    if (this.server) return;
    this.server = createServer((req, res) => {
      const host = HOST.exec(req.headers.host ?? "");
      const index = host ? Number(host[1]) : -1;
      const root = this.roots[index];
      if (!root || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(404).end();
        return;
      }
      let rel: string;
      try {
        rel = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (rel.includes("\0")) {
        res.writeHead(400).end();
        return;
      }
      const mount = this.mounts.find((m) => rel.startsWith(m.prefix));
      const base = mount ? mount.dir : root;
      let file = normalize(join(base, mount ? rel.slice(mount.prefix.length) : rel));
      if (!inside(base, file)) {
        res.writeHead(403).end();
        return;
      }
      let size: number;
      try {
        let stat = statSync(file);
        if (stat.isDirectory()) {
          file = join(file, "index.html");
          stat = statSync(file);
        }
        if (!stat.isFile()) throw new Error("not a file");
        size = stat.size;
      } catch {
        res.writeHead(404).end();
        return;
      }
      const realRoot = mount ? mount.real : this.realRoots[index];
      const real = realOrNull(file);
      if (!realRoot || !real || !inside(realRoot, real)) {
        res.writeHead(403).end();
        return;
      }
      let type: string;
      try {
        type = contentTypeFor(file, size);
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        "content-type": type,
        "content-length": size,
        "cache-control": "no-store",
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      const stream = createReadStream(file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    });
    await new Promise<void>((resolveListen, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(0, "127.0.0.1", () => resolveListen());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  private originOf(index: number): string {
    return `http://r${index}.localhost:${this.port}`;
  }

  /** The http URL under which `file` is served, with `root` as the folder it may read. */
  urlFor(file: string, root: string): string {
    const absRoot = resolve(root);
    let index = this.roots.indexOf(absRoot);
    if (index < 0) {
      index = this.roots.push(absRoot) - 1;
      this.realRoots[index] = realOrNull(absRoot);
    }
    const rel = relative(absRoot, resolve(file)).split(sep).map(encodeURIComponent).join("/");
    return `${this.originOf(index)}/${rel}`;
  }

  /** Maps a served URL back to the file URL a user recognises; other URLs are returned as they are. */
  displayUrl(url: string): string {
    if (!this.port) return url;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return url;
    }
    const host = HOST.exec(parsed.host);
    const root = host && parsed.port === String(this.port) ? this.roots[Number(host[1])] : undefined;
    if (!root) return url;
    let rel: string;
    try {
      rel = decodeURIComponent(parsed.pathname);
    } catch {
      return url;
    }
    return pathToFileURL(join(root, rel)).href + parsed.search + parsed.hash;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  }
}
