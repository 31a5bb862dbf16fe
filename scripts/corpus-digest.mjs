#!/usr/bin/env node
// The corpus results as one canonical JSON file and its SHA-256: every state of
// the bundled corpus (pages, flows, real consent managers) linted in Chromium
// and in --static mode, with what varies from run to run (durations, start
// time, absolute paths, ports) taken out. Two trees that give the same digest
// give byte-identical results.
//
//   node scripts/corpus-digest.mjs [--out file.json] [--only browser|static]
import { createHash } from "node:crypto";
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : null;
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : null;

const { lint } = await import(new URL("../dist/lint/index.js", import.meta.url).href);

const flowFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) =>
      readdirSync(join(dir, e.name))
        .filter((f) => /\.flow\.(json|ya?ml)$/.test(f))
        .map((f) => join(e.name, f)),
    );

const sets = [
  { name: "corpus", cwd: join(root, "corpus"), targets: ["pages", ...flowFiles(join(root, "corpus", "flows")).map((f) => `flows/${f}`)] },
  { name: "cmp", cwd: join(root, "corpus", "cmp"), targets: ["."] },
];

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const o = {};
    for (const k of Object.keys(value).sort()) {
      if (k === "durationMs" || k === "startedAt" || k === "timing" || k === "model") continue;
      o[k] = canonical(value[k]);
    }
    return o;
  }
  if (typeof value === "string")
    return value
      .split(root)
      .join("<root>")
      .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>")
      .replace(/within \d+ ?ms/g, "within <n> ms");
  return value;
}

const digest = {};
for (const mode of ["browser", "static"]) {
  if (only && only !== mode) continue;
  for (const set of sets) {
    const report = await lint(set.targets, { cwd: set.cwd, config: join(set.cwd, "consentlint.config.json"), static: mode === "static" });
    const results = canonical(report.results).sort((a, b) =>
      `${a.target}\0${a.step ?? ""}\0${JSON.stringify(a.viewport)}\0${a.locale}`.localeCompare(
        `${b.target}\0${b.step ?? ""}\0${JSON.stringify(b.viewport)}\0${b.locale}`,
      ),
    );
    digest[`${mode}:${set.name}`] = { rules: report.rules, states: results.length, results };
    process.stderr.write(`${mode} ${set.name}: ${results.length} states\n`);
  }
}
const text = JSON.stringify(digest, null, 1) + "\n";
if (out) writeFileSync(out, text);
process.stdout.write(`${createHash("sha256").update(text).digest("hex")}\n`);
