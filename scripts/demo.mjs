#!/usr/bin/env node
// The demo: lint the bundled corpus (pages and flows) in Chromium, show what
// was found across it, then the 2017 annual bill as a phone showed it, step
// by step, and write the full report as HTML.
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = join(root, "corpus");
const dist = (path) => import(new URL(`../dist/lint/${path}`, import.meta.url).href);
const { lint, allRules } = await dist("index.js");
const { formatStylish } = await dist("report/stylish.js");
const { describeMeasures, describeThresholds } = await dist("report/measures.js");
const { summarizeBatch } = await dist("report/batch-summary.js");
const { renderReport } = await dist("report/render.js");
const { writeOutputFile } = await dist("output-file.js");

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const say = (line = "") => process.stdout.write(line + "\n");
const rule = (title) => say(`\n── ${title} ${"─".repeat(Math.max(4, 74 - title.length))}\n`);

// Every page, and every flow file but the one kept to show what a broken locator looks like.
const flowFiles = readdirSync(join(corpus, "flows"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== "broken-locator")
  .flatMap((e) =>
    readdirSync(join(corpus, "flows", e.name))
      .filter((f) => /\.flow\.(json|ya?ml)$/.test(f))
      .map((f) => `flows/${e.name}/${f}`),
  );
const targets = ["pages", "choice", ...flowFiles];

/** 1. The whole corpus, as `consentlint lint` sees it. */
async function lintCorpus() {
  say(
    "$ cd corpus && consentlint lint pages choice flows/*/*.flow.* --config consentlint.config.json --format html --output demo-output/report.html\n",
  );
  const tty = Boolean(process.stderr.isTTY);
  const report = await lint(targets, {
    cwd: corpus,
    config: join(corpus, "consentlint.config.json"),
    screenshots: true,
    onResult: tty ? (r, done, total) => process.stderr.write(`\r\x1b[K[${done}/${total}] ${r.target}`) : undefined,
  });
  if (tty) process.stderr.write("\r\x1b[K");
  return report;
}

/** 2. What was found across the corpus: each rule and its most common purposes, in how many targets. */
function showOverview(report) {
  rule("Across the corpus");
  const summary = summarizeBatch(report);
  const states = report.results.length;
  say(
    `${summary.targets} targets (${states} states: pages, flow steps): ${summary.withFindings.count} with findings, ${summary.clean.count} clean, ${summary.failed.count} could not be linted, ${summary.undecided.count} with something undecided\n`,
  );
  for (const r of summary.rules) {
    const top = r.patterns
      .filter((p) => p.kind === "purpose")
      .slice(0, 3)
      .map((p) => `${p.value} ${p.count}`)
      .join(", ");
    say(
      `  ${r.ruleId.padEnd(20)} ${String(r.count).padStart(3)} targets, ${String(r.findings).padStart(3)} findings   ${top ? `(${top}, ...)` : ""}`,
    );
  }
  say("\n(`consentlint lint <dir>` prints every finding; the full list is in the HTML report below.)");
}

/** 3. The 2017 annual bill: the page, then the flow a user walked through, step by step. */
function showAnnualBill(report) {
  const page = report.results.find((r) => r.target.includes("zh/annual-bill-2017.mobile/"));
  const fixedPage = report.results.find((r) => r.target.includes("zh/annual-bill-2017-fixed.mobile/"));
  const flow = report.results.filter((r) => r.target.includes("flows/annual-bill-2017/"));
  rule("The 2017 annual bill, as a phone showed it (390x844, zh-CN)");
  if (page)
    say(
      formatStylish(
        {
          ...report,
          results: [page],
          summary: { targets: 1, errors: page.findings.length, warnings: 0, durationMs: page.durationMs ?? 0 },
        },
        { color, quiet: false },
      ),
    );
  say("Walking through it as a user did (corpus/flows/annual-bill-2017):\n");
  for (const step of flow) {
    const head = `  step "${step.step}"`;
    if (step.error) {
      say(`${head}: could not be linted: ${step.error}`);
      continue;
    }
    if (step.findings.length === 0) {
      say(`${head}: ✔ nothing to report`);
      continue;
    }
    say(`${head}: ${step.findings.length} finding${step.findings.length === 1 ? "" : "s"}`);
    for (const f of step.findings) {
      say(`    ✖ ${f.ruleId}: ${f.message}`);
      const measured = describeMeasures(f.evidence);
      if (measured) say(`        measured: ${measured}`);
      const needed = f.ruleId === "hidden-consent-text" ? describeThresholds(f.evidence) : "";
      if (needed) say(`        ${needed}`);
      if (f.legal?.length) say(`        law: ${f.legal.join("; ")}`);
    }
    say(`        consent text: “${step.findings[0].text}”`);
  }
  say("\nThe same page after a real fix (box unchecked, readable, a separate choice):");
  if (fixedPage)
    say(
      fixedPage.findings.length === 0 && !fixedPage.error
        ? "  ✔ no findings"
        : `  ${fixedPage.findings.length} findings${fixedPage.error ? `, error: ${fixedPage.error}` : ""}`,
    );
  return { page, flow };
}

/** 4. The full report, as a self-contained HTML file to open or publish. */
function writeHtml(report) {
  const out = join(root, "demo-output", "report.html");
  mkdirSync(dirname(out), { recursive: true });
  writeOutputFile(out, renderReport(report, "html", { rules: allRules.map((r) => r.meta), cwd: corpus }));
  rule("Report");
  say(`Full report with screenshots: ${relative(process.cwd(), out) || out}`);
}

/**
 * 5. Did the fix really ship? The annual-bill flow in three later versions,
 * each compared with the original by `consentlint diff` (states paired by
 * flow name and step), as the change log a person reads.
 */
async function showFixVerification(report) {
  const { diffReports, formatDiffText } = await dist("snapshot/diff.js");
  const version = (suffix) => ({
    ...report,
    results: report.results.filter((r) => r.target.startsWith(`flows/annual-bill-2017${suffix}/`)),
  });
  const versions = [
    { suffix: "-fixed", title: "A real fix: unticked, readable, offered on a step of its own", expected: "fixed" },
    {
      suffix: "-cosmetic",
      title: "A cosmetic change: moved, new ids and classes, reworded, restyled, still ticked and unreadable",
      expected: "not-fixed",
    },
    {
      suffix: "-partial",
      title: "Half a fix: unticked, but still unreadable and still two purposes in one box",
      expected: "partially-fixed",
    },
  ];
  rule("Did the fix really ship?");
  say("The same flow (name: annual-bill-2017) linted again later, compared by fingerprint:\n");
  const before = version("");
  const verdicts = [];
  for (const v of versions) {
    const after = version(v.suffix);
    say(`$ consentlint diff before.json after.json   # ${v.title}`);
    if (before.results.length === 0 || after.results.length === 0) {
      say("  (not linted)\n");
      verdicts.push(null);
      continue;
    }
    const diff = diffReports(before, after);
    for (const line of formatDiffText(diff).trimEnd().split("\n")) say(`  ${line}`);
    say();
    verdicts.push(diff.verdict === v.expected);
  }
  say("(the committed baselines give the same: consentlint diff snapshots/annual-bill-2017 snapshots/annual-bill-2017-cosmetic)");
  return verdicts.every(Boolean);
}

/**
 * 3b. How the annual bill offered its choice. The choice rules (accept and
 * refuse, silence, shaming, trick wording, walls) find something where they
 * apply; where none does on the seed story's flow, say why, from what they
 * checked.
 */
function showChoiceRules(report, flow) {
  const choiceRules = allRules.map((r) => r.meta.id).filter((id) => !CORE_RULES.has(id));
  rule("How the annual bill offered its choice (the choice rules)");
  const found = flow.flatMap((step) => step.findings.filter((f) => !CORE_RULES.has(f.ruleId)).map((f) => ({ step, f })));
  for (const { step, f } of found) say(`  step "${step.step}": ✖ ${f.ruleId}: ${f.message}`);
  if (found.length === 0) {
    const checked = flow.flatMap((s) => s.passes.filter((p) => !CORE_RULES.has(p.ruleId)));
    const byRule = choiceRules.map((id) => `${id} ${checked.filter((p) => p.ruleId === id).length}`).join(", ");
    say("  None of them fires on this flow, and none should:");
    say("  - no step offers accept and refuse buttons: the consent was a box ticked in advance beside");
    say("    “查看我的年度账单” (view my annual bill), which pre-checked-opt-in and bundled-consent report;");
    say("    so there is no refuse button to be weaker (asymmetric-choice), no acknowledgement-only");
    say("    notice or “continuing means you agree” (implicit-consent), no refusal to shame (confirmshaming);");
    say("  - the box's wording says plainly what ticking it does (trick-question checked it and passed it);");
    say("  - nothing covers the report or locks scrolling (consent-wall).");
    say(`  What they checked on the flow's steps: ${byRule}.`);
  }
  const example = report.results.find((r) => r.target.includes("choice/zh/shop-cookie-grey-reject-link"));
  const shown = example?.findings.find((f) => f.ruleId === "asymmetric-choice");
  if (shown) {
    say("\n  Where it applies, e.g. a shop's cookie bar (corpus/choice/zh/shop-cookie-grey-reject-link):");
    say(`    ✖ ${shown.ruleId}: ${shown.message}`);
    const measure = (c) =>
      c
        ? `“${c.text}” ${c.fontPx}px, ${c.width}x${c.height}, contrast ${c.textContrast}:1, ${c.buttonLike ? "drawn as a button" : "plain text"}`
        : "";
    say(`        accept: ${measure(shown.evidence.accept)}`);
    say(`        refuse: ${measure(shown.evidence.refuse)}`);
    if (shown.legal?.length) say(`        law: ${shown.legal.join("; ")}`);
  }
}

const CORE_RULES = new Set(["pre-checked-opt-in", "hidden-consent-text", "bundled-consent"]);
const report = await lintCorpus();
showOverview(report);
const { page, flow } = showAnnualBill(report);
showChoiceRules(report, flow);
writeHtml(report);
const verified = await showFixVerification(report);

const failed = report.results.filter((r) => r.error);
for (const r of failed) process.stderr.write(`could not lint ${r.target}${r.step ? ` › ${r.step}` : ""}: ${r.error}\n`);
const story = page && page.findings.length === 3 && flow.some((s) => s.findings.length === 3);
process.exitCode = failed.length > 0 || !story || !verified ? 1 : 0;
