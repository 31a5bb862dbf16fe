#!/usr/bin/env node
// The demo: lint the bundled corpus in Chromium, print the report as
// `consentlint lint` does, then tell the 2017 annual-bill story from it.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { lint } = await import(new URL("../dist/lint/runner.js", import.meta.url).href);
const { formatStylish } = await import(new URL("../dist/lint/report/stylish.js", import.meta.url).href);
const { describeMeasures } = await import(new URL("../dist/lint/report/measures.js", import.meta.url).href);
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const say = (line = "") => process.stdout.write(line + "\n");

say("$ consentlint lint corpus/pages --config corpus/consentlint.config.json\n");
const report = await lint(["pages"], {
  cwd: join(root, "corpus"),
  config: join(root, "corpus", "consentlint.config.json"),
  onResult: process.stderr.isTTY ? (r, done, total) => process.stderr.write(`\r\x1b[K[${done}/${total}] ${r.target}`) : undefined,
});
if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
say(formatStylish(report, { color, quiet: false }));

const find = (name) => report.results.find((r) => r.target.includes(name));
const before = find("zh/annual-bill-2017.mobile/");
const after = find("zh/annual-bill-2017-fixed.mobile/");
say("──────────────────────────────────────────────────────────────");
say("The 2017 annual bill, as a person on a phone saw it (390x844, zh-CN):");
if (before) {
  for (const f of before.findings) {
    say(`  ✖ ${f.ruleId}: ${f.message}`);
    const measured = describeMeasures(f.evidence);
    if (measured) say(`      measured: ${measured}`);
  }
  if (before.findings[0]) say(`      consent text: “${before.findings[0].text}”`);
}
say("After the fix (box unchecked, readable, separate):");
if (after) say(after.findings.length === 0 && !after.error ? "  ✔ no findings" : `  ${after.findings.length} findings${after.error ? `, error: ${after.error}` : ""}`);
const failed = report.results.filter((r) => r.error);
process.exitCode = failed.length > 0 || !before || before.findings.length === 0 ? 1 : 0;
