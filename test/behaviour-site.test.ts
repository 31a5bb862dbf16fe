/**
 * The loopback test site of the behaviour rules (corpus/behaviour): the
 * server answers the site on 127.0.0.1 and the tracker on localhost from one
 * free port, by the Host header, with the cookies the expected findings name;
 * and every flow of corpus/behaviour/flows stands on a page of the site, with
 * its port left as the ${BEHAVIOUR_PORT} placeholder, and an expected.json
 * that lists exactly its steps with findings of the two behaviour rules.
 * What Chromium stores and sends on each step is measured by
 * corpus/behaviour/check.mjs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "node:http";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { startBehaviourSite, type BehaviourSite } from "../corpus/behaviour/server.mjs";

const root = resolve(__dirname, "../corpus/behaviour");

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET to 127.0.0.1:<port> naming `host`, as Chromium sends it for either site name. */
function get(port: number, host: string, path: string, cookie?: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host: `${host}:${port}`, ...(cookie ? { cookie } : {}) } }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

const setCookies = (a: Answer): string[] => (a.headers["set-cookie"] as string[] | undefined) ?? [];

describe("behaviour test site server", () => {
  let site: BehaviourSite;
  beforeAll(async () => {
    site = await startBehaviourSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it("starts on a free port with the site on 127.0.0.1 and the tracker on localhost", async () => {
    expect(site.port).toBeGreaterThan(0);
    expect(site.siteUrl).toBe(`http://127.0.0.1:${site.port}/`);
    expect(site.trackerUrl).toBe(`http://localhost:${site.port}/`);
    const other = await startBehaviourSite({ port: 0 });
    expect(other.port).not.toBe(site.port);
    await other.close();
    await expect(get(other.port, "127.0.0.1", "/")).rejects.toThrow();
  });

  it("serves the pages with the tracker's origin filled in, and refuses other host names", async () => {
    const page = await get(site.port, "127.0.0.1", "/before-consent/");
    expect(page.status).toBe(200);
    expect(page.body).toContain(`tracker: "http://localhost:${site.port}"`);
    expect(page.body).not.toContain("{{TRACKER}}");
    expect((await get(site.port, "127.0.0.1", "/consent.js")).body).toContain("cm_consent");
    expect((await get(site.port, "127.0.0.1", "/../server.mjs")).status).toBe(404);
    expect((await get(site.port, "127.0.0.1", "/tag.js")).status).toBe(404);
    expect((await get(site.port, "example.com", "/")).status).toBe(421);
  });

  it("sets only necessary cookies from the site's own responses", async () => {
    const names = setCookies(await get(site.port, "127.0.0.1", "/necessary-only/")).map((c) => c.split("=")[0]);
    expect(names).toEqual(["sessionid", "csrftoken", "AWSALB"]);
    expect(setCookies(await get(site.port, "127.0.0.1", "/compliant/"))).toEqual([]);
  });

  it("the tracker sets a partitioned third-party uid once, and its tag writes _ga, _gid and _hjSessionUser_2841", async () => {
    for (const path of ["/frame.html", "/pixel.gif", "/collect"]) {
      const first = await get(site.port, "localhost", path);
      expect(first.status, path).toBeLessThan(300);
      expect(setCookies(first), path).toHaveLength(1);
      expect(setCookies(first)[0]).toMatch(/^uid=[0-9a-f]{16}; Path=\/; Max-Age=\d+; SameSite=None; Secure; Partitioned$/);
      expect(setCookies(await get(site.port, "localhost", path, "uid=abc")), path).toEqual([]);
    }
    const tag = await get(site.port, "localhost", "/tag.js");
    expect(tag.headers["content-type"]).toContain("javascript");
    for (const name of ["_ga=", "_gid=", "_hjSessionUser_2841", `http://localhost:${site.port}`, "sendBeacon", "/pixel.gif"])
      expect(tag.body).toContain(name);
    expect((await get(site.port, "localhost", "/before-consent/")).status).toBe(404);
  });
});

describe("behaviour flows", () => {
  const flowDirs = readdirSync(join(root, "flows"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  it("has the positive and negative cases of both rules", () => {
    expect(flowDirs.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of flowDirs) {
    it(`${name}: a page of the site, the port as a placeholder, expected findings for exactly its steps`, () => {
      const dir = join(root, "flows", name);
      const flow = parse(readFileSync(join(dir, `${name}.flow.yaml`), "utf8")) as {
        url: string;
        steps: { name: string; actions?: unknown[] }[];
      };
      const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
        description: string;
        steps: Record<string, { ruleId: string; text: string }[]>;
      };
      const url = /^http:\/\/127\.0\.0\.1:\$\{BEHAVIOUR_PORT\}\/([a-z-]+)\/$/.exec(flow.url);
      expect(url, flow.url).not.toBeNull();
      expect(existsSync(join(root, "site", url![1], "index.html"))).toBe(true);
      const steps = flow.steps.map((s) => s.name);
      expect(steps[0]).toBe("banner");
      expect(steps).toContain("after-reload");
      expect(Object.keys(expected.steps)).toEqual(steps);
      expect(expected.description.length).toBeGreaterThan(100);
      for (const findings of Object.values(expected.steps))
        for (const f of findings) expect(["tracking-before-consent", "choice-not-respected"]).toContain(f.ruleId);
      // tracking-before-consent only before any choice, choice-not-respected only once a refusal was made
      for (const f of expected.steps.banner) expect(f.ruleId).toBe("tracking-before-consent");
      for (const step of steps.slice(1)) for (const f of expected.steps[step]) expect(f.ruleId).toBe("choice-not-respected");
    });
  }
});
