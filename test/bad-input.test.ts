/**
 * Bad input through the command line (`node bin/consentlint.js`): every kind
 * of config and flow schema error with its file, line and path; unreadable
 * files and links; unknown rule ids; a folder of thousands of files; targets that are
 * not pages (script and data URLs, browser pages, images, PDFs, pipes,
 * oversized files); a huge page that must still be linted; and a failed run
 * that must leave the user's --output file as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveTargets } from "../lint/targets/targets.js";

const bin = resolve(__dirname, "../bin/consentlint.js");
let dir: string;

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign up</title></head><body><main><h1>Create your account</h1>
<form><label>Email <input type="email" name="email"></label>
<label><input type="checkbox" name="share" checked> Share my profile with our advertising partners</label>
<button type="submit">Create account</button></form></main></body></html>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-bad-"));
  writeFileSync(join(dir, "page.html"), PAGE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to `name` in the test folder and returns its path. */
function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("config files", () => {
  // Every error of a config is reported at once, each with its own line: one run per file covers every kind.
  const kinds: { kind: string; yaml: string; json: string; message: RegExp; at: string }[] = [
    {
      kind: "unknown key",
      yaml: "thresholds:\n  minFontPx: 12\n  minFontSize: 9",
      json: '"thresholds": {\n    "minFontSize": 9\n  }',
      message: /thresholds: unknown key "minFontSize"/,
      at: "minFontSize",
    },
    { kind: "wrong type", yaml: "timeout: soon", json: '"timeout": "soon"', message: /timeout: expected integer/, at: "soon" },
    {
      kind: "missing required",
      yaml: "ignore:\n  - fingerprint: 3f2a9c0d1e4b5a67",
      json: '"ignore": [\n    { "fingerprint": "3f2a9c0d1e4b5a67" }\n  ]',
      message: /ignore\.0: missing required key "reason"/,
      at: "fingerprint",
    },
    {
      kind: "bad enum",
      yaml: "rules:\n  bundled-consent: fatal",
      json: '"rules": {\n    "bundled-consent": "fatal"\n  }',
      message: /rules\.bundled-consent: expected one of "off", "warn", "error"/,
      at: "fatal",
    },
  ];
  for (const format of ["yaml", "json"] as const) {
    it(`${format}: unknown key, wrong type, missing required and bad enum each exit 2 with the file, its line, the path inside it and what was expected`, () => {
      const blocks = kinds.map((k) => (format === "yaml" ? k.yaml : k.json));
      const text = format === "yaml" ? `${blocks.join("\n")}\n` : `{\n  ${blocks.join(",\n  ")}\n}\n`;
      const path = file(`all-kinds.config.${format}`, text);
      const r = run(["lint", "page.html", "--config", path]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      kinds.forEach((k) => {
        const line = r.stderr.split("\n").find((l) => k.message.test(l));
        expect(line, `${k.kind} in\n${r.stderr}`).toBeDefined();
        const expectedLine = text.split("\n").findIndex((l) => l.includes(k.at)) + 1;
        expect(line, k.kind).toContain(`${path}:${expectedLine}:`);
      });
    });
  }

  it("a YAML syntax error: exit 2 with its line and column", () => {
    const path = file("syntax.yaml", "rules:\n  pre-checked-opt-in: error\n  bundled-consent: [warn\ntimeout: 1000\n");
    const r = run(["lint", "page.html", "--config", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+`));
    expect(r.stderr).toMatch(/syntax/i);
  });

  it("an unreadable or missing config file: exit 2 saying which and why", () => {
    mkdirSync(join(dir, "folder.config.yaml"));
    const r = run(["lint", "page.html", "--config", "folder.config.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read config file .*folder\.config\.yaml/);
    const missing = run(["lint", "page.html", "--config", "nowhere.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Config file not found: .*nowhere\.yaml/);
    if (process.getuid?.() !== 0) {
      const locked = file("locked.yaml", "timeout: 1000\n");
      spawnSync("chmod", ["000", locked]);
      const r2 = run(["lint", "page.html", "--config", locked]);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(/Cannot read config file/);
    }
  });

  it("unknown rule ids, on the command line and in the config: exit 2 naming the rule and the known ones", () => {
    const cli = run(["lint", "page.html", "--rule", "pre-ticked-opt-in=error"]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('Unknown rule "pre-ticked-opt-in"');
    expect(cli.stderr).toContain("pre-checked-opt-in");
    const cfg = file("unknown-rule.json", JSON.stringify({ rules: { "hidden-text": "warn" } }));
    const inConfig = run(["lint", "page.html", "--config", cfg]);
    expect(inConfig.code).toBe(2);
    expect(inConfig.stderr).toContain('Unknown rule "hidden-text"');
  });

  it("rule options outside the rule's schema, on the command line and in the config: exit 2 naming the rule and the option", () => {
    const cli = run(["lint", "page.html", "--rule", 'hidden-consent-text=["error",{"minContrast":30}]']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('Invalid options for rule "hidden-consent-text" in --rule');
    expect(cli.stderr).toContain('option "minContrast" must be <= 21 (got 30)');
    const notJson = run(["lint", "page.html", "--rule", 'hidden-consent-text=["error",{minContrast:3}]']);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("--rule hidden-consent-text: the setting is not valid JSON");
    const cfg = file("bad-option.json", JSON.stringify({ rules: { "hidden-consent-text": ["warn", { minOpacty: 0.5 }] } }));
    const inConfig = run(["lint", "page.html", "--config", cfg]);
    expect(inConfig.code).toBe(2);
    expect(inConfig.stderr).toContain('unknown option "minOpacty" (did you mean "minOpacity"?)');
  });
});

describe("flow files", () => {
  it("each kind of schema error and a syntax error is the flow's error (exit 2) with file, line and path; the other targets are still linted", () => {
    const flows: { name: string; text: string; expect: RegExp }[] = [
      {
        name: "unknown-key.flow.yaml",
        text: "name: a\nurl: ./page.html\nsteps:\n  - name: first\n    wait: 100\n",
        expect: /unknown-key\.flow\.yaml:5:\d+ +steps\[0\]: unknown key "wait"/,
      },
      {
        name: "wrong-type.flow.yaml",
        text: "name: b\nurl: ./page.html\nsteps: first\n",
        expect: /wrong-type\.flow\.yaml:3:\d+ +steps: expected array/,
      },
      {
        name: "missing-required.flow.yaml",
        text: "name: c\nsteps:\n  - name: first\n",
        expect: /missing-required\.flow\.yaml:1:\d+ .*missing required key "url"/,
      },
      {
        name: "bad-enum.flow.yaml",
        text: "name: d\nurl: ./page.html\nsteps:\n  - name: go\n    actions:\n      - click: { role: buton, name: Go }\n",
        expect: /bad-enum\.flow\.yaml:6:\d+ +steps\[0\]\.actions\[0\]\.click\.role: .*"buton".*did you mean "button"/,
      },
      {
        name: "syntax.flow.yaml",
        text: "name: e\nurl: ./page.html\nsteps:\n  - name: first\n    actions: [\n  - oops\n",
        expect: /syntax\.flow\.yaml:\d+:\d+ .*cannot parse/i,
      },
      {
        name: "syntax.flow.json",
        text: '{ "name": "f", "url": "./page.html", "steps": [ { "name": "first" }\n',
        expect: /syntax\.flow\.json:\d+:\d+/,
      },
    ];
    const folder = join(dir, "flows");
    mkdirSync(folder);
    for (const f of flows) writeFileSync(join(folder, f.name), f.text);
    const r = run(["lint", ...flows.map((f) => join("flows", f.name)), "page.html", "--format", "json"]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.results).toHaveLength(flows.length + 1);
    flows.forEach((f, i) => expect(report.results[i].error, f.name).toMatch(f.expect));
    const page = report.results[flows.length];
    expect(page.error).toBeUndefined();
    expect(page.findings.some((x: { ruleId: string }) => x.ruleId === "pre-checked-opt-in")).toBe(true);
  });
});

describe("targets that are not pages", () => {
  it("script, data and browser URLs, images, PDFs, pipes, missing and oversized files each get a clear error (exit 2); a huge page is still linted; the good page is linted", () => {
    file("logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    file("terms.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\n");
    const fifo = join(dir, "pipe.html");
    const mkfifo = spawnSync("mkfifo", [fifo]);
    symlinkSync(join(dir, "gone.html"), join(dir, "dangling.html"));
    const oversized = file("oversized.html", "");
    truncateSync(oversized, 70 * 1024 * 1024); // sparse: takes no disk space
    // A huge page: 8 MB of inline data and 1 MB of text after the consent form.
    const blob = JSON.stringify({ items: Array.from({ length: 60_000 }, (_, i) => ({ id: i, name: `Product ${i}`, price: i % 97 })) });
    const text = Array.from({ length: 500 }, (_, i) => `<p>Paragraph ${i}: ${"lorem ipsum dolor sit amet ".repeat(70)}</p>`).join("\n");
    file(
      "huge.html",
      PAGE.replace(
        "</main>",
        `</main><script type="application/json" id="state">${blob.repeat(Math.ceil(8e6 / blob.length))}</script>${text}`,
      ),
    );
    const targets = [
      "javascript:alert(1)",
      "data:text/html,<input type=checkbox checked>",
      "chrome://settings",
      "about:blank",
      "view-source:https://example.com/",
      "logo.png",
      "terms.pdf",
      "file:///etc/passwd",
      "missing.html",
      "dangling.html",
      "oversized.html",
      ...(mkfifo.status === 0 ? ["pipe.html"] : []),
      "huge.html",
      "page.html",
    ];
    const started = Date.now();
    const r = run(["lint", ...targets, "--format", "json", "--timeout", "60000"]);
    const elapsed = Date.now() - started;
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    const byTarget = new Map<string, { error?: string; findings: { ruleId: string }[] }>(
      report.results.map((x: { target: string }) => [x.target, x]),
    );
    expect(report.results).toHaveLength(targets.length);
    for (const scheme of [
      "javascript:alert(1)",
      "data:text/html,<input type=checkbox checked>",
      "chrome://settings",
      "about:blank",
      "view-source:https://example.com/",
    ]) {
      expect(byTarget.get(scheme)?.error, scheme).toMatch(/uses a scheme consentlint does not lint/);
    }
    expect(byTarget.get("logo.png")?.error).toMatch(/logo\.png is not an HTML file/);
    expect(byTarget.get("terms.pdf")?.error).toMatch(/terms\.pdf is not an HTML file/);
    expect(byTarget.get("file:///etc/passwd")?.error).toMatch(/is not an HTML file/);
    expect(byTarget.get("missing.html")?.error).toMatch(/No such file or directory: missing\.html/);
    expect(byTarget.get("dangling.html")?.error).toMatch(/No such file or directory: dangling\.html/);
    expect(byTarget.get("oversized.html")?.error).toMatch(/oversized\.html is 70 MB; consentlint lints pages of up to 64 MB/);
    if (mkfifo.status === 0) expect(byTarget.get("pipe.html")?.error).toMatch(/not a regular file/);
    for (const good of ["huge.html", "page.html"]) {
      const result = byTarget.get(good)!;
      expect(result.error, good).toBeUndefined();
      expect(
        result.findings.some((f) => f.ruleId === "pre-checked-opt-in"),
        good,
      ).toBe(true);
    }
    expect(elapsed).toBeLessThan(150_000);
  }, 300_000);

  it("a folder of thousands of files resolves fast and lints only its pages", () => {
    const big = join(dir, "many");
    mkdirSync(join(big, "assets", "img"), { recursive: true });
    for (let i = 0; i < 3000; i++)
      writeFileSync(join(big, "assets", i % 2 ? "img" : "", `file-${i}.${["txt", "json", "png", "css", "js"][i % 5]}`), "x");
    for (let i = 0; i < 4; i++) writeFileSync(join(big, `page-${i}.html`), PAGE);
    writeFileSync(join(big, "assets", "nested.htm"), PAGE);
    mkdirSync(join(big, "node_modules", "pkg"), { recursive: true });
    writeFileSync(join(big, "node_modules", "pkg", "readme.html"), PAGE);
    expect(readdirSync(join(big, "assets", "img")).length).toBe(1500);

    const started = Date.now();
    const targets = resolveTargets([big], { cwd: dir, exclude: [], excludeBase: dir });
    const resolveMs = Date.now() - started;
    expect(targets.map((t) => t.input)).toEqual([
      "many/assets/nested.htm",
      "many/page-0.html",
      "many/page-1.html",
      "many/page-2.html",
      "many/page-3.html",
    ]);
    expect(resolveMs).toBeLessThan(2_000);

    const r = run(["lint", "many", "--static", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.results.map((x: { target: string }) => x.target)).toEqual(targets.map((t) => t.input));
  });
});

describe("--output", () => {
  it("keeps the user's file when the run fails before, or is stopped during, linting; no temporary file is left behind", async () => {
    const out = file("report.json", "the report from last week");
    const badConfig = run(["lint", "page.html", "--format", "json", "--output", out, "--config", "nowhere.yaml"]);
    expect(badConfig.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("the report from last week");

    const intoFolder = run(["lint", "page.html", "--format", "json", "--output", dir]);
    expect(intoFolder.code).toBe(2);
    expect(intoFolder.stderr).toMatch(/Cannot write/);

    // A run stopped with SIGTERM while a slow page is being linted.
    file("slow.html", PAGE.replace("</body>", "<script>setInterval(() => document.title = String(Date.now()), 100)</script></body>"));
    const child = spawn(process.execPath, [bin, "lint", "slow.html", "page.html", "--format", "json", "--output", out], {
      cwd: dir,
      env: { ...process.env, CI: "true" },
      stdio: "ignore",
    });
    await new Promise((done) => setTimeout(done, 4_000));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((done) => child.on("exit", (c, signal) => done(c ?? (signal ? 143 : null))));
    expect(code).not.toBe(0);
    expect(readFileSync(out, "utf8")).toBe("the report from last week");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
