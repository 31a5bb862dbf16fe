/**
 * A loopback HTTP server for local pages, so that file targets load the way
 * a site does (same-origin frames work) and can only read files inside their
 * own folder.
 */
import { createServer, type Server } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "application/xhtml+xml",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
};

export class LocalFileServer {
  private server: Server | null = null;
  private roots: string[] = [];
  private origin = "";

  async start(): Promise<void> {
    if (this.server) return;
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const match = /^\/r(\d+)\/(.*)$/.exec(url.pathname);
      const root = match ? this.roots[Number(match[1])] : undefined;
      if (!match || !root || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(404).end();
        return;
      }
      let rel: string;
      try {
        rel = decodeURIComponent(match[2]);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const file = normalize(join(root, rel));
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let size: number;
      try {
        const stat = statSync(file);
        if (!stat.isFile()) throw new Error("not a file");
        size = stat.size;
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "content-length": size,
        "cache-control": "no-store",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolveListen, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(0, "127.0.0.1", () => resolveListen());
    });
    const address = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${address.port}`;
  }

  /** The http URL under which `file` is served, with `root` as the folder it may read. */
  urlFor(file: string, root: string): string {
    const absRoot = resolve(root);
    let index = this.roots.indexOf(absRoot);
    if (index < 0) index = this.roots.push(absRoot) - 1;
    const rel = resolve(file).slice(absRoot.length + 1).split(sep).map(encodeURIComponent).join("/");
    return `${this.origin}/r${index}/${rel}`;
  }

  /** Maps a served URL back to the file URL a user recognises; other URLs are returned as they are. */
  displayUrl(url: string): string {
    if (!this.origin || !url.startsWith(this.origin + "/r")) return url;
    const parsed = new URL(url);
    const match = /^\/r(\d+)\/(.*)$/.exec(parsed.pathname);
    const root = match ? this.roots[Number(match[1])] : undefined;
    if (!match || !root) return url;
    return pathToFileURL(join(root, decodeURIComponent(match[2]))).href + parsed.search + parsed.hash;
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
