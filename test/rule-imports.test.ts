/**
 * The import graph between the engine and the rules: lint/rule-set.ts is the
 * one module of lint/ that imports rules/ (the rest of lint/ is given the
 * rules it runs), so no import cycle runs through both; and nothing the build
 * ships (tsconfig.build.json: lint/ and rules/ without tests and fixtures)
 * imports vitest. Read from the sources, so it holds for every file added.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(__dirname, "..");
const ROOT_MODULE = "lint/rule-set.ts";

/** Source files the build compiles, relative to the repository with forward slashes. */
function shipped(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "__fixtures__" || e.name === "node_modules" ? [] : shipped(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** What a module imports: static imports and re-exports (type-only too) and dynamic import() of a literal. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/gmu)) out.push(m[1]);
  for (const m of source.matchAll(/^\s*import\s*["']([^"']+)["']/gmu)) out.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/gu)) out.push(m[1]);
  return out;
}

/** The repository path a relative specifier names (".js" written for the ".ts" source), or the package name. */
function target(from: string, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  return relative(root, resolve(root, dirname(from), spec))
    .split("\\")
    .join("/")
    .replace(/\.js$/u, ".ts");
}

const files = [...shipped("lint"), ...shipped("rules")];
const graph = new Map(files.map((f) => [f, specifiers(readFileSync(join(root, f), "utf8")).map((s) => target(f, s))]));

/** Strongly connected components (Tarjan), the cycles of the graph. */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of (graph.get(v) ?? []).filter((t) => graph.has(t))) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return out;
}

describe("imports between lint/ and rules/", () => {
  it("reads the graph it checks: the root imports rules/index.ts, and the rules import lint/", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(ROOT_MODULE)).toContain("rules/index.ts");
    expect(graph.get("rules/pre-checked-opt-in/index.ts")).toContain("lint/types.ts");
    expect(specifiers(`const { a } = await import("../rule-set.js");\nexport type { B } from "./b.js";`)).toEqual([
      "./b.js",
      "../rule-set.js",
    ]);
  });

  it("has lint/rule-set.ts as the only module of lint/ that imports rules/", () => {
    const importers = [...graph]
      .filter(([f, targets]) => f.startsWith("lint/") && targets.some((t) => t.startsWith("rules/")))
      .map(([f]) => f);
    expect(importers).toEqual([ROOT_MODULE]);
  });

  it("has no import cycle through both lint/ and rules/", () => {
    const mixed = cycles().filter((scc) => scc.some((f) => f.startsWith("lint/")) && scc.some((f) => f.startsWith("rules/")));
    expect(mixed).toEqual([]);
  });

  it("ships no module that imports vitest", () => {
    expect([...graph].filter(([, targets]) => targets.some((t) => t === "vitest" || t.startsWith("vitest/"))).map(([f]) => f)).toEqual([]);
  });
});
