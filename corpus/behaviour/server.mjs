// The loopback test site of the behaviour rules (rules.md, "Behaviour rules:
// what the page does"): one Node server, no dependencies, answering two sites
// on one port by the Host header:
//   http://127.0.0.1:<port>/   the site: pages of site/<page>/index.html and
//                              the consent manager site/consent.js
//   http://localhost:<port>/   the "tracker", another site (registrable
//                              domains 127.0.0.1 and localhost differ)
// Chromium resolves `localhost` to the loopback address itself, so one
// listening socket on 127.0.0.1 serves both names.
//
//   import { startBehaviourSite } from "./corpus/behaviour/server.mjs";
//   const { siteUrl, trackerUrl, port, close } = await startBehaviourSite({ port: 0 });
//
// Run alone: `node corpus/behaviour/server.mjs [port]` prints both URLs.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";

const here = dirname(fileURLToPath(import.meta.url));
const siteRoot = join(here, "site");

/** 1x1 transparent GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * The tracker's identifier cookie. `SameSite=None` needs `Secure`, which
 * Chromium accepts from http://localhost (a potentially trustworthy origin).
 * `Partitioned` (CHIPS): Chromium as Playwright launches it blocks unpartitioned
 * third-party cookies ("UserPreferences"), but stores a partitioned one keyed
 * by the top-level site and sends it back from that site (measured with
 * Chromium 156, see README.md).
 */
const uidCookie = () => `uid=${randomBytes(8).toString("hex")}; Path=/; Max-Age=31536000; SameSite=None; Secure; Partitioned`;

/** Cookies the site itself sets on its pages' responses: necessary ones only (session, CSRF, load balancer). */
const NECESSARY_COOKIES = {
  "/necessary-only/": [
    "sessionid=s3ss10n0000000000000000000000001; Path=/; HttpOnly; SameSite=Lax",
    "csrftoken=c5rf000000000000000000000000000001; Path=/; SameSite=Lax",
    "AWSALB=lb00000000000000000001; Path=/; Max-Age=604800",
  ],
};

const hasCookie = (req, name) => (req.headers.cookie ?? "").split(/;\s*/).some((c) => c.startsWith(`${name}=`));

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
  res.end(body);
}

/** The tracker (host `localhost`). */
function tracker(req, res, url, origins) {
  const setUid = hasCookie(req, "uid") ? {} : { "set-cookie": uidCookie() };
  switch (url.pathname) {
    case "/pixel.gif":
      return send(res, 200, "image/gif", PIXEL, setUid);
    case "/collect":
      // sendBeacon (POST, resource type "ping") and fetch/XHR (GET or POST)
      req.resume();
      return send(res, 204, "text/plain", "", { ...setUid, "access-control-allow-origin": origins.site });
    case "/tag.js":
      return send(res, 200, "text/javascript; charset=utf-8", tagScript(origins.tracker));
    case "/frame.html":
      return send(res, 200, "text/html; charset=utf-8", "<!doctype html><title>sync</title><p>sync</p>", setUid);
    default:
      return send(res, 404, "text/plain", "not found");
  }
}

/**
 * The tag a page loads from the tracker: first-party analytics cookies `_ga`
 * and `_gid` on the page's own host (document.cookie), a session-replay key
 * `_hjSessionUser_2841` in the page's localStorage (each only when absent, as
 * analytics tags keep an existing client id), then a hidden frame of the
 * tracker (which sets the third-party `uid`), and once it has loaded a beacon
 * to /collect and a pixel, both carrying `uid`.
 */
function tagScript(trackerOrigin) {
  return `(function () {
  var T = ${JSON.stringify(trackerOrigin)};
  var year = 60 * 60 * 24 * 365;
  function has(name) { return document.cookie.split(/;\\s*/).some(function (c) { return c.indexOf(name + "=") === 0; }); }
  var rnd = function () { return Math.floor(Math.random() * 1e9); };
  if (!has("_ga")) document.cookie = "_ga=GA1.1." + rnd() + "." + Math.floor(Date.now() / 1000) + "; path=/; max-age=" + 2 * year + "; SameSite=Lax";
  if (!has("_gid")) document.cookie = "_gid=GA1.1." + rnd() + "; path=/; max-age=86400; SameSite=Lax";
  try { if (localStorage.getItem("_hjSessionUser_2841") === null) localStorage.setItem("_hjSessionUser_2841", JSON.stringify({ id: String(rnd()), created: Date.now() })); } catch (e) {}
  var f = document.createElement("iframe");
  f.src = T + "/frame.html";
  f.title = "sync";
  f.style.cssText = "position:absolute;width:1px;height:1px;border:0;left:-10px;top:-10px";
  f.onload = function () {
    var cid = (document.cookie.match(/(?:^|;\\s*)_ga=([^;]*)/) || [])[1] || "";
    navigator.sendBeacon(T + "/collect?v=2&en=page_view&cid=" + encodeURIComponent(cid) + "&dl=" + encodeURIComponent(location.href));
    new Image().src = T + "/pixel.gif?ev=PageView&cid=" + encodeURIComponent(cid);
  };
  document.body.appendChild(f);
})();
`;
}

/** The site (host `127.0.0.1`): site/<page>/index.html with {{TRACKER}} filled in, and site/consent.js. */
async function site(req, res, url, origins) {
  let path = decodeURIComponent(url.pathname);
  if (path === "/") return send(res, 200, "text/html; charset=utf-8", await indexPage());
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(siteRoot, path));
  if (!file.startsWith(siteRoot + sep)) return send(res, 404, "text/plain", "not found");
  let body;
  try {
    body = await readFile(file, "utf8");
  } catch {
    return send(res, 404, "text/plain", "not found");
  }
  const type = file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
  const dir = url.pathname.endsWith("/") ? url.pathname : url.pathname.replace(/[^/]*$/, "");
  const cookies = file.endsWith(".html") ? (NECESSARY_COOKIES[dir] ?? []).filter((c) => !hasCookie(req, c.split("=")[0])) : [];
  return send(res, 200, type, body.replaceAll("{{TRACKER}}", origins.tracker), cookies.length ? { "set-cookie": cookies } : {});
}

async function indexPage() {
  const { readdir } = await import("node:fs/promises");
  const pages = (await readdir(siteRoot, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return `<!doctype html><html lang="en"><title>Behaviour test site</title><h1>Behaviour test site</h1><ul>${pages
    .map((p) => `<li><a href="/${p}/">${p}</a></li>`)
    .join("")}</ul>`;
}

/**
 * Starts the site and the tracker on 127.0.0.1 (`port` 0 or absent: a free port).
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ siteUrl: string, trackerUrl: string, port: number, close: () => Promise<void> }>}
 */
export async function startBehaviourSite({ port = 0 } = {}) {
  const origins = { site: "", tracker: "" };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    const handle = host === "localhost" ? tracker : host === "127.0.0.1" ? site : null;
    if (!handle) return send(res, 421, "text/plain", `unknown host ${host}`);
    Promise.resolve(handle(req, res, url, origins)).catch((error) => {
      if (!res.headersSent) send(res, 500, "text/plain", String(error));
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  const actual = server.address().port;
  origins.site = `http://127.0.0.1:${actual}`;
  origins.tracker = `http://localhost:${actual}`;
  return {
    siteUrl: `${origins.site}/`,
    trackerUrl: `${origins.tracker}/`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && normalize(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { siteUrl, trackerUrl } = await startBehaviourSite({ port: Number(process.argv[2] ?? 0) });
  console.log(`site    ${siteUrl}\ntracker ${trackerUrl}\n(Ctrl-C to stop)`);
}
