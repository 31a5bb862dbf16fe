/**
 * The loopback file server's mounts: a configured folder is served under its
 * URL prefix on every local origin, and nothing outside the folder or the
 * page's own root can be read through it (dot segments, encoded dot
 * segments, symbolic links that lead out).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalFileServer, resolveMounts } from "./file-server.js";
import { lint } from "../index.js";

let dir: string;
let server: LocalFileServer;
let origin: string;

/** Status and body of a GET sent as the browser would (Host names the served origin). */
function get(url: string): Promise<{ status: number; body: string }> {
  const parsed = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: parsed.port, path: parsed.pathname, headers: { host: parsed.host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-mounts-"));
  mkdirSync(join(dir, "site"));
  mkdirSync(join(dir, "modules", "cmp"), { recursive: true });
  writeFileSync(join(dir, "site", "index.html"), "<p>page</p>");
  writeFileSync(join(dir, "modules", "cmp", "cmp.js"), "window.cmp = 1;");
  writeFileSync(join(dir, "secret.txt"), "secret");
  symlinkSync(join(dir, "secret.txt"), join(dir, "modules", "leak.txt"));
  server = new LocalFileServer(resolveMounts({ "vendor/": "modules" }, dir));
  await server.start();
  origin = new URL(server.urlFor(join(dir, "site", "index.html"), join(dir, "site"))).origin;
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("mounts", () => {
  it("resolves prefixes with and without slashes to absolute folders, longest first", () => {
    expect(resolveMounts({ "/a/": "x", "a/b": "y" }, "/base")).toEqual([
      { prefix: "/a/b/", dir: "/base/y" },
      { prefix: "/a/", dir: "/base/x" },
    ]);
  });

  it("serves the mounted folder under its prefix, beside the page's own folder", async () => {
    expect(await get(`${origin}/index.html`)).toEqual({ status: 200, body: "<p>page</p>" });
    expect(await get(`${origin}/vendor/cmp/cmp.js`)).toEqual({ status: 200, body: "window.cmp = 1;" });
  });

  it("reads nothing outside the mounted folder: encoded dot segments and links that lead out are refused", async () => {
    for (const path of ["/vendor/%2e%2e/secret.txt", "/vendor/cmp/%2e%2e%2f%2e%2e/secret.txt", "/vendor/leak.txt"]) {
      const res = await get(`${origin}${path}`);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain("secret");
    }
  });

  it("refuses a config whose mount names a folder that does not exist, naming the file and the prefix", async () => {
    const config = join(dir, "consentlint.config.json");
    writeFileSync(config, JSON.stringify({ mounts: { "/node_modules/": "no-such-folder" } }));
    await expect(lint([join(dir, "site", "index.html")], { config, cwd: dir })).rejects.toThrow(
      /consentlint\.config\.json: mounts\["\/node_modules\/"\] names .*no-such-folder, which does not exist/,
    );
  });
});
