/**
 * docs/writing-a-rule.md, followed word for word: the project (lint/, rules/,
 * schemas/, tsconfig.json, package.json) is copied into a temporary folder,
 * each file the page shows is written where its code block's title says, the
 * rule is registered in rules/index.ts as the page shows, and then the copy
 * type-checks, the rule's own RuleTester cases pass, and the package API of
 * the copy lints a page with the new rule; lint/ is left byte for byte as it
 * was. The code comes out of the markdown, so the page cannot drift from
 * what works.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as PackageApi from "../lint/index.js";

const root = resolve(__dirname, "..");
const doc = readFileSync(join(root, "docs/writing-a-rule.md"), "utf8");

interface Block {
  lang: string;
  title: string;
  edit: string | null;
  code: string;
}

/** Fenced code blocks with a `title="path"` in their info string (any fence length, so a README with its own fences fits). */
function titledBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  for (const m of markdown.matchAll(/^(`{3,})(\w+) title="([^"]+)"(?: edit="([^"]+)")?\n([\s\S]*?)\n\1$/gmu)) {
    out.push({ lang: m[2], title: m[3], edit: m[4] ?? null, code: `${m[5]}\n` });
  }
  return out;
}

/** Every file under a folder with its SHA-256, by path. */
function tree(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) for (const [k, v] of tree(path, base)) out.set(k, v);
    else out.set(path.slice(base.length + 1), createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return out;
}

/**
 * The registration as the page shows it: its import lines go after the last
 * import of rules/index.ts, and the last name in its `allRules` list goes at
 * the end of the real list (whatever rules are there by then).
 */
function register(indexSource: string, block: string): string {
  const imports = block.split("\n").filter((l) => l.startsWith("import "));
  const listed =
    /allRules[^=]*=\s*\[([^\]]*)\]/u
      .exec(block)?.[1]
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  const added = listed[listed.length - 1];
  if (imports.length === 0 || !added)
    throw new Error(`The rules/index.ts block of docs/writing-a-rule.md shows no import or no allRules list:\n${block}`);
  const lines = indexSource.split("\n");
  const lastImport = lines.reduce((at, l, i) => (l.startsWith("import ") ? i : at), -1);
  lines.splice(lastImport + 1, 0, ...imports);
  const withImport = lines.join("\n");
  const list = /(allRules[^=]*=\s*\[)([^\]]*)(\])/u;
  if (!list.test(withImport)) throw new Error("rules/index.ts has no allRules list to add the rule to");
  return withImport.replace(
    list,
    (_, open: string, items: string, close: string) => `${open}${items.trimEnd().replace(/,$/u, "")}, ${added}${close}`,
  );
}

function run(command: string, args: string[], cwd: string): { code: number | null; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

const blocks = titledBlocks(doc);
const files = blocks.filter((b) => b.edit === null);
const registration = blocks.find((b) => b.title === "rules/index.ts" && b.edit !== null);
const ruleDir = dirname(files.find((b) => b.title.endsWith("/index.ts"))?.title ?? "rules/missing/index.ts");
const ruleId = ruleDir.split("/")[1];

let copy: string;
let lintBefore: Map<string, string>;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "consentlint-first-rule-"));
  for (const name of ["lint", "rules", "schemas", "tsconfig.json", "package.json"])
    cpSync(join(root, name), join(copy, name), { recursive: true });
  symlinkSync(realpathSync(join(root, "node_modules")), join(copy, "node_modules"), "dir");
  lintBefore = tree(join(copy, "lint"));
  for (const b of files) {
    mkdirSync(dirname(join(copy, b.title)), { recursive: true });
    writeFileSync(join(copy, b.title), b.code);
  }
  if (registration)
    writeFileSync(join(copy, "rules/index.ts"), register(readFileSync(join(copy, "rules/index.ts"), "utf8"), registration.code));
});
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("docs/writing-a-rule.md, followed in a copy of the project", () => {
  it("shows the rule's files in its own folder, a registration, and touches nothing else", () => {
    expect(files.map((b) => b.title).sort()).toEqual([`${ruleDir}/README.md`, `${ruleDir}/index.ts`, `${ruleDir}/${ruleId}.test.ts`]);
    expect(registration, "a rules/index.ts block with edit=").toBeDefined();
    expect(tree(join(copy, "lint"))).toEqual(lintBefore);
  });

  it("type-checks: the rule, its test, its registration and the engine that runs it", () => {
    writeFileSync(
      join(copy, "tsconfig.first-rule.json"),
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { noEmit: true },
        include: [`${ruleDir}/**/*.ts`, "rules/index.ts", "lint/index.ts"],
      }),
    );
    const tsc = run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.first-rule.json"], copy);
    expect(tsc.out).toBe("");
    expect(tsc.code).toBe(0);
  }, 120_000);

  it("passes its own RuleTester cases", () => {
    const vitest = run(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", "--root", copy, ruleDir], copy);
    expect(vitest.out).toMatch(/Tests\s+\d+ passed/u);
    expect(vitest.out).not.toMatch(/failed/u);
    expect(vitest.code, vitest.out).toBe(0);
  }, 120_000);

  it("runs through the copy's package API, listed among the rules, with its options from config", async () => {
    const api = (await import(pathToFileURL(join(copy, "lint/index.ts")).href)) as typeof PackageApi;
    expect(api.allRules.map((r) => r.meta.id)).toContain(ruleId);
    const page = join(copy, "page.html");
    writeFileSync(
      page,
      `<!doctype html><html lang="en"><head><title>Sign up</title></head><body><form><h1>Create your account</h1>
      <label>Email <input type="email" name="email"></label>
      <label><input type="checkbox" name="news"> Send me marketing emails and special offers</label>
      <button type="submit">Create account</button></form></body></html>`,
    );
    writeFileSync(join(copy, "consentlint.config.json"), JSON.stringify({ rules: { [ruleId]: ["error", { maxWords: 5 }] } }));
    const report = await api.lint(["page.html"], { cwd: copy, static: true });
    const findings = report.results[0].findings.filter((f) => f.ruleId === ruleId);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["error", "Consent text runs to 7 words, over the 5 a person reads before ticking"],
    ]);
    expect(report.rules[ruleId]).toBe("1.0.0");
    writeFileSync(join(copy, "consentlint.config.json"), JSON.stringify({ rules: { [ruleId]: ["error", { maxWords: 0 }] } }));
    await expect(api.lint(["page.html"], { cwd: copy, static: true })).rejects.toThrow(
      new RegExp(`Invalid options for rule "${ruleId}" .*option "maxWords" must be >= 1`, "u"),
    );
    expect(tree(join(copy, "lint"))).toEqual(lintBefore);
  }, 120_000);
});
