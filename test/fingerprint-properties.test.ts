/**
 * Fingerprints under perturbation. Corpus pages are changed the way a site
 * changes without fixing anything (ids and classes renamed, siblings
 * reordered, the consent box moved elsewhere in the page, its wording
 * lightly edited with synonyms, its colours and size changed while it stays
 * unreadable) and every finding keeps its fingerprint, so `diff` says
 * not-fixed. Real fixes (the box unticked, made readable, moved to a step of
 * its own) show up as fixed, and a change of purpose or of control gives new
 * fingerprints.
 *
 * Many cases run in static mode (the PageModel built from the HTML with
 * cheerio, the same rules); a few run in real Chromium with one browser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as cheerio from "cheerio";
import type { CheerioAPI } from "cheerio";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright";
import { buildStaticModel } from "../lint/static/index.js";
import { runRules, selectRules } from "../lint/run/engine.js";
import { allRules } from "../rules/index.js";
import type { LintReport, LintResult } from "../lint/types.js";
import type { Viewport } from "../lint/model.js";
import { diffReports, type Verdict } from "../lint/snapshot/diff.js";
import { launchBrowser } from "../lint/browser/launch.js";
import { lint } from "../lint/index.js";

const repoRoot = resolve(__dirname, "..");
const MOBILE: Viewport = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true };
const DESKTOP: Viewport = { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false };

/** A corpus page with a consent box, and what may be done to it. */
interface Subject {
  name: string;
  file: string;
  viewport: Viewport;
  locale: string;
  /** The element holding the consent control and its text (moved as a whole). */
  box: string;
  /** The consent control, in the page or in a srcdoc frame. */
  control: string;
  /** The element whose text carries the consent wording (restyled), in the page or in a srcdoc frame. */
  text: string;
  /** Where the box may be moved to: containers of the same page region. */
  destinations: string[];
  /** Light edits of the wording that keep its meaning. */
  rewordings: [string, string][];
  /** Background behind the consent text, for choosing colours. */
  background: [number, number, number];
  /** Whether the consent text is unreadable to start with (so restyles keep it unreadable). */
  unreadable: boolean;
  /** A step of its own for the consent, unticked and readable, for the "moved to a separate step" fix. */
  consentStep: string;
  /** The same box asking for a different purpose. */
  otherPurpose: [string, string];
  /** Rules whose findings rightly stay when the box is only unticked. */
  untickedLeaves: string[];
}

const annualBill: Subject = {
  name: "annual-bill-2017 report",
  file: join(repoRoot, "corpus/flows/annual-bill-2017/pages/report.html"),
  viewport: MOBILE,
  locale: "zh-CN",
  box: "label.agree",
  control: "input[name=credit_agree]",
  text: "label.agree",
  destinations: ["main", "body", "main > section.card", "main > section.actions", "footer.foot"],
  rewordings: [
    ["我同意", "我已阅读并同意"],
    ["采集", "收集"],
    ["第三方合作伙伴", "第三方合作机构"],
    ["提供上述信息", "共享上述资料"],
    ["消费记录", "交易记录"],
    ["账户信息及设备信息", "账户资料和设备资料"],
  ],
  background: [0xff, 0xf8, 0xef],
  unreadable: true,
  consentStep: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>开通芝麻信用（可选）</title></head>
<body style="font-size:15px;color:#222;background:#fff"><main><h1>可选：开通芝麻信用</h1>
<p>芝麻信用是一项独立的信用评估服务，是否开通不影响查看你的年度账单。</p>
<label><input type="checkbox" name="credit_opt_in"> 授权芝麻信用使用我的年度账单数据评估我的信用分</label>
<button type="button">确定</button></main></body></html>`,
  // Unticked, the text is still unreadable and the one box still asks for credit scoring and sharing at once.
  untickedLeaves: ["hidden-consent-text", "bundled-consent"],
  otherPurpose: [
    "授权芝麻信用采集我在钱袋子的消费记录、账户信息及设备信息用于信用评估，并可向第三方合作伙伴提供上述信息",
    "同意接收钱袋子的优惠活动短信和营销推送",
  ],
};

const bankReview: Subject = {
  name: "bank-year-in-review",
  file: join(repoRoot, "corpus/pages/en/bank-year-in-review/index.html"),
  viewport: DESKTOP,
  locale: "en-US",
  box: "iframe.offer-frame",
  control: "#share-credit",
  text: "label",
  destinations: ["main", "main > .grid > section.card", "main > .actions", "body"],
  rewordings: [
    ["Share my statement data", "Share my account statement data"],
    ["credit-scoring partner", "credit scoring partner"],
    ["so they can assess", "so that they can assess"],
    ["Credit insights for 2024", "Credit insights for this year"],
  ],
  background: [0xea, 0xf6, 0xf5],
  unreadable: false,
  consentStep: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Privacy choices</title></head>
<body style="font-size:16px;color:#1d2330;background:#fff"><main><h1>Choose your privacy settings</h1>
<label><input type="checkbox" name="share_credit"> Share my statement data with our credit-scoring partner so they can assess my creditworthiness</label>
<button type="button">Save choices</button></main></body></html>`,
  // One box for sharing, credit scoring and credit offers: unticked, it still bundles unrelated purposes.
  untickedLeaves: ["bundled-consent"],
  otherPurpose: [
    "Share my statement data with our credit-scoring partner, Ledgerline Credit Services, so they can assess my creditworthiness and send me credit offers.",
    "Use my precise location to show nearby branches.",
  ],
};

const subjects = [annualBill, bankReview];
const baseHtml = new Map(subjects.map((s) => [s.name, readFileSync(s.file, "utf8")]));

// ---------------------------------------------------------------------------
// Linting

const engine = { rules: selectRules(allRules, []), languages: [], ignore: [] };

function lintStatic(html: string, s: Subject, target = s.name): LintResult {
  const model = buildStaticModel(html, {
    url: `https://corpus.test/${encodeURIComponent(target)}.html`,
    viewport: s.viewport,
    locale: s.locale,
  });
  const out = runRules(model, engine);
  return {
    target,
    url: model.url,
    viewport: s.viewport,
    locale: s.locale,
    findings: out.findings,
    passes: out.passes,
    incomplete: out.incomplete,
    inapplicable: out.inapplicable,
  };
}

function report(results: LintResult[]): LintReport {
  return {
    tool: { name: "consentlint", version: "test" },
    results,
    summary: { targets: results.length, errors: 0, warnings: 0, durationMs: 0 },
    rules: Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.version])),
    startedAt: "",
  };
}

const prints = (r: LintResult) => r.findings.map((f) => `${f.ruleId}:${f.fingerprint}`).sort();

function verdict(before: LintResult[], after: LintResult[]): Verdict {
  return diffReports(report(before), report(after)).verdict;
}

// ---------------------------------------------------------------------------
// Perturbations, on HTML with cheerio. Each applies to the page and to every
// srcdoc frame in it.

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

function shuffle<T>(rng: Rng, list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Runs `edit` on the page and on the document of every srcdoc frame, depth first. */
function everyDocument($: CheerioAPI, edit: ($: CheerioAPI) => void): void {
  $("iframe[srcdoc]").each((_, el) => {
    const inner = cheerio.load($(el).attr("srcdoc") ?? "");
    everyDocument(inner, edit);
    $(el).attr("srcdoc", inner.html());
  });
  edit($);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** New names for every id and class, with every reference (label for, aria ids, #fragment links, CSS, script strings) following. */
function renameIdsAndClasses($: CheerioAPI, rng: Rng): void {
  const fresh = (old: string) => `n${Math.floor(rng() * 0xffffff).toString(36)}-${old.length}${Math.floor(rng() * 1000)}`;
  const ids = new Map<string, string>();
  const classes = new Map<string, string>();
  $("[id]").each((_, el) => void ids.set($(el).attr("id")!, fresh("i")));
  $("[class]").each((_, el) => {
    for (const c of ($(el).attr("class") ?? "").split(/\s+/).filter(Boolean)) if (!classes.has(c)) classes.set(c, fresh("c"));
  });
  $("[id]").each((_, el) => void $(el).attr("id", ids.get($(el).attr("id")!)!));
  $("[class]").each(
    (_, el) =>
      void $(el).attr(
        "class",
        ($(el).attr("class") ?? "")
          .split(/\s+/)
          .filter(Boolean)
          .map((c) => classes.get(c)!)
          .join(" "),
      ),
  );
  for (const attr of ["for", "aria-labelledby", "aria-describedby", "aria-controls", "list", "form"]) {
    $(`[${attr}]`).each(
      (_, el) =>
        void $(el).attr(
          attr,
          ($(el).attr(attr) ?? "")
            .split(/\s+/)
            .map((v) => ids.get(v) ?? v)
            .join(" "),
        ),
    );
  }
  $("a[href^='#']").each((_, el) => {
    const id = ($(el).attr("href") ?? "").slice(1);
    if (ids.has(id)) $(el).attr("href", `#${ids.get(id)}`);
  });
  const renameSelectors = (css: string) => {
    let out = css;
    for (const [o, n] of ids) out = out.replace(new RegExp(`#${escapeRe(o)}(?![\\w-])`, "g"), `#${n}`);
    for (const [o, n] of classes) out = out.replace(new RegExp(`\\.${escapeRe(o)}(?![\\w-])`, "g"), `.${n}`);
    return out;
  };
  $("style").each((_, el) => void $(el).text(renameSelectors($(el).text())));
  $("script").each((_, el) => {
    const code = $(el)
      .text()
      .replace(/(['"])((?:(?!\1)[^\\\n])*)\1/g, (_m, q: string, body: string) => `${q}${ids.get(body) ?? renameSelectors(body)}${q}`);
    $(el).text(code);
  });
}

/** Shuffles the element children of a few containers (scripts stay where they are). */
function reorderSiblings($: CheerioAPI, rng: Rng): void {
  const parents = $("body, body *")
    .toArray()
    .filter(
      (el) => $(el).children().not("script, style").length >= 2 && !["select", "ul", "ol"].includes(el.tagName) && el.tagName !== "head",
    );
  for (const el of shuffle(rng, parents).slice(0, Math.max(1, Math.ceil(parents.length / 3)))) {
    const kids = $(el).children().not("script, style").toArray();
    const order = shuffle(rng, kids);
    const anchor = $(el).children("script").first();
    for (const k of order) {
      $(k).remove();
      if (anchor.length) anchor.before(k);
      else $(el).append(k);
    }
  }
}

/** Moves the consent box to another container of the page, at a random position. */
function moveBox($: CheerioAPI, s: Subject, rng: Rng): void {
  const box = $(s.box).first();
  if (box.length === 0) return;
  box.remove();
  const dest = $(pick(rng, s.destinations)).first();
  const kids = dest.children().not("script, style").toArray();
  const at = Math.floor(rng() * (kids.length + 1));
  if (at < kids.length) $(kids[at]).before(box);
  else if (dest.children("script").length) dest.children("script").first().before(box);
  else dest.append(box);
}

function reword(html: string, edits: [string, string][]): string {
  let out = html;
  for (const [from, to] of edits) out = out.split(from).join(to);
  return out;
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

type Restyle = { color: [number, number, number]; fontPx: number; opacity: number };

/** Inline styles on the consent text and everything in it (the control aside). */
function restyle($: CheerioAPI, s: Subject, style: Restyle): void {
  const css = `color: rgb(${style.color.join(", ")}) !important; font-size: ${style.fontPx}px !important; opacity: ${style.opacity} !important`;
  $(s.text).each((_, el) => {
    $(el).attr("style", css);
    $(el)
      .find("*")
      .not("input")
      .each(
        (__, inner) =>
          void $(inner).attr("style", `color: rgb(${style.color.join(", ")}) !important; font-size: ${style.fontPx}px !important`),
      );
  });
}

const channel = fc.integer({ min: 0, max: 255 });
const colour = fc.tuple(channel, channel, channel);

/** Styles that keep a text unreadable: faint, tiny, or nearly transparent. */
function unreadableStyle(s: Subject): fc.Arbitrary<Restyle> {
  return fc.oneof(
    fc.record({
      color: colour.filter((c) => contrast(c, s.background) < 2.6),
      fontPx: fc.integer({ min: 6, max: 16 }),
      opacity: fc.constant(1),
    }),
    fc.record({
      color: colour.filter((c) => contrast(c, s.background) >= 4.5),
      fontPx: fc.double({ min: 5, max: 9.5, noNaN: true }).map((v) => Math.round(v * 2) / 2),
      opacity: fc.constant(1),
    }),
    fc.record({
      color: colour.filter((c) => contrast(c, s.background) >= 4.5),
      fontPx: fc.integer({ min: 11, max: 16 }),
      opacity: fc.double({ min: 0.05, max: 0.35, noNaN: true }).map((v) => Math.round(v * 100) / 100),
    }),
  );
}

/** Styles that keep a text readable. */
function readableStyle(s: Subject): fc.Arbitrary<Restyle> {
  return fc.record({
    color: colour.filter((c) => contrast(c, s.background) >= 4.5),
    fontPx: fc.integer({ min: 12, max: 20 }),
    opacity: fc.constant(1),
  });
}

interface Perturbation {
  seed: number;
  rename: boolean;
  reorder: boolean;
  move: boolean;
  rewordings: [string, string][];
  style: Restyle | null;
}

function perturbation(s: Subject): fc.Arbitrary<Perturbation> {
  return fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    rename: fc.boolean(),
    reorder: fc.boolean(),
    move: fc.boolean(),
    rewordings: fc.subarray(s.rewordings),
    style: fc.option(s.unreadable ? unreadableStyle(s) : readableStyle(s), { nil: null }),
  });
}

/** The page after a change that fixes nothing. Order: wording, style and place first, names last. */
function perturb(html: string, s: Subject, p: Perturbation): string {
  const rng = mulberry32(p.seed);
  const $ = cheerio.load(reword(html, p.rewordings));
  if (p.style) {
    const style = p.style;
    everyDocument($, (doc) => restyle(doc, s, style));
  }
  if (p.move) moveBox($, s, rng);
  if (p.reorder) everyDocument($, (doc) => reorderSiblings(doc, rng));
  if (p.rename) everyDocument($, (doc) => renameIdsAndClasses(doc, rng));
  return $.html();
}

const describeP = (p: Perturbation) =>
  [
    p.rename && "renamed",
    p.reorder && "reordered",
    p.move && "moved",
    p.rewordings.length > 0 && `reworded x${p.rewordings.length}`,
    p.style && `restyled ${JSON.stringify(p.style)}`,
  ]
    .filter(Boolean)
    .join(", ") || "unchanged";

// Real fixes and real changes.

function untick($: CheerioAPI, s: Subject): void {
  everyDocument($, (doc) => {
    doc(s.control).removeAttr("checked").attr("aria-checked", null);
  });
}

function makeReadable($: CheerioAPI, s: Subject): void {
  everyDocument($, (doc) => restyle(doc, s, { color: [34, 34, 34], fontPx: 15, opacity: 1 }));
}

function removeBox($: CheerioAPI, s: Subject): void {
  $(s.box).remove();
}

/** The control becomes an ARIA switch, still on. */
function becomeSwitch($: CheerioAPI, s: Subject): void {
  everyDocument($, (doc) => {
    doc(s.control).each((_, el) => {
      doc(el).replaceWith(
        `<span role="switch" aria-checked="true" tabindex="0" style="display:inline-block;width:10px;height:10px;border:1px solid #999"></span>`,
      );
    });
  });
}

function edit(html: string, ...edits: (($: CheerioAPI, s: Subject) => void)[]): (s: Subject) => string {
  return (s) => {
    const $ = cheerio.load(html);
    for (const e of edits) e($, s);
    return $.html();
  };
}

// ---------------------------------------------------------------------------

const RUNS = Number(process.env.FINGERPRINT_RUNS ?? 40);
const counts: Record<string, { cases: number; ms: number }> = {};
function counted<T>(name: string, fn: () => T): T {
  const started = Date.now();
  const out = fn();
  counts[name] = { cases: (counts[name]?.cases ?? 0) + RUNS, ms: (counts[name]?.ms ?? 0) + Date.now() - started };
  return out;
}

afterAll(() => {
  for (const [name, c] of Object.entries(counts)) process.stderr.write(`fingerprint properties: ${name}: ${c.cases} cases in ${c.ms} ms\n`);
});

describe.each(subjects)("fingerprints of $name (static mode)", (s) => {
  const html = baseHtml.get(s.name)!;
  const base = lintStatic(html, s);

  it("the unperturbed page has findings to follow", () => {
    expect(base.findings.length).toBeGreaterThanOrEqual(2);
    // Different rules on the same element never share a fingerprint.
    expect(new Set(base.findings.map((f) => f.fingerprint)).size).toBe(base.findings.length);
  });

  it("hold when ids and classes are renamed, siblings reordered, the box moved, the wording lightly edited and the box restyled", () => {
    counted(`${s.name} cosmetic`, () =>
      fc.assert(
        fc.property(perturbation(s), (p) => {
          const after = lintStatic(perturb(html, s, p), s);
          expect(prints(after), describeP(p)).toEqual(prints(base));
          expect(verdict([base], [after]), describeP(p)).toBe("not-fixed");
        }),
        { numRuns: RUNS, seed: 20171 },
      ),
    );
  });

  it("show real fixes as fixed, whatever cosmetic change comes with them", () => {
    const rules = base.findings.map((f) => f.ruleId);
    const outcome = (stay: string[]) => ({
      fixed: rules.filter((r) => !stay.includes(r)),
      verdict: (stay.length > 0 ? "partially-fixed" : "fixed") as Verdict,
    });
    const expectations: { name: string; page: (s: Subject) => string; fixed: string[]; verdict: Verdict }[] = [
      { name: "unticked", page: edit(html, untick), ...outcome(s.untickedLeaves) },
      ...(s.unreadable
        ? [{ name: "made readable", page: edit(html, makeReadable), ...outcome(rules.filter((r) => r !== "hidden-consent-text")) }]
        : []),
      {
        name: "unticked and readable",
        page: edit(html, untick, makeReadable),
        ...outcome(s.untickedLeaves.filter((r) => r !== "hidden-consent-text")),
      },
      { name: "moved to a separate step", page: edit(html, removeBox), ...outcome([]) },
    ];
    counted(`${s.name} fixes`, () =>
      fc.assert(
        fc.property(fc.constantFrom(...expectations), perturbation(s), (fix, p) => {
          const cosmetic = { ...p, style: null, move: false };
          const page = perturb(fix.page(s), s, cosmetic);
          const results = [lintStatic(page, s)];
          if (fix.name === "moved to a separate step") results.push(lintStatic(s.consentStep, s, `${s.name} consent step`));
          const d = diffReports(report([base]), report(results));
          expect(d.verdict, `${fix.name}, ${describeP(cosmetic)}`).toBe(fix.verdict);
          expect(d.fixed.map((f) => f.ruleId).sort(), fix.name).toEqual([...fix.fixed].sort());
          expect(d.introduced, fix.name).toEqual([]);
        }),
        { numRuns: RUNS, seed: 20172 },
      ),
    );
  });

  it("hold when the box moves into a dialog over the page, or its text into a collapsed section", () => {
    const into = (wrapper: string, where: string) => {
      const $ = cheerio.load(html);
      const box = $(s.box).first().remove();
      $(where).first().append($(wrapper).append(box));
      return lintStatic($.html(), s);
    };
    const dialog = into(
      `<div role="dialog" aria-modal="true" aria-label="Notice" style="position:fixed;left:0;right:0;bottom:0;background:rgb(${s.background.join(",")})"><p>Notice</p></div>`,
      "body",
    );
    const kept = (r: LintResult, rules: string[]) => prints(r).filter((p) => rules.includes(p.split(":")[0]));
    // A dialog may be read as a consent step of its own, which is not bundling: the other rules' findings stay the same.
    expect(kept(dialog, ["pre-checked-opt-in", "hidden-consent-text"])).toEqual(kept(base, ["pre-checked-opt-in", "hidden-consent-text"]));
    if (s.unreadable) {
      const collapsed = into("<details><summary>More</summary></details>", "main");
      expect(collapsed.findings.find((f) => f.ruleId === "hidden-consent-text")?.evidence.conditions).toEqual(["collapsed"]);
      expect(prints(collapsed)).toEqual(prints(base));
    }
  });

  it("change when the purpose or the control changes", () => {
    const otherPurpose = lintStatic(reword(html, [s.otherPurpose]), s);
    expect(otherPurpose.findings.length).toBeGreaterThan(0);
    expect(prints(otherPurpose).filter((p) => prints(base).includes(p))).toEqual([]);
    expect(verdict([base], [otherPurpose])).toBe("regressed");

    const asSwitch = lintStatic(edit(html, becomeSwitch)(s), s);
    const switchFindings = asSwitch.findings.filter((f) => f.ruleId === "pre-checked-opt-in");
    expect(switchFindings.length).toBe(1);
    expect(prints(asSwitch).filter((p) => prints(base).includes(p))).toEqual([]);
  });
});

describe("fingerprints in real Chromium", () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), "consentlint-fp-"));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Lints pages of one subject, one file each, in one run. */
  async function lintPages(s: Subject, pages: string[]): Promise<LintResult[]> {
    const files = pages.map((html, i) => {
      const file = join(dir, `${s.name.replace(/\W+/g, "-")}-${i}.html`);
      writeFileSync(file, html);
      return file;
    });
    const out = await lint(files, { browser, cwd: dir, viewport: s.viewport, locale: s.locale, concurrency: 2, timeout: 60_000 });
    return files.map((f) => out.results.find((r) => resolve(dir, r.target) === f)!);
  }

  it.each(subjects)("hold for cosmetic changes and follow real fixes on $name", async (s) => {
    const html = baseHtml.get(s.name)!;
    // Two pages with every cosmetic change at once, in different draws.
    const samples = fc.sample(perturbation(s), { numRuns: 2, seed: 7 }).map((p) => ({ ...p, rename: true, reorder: true, move: true }));
    const pages = [html, ...samples.map((p) => perturb(html, s, p)), edit(html, untick)(s), edit(html, removeBox)(s)];
    const results = await lintPages(s, pages);
    for (const r of results) expect(r.error).toBeUndefined();
    const [base, ...rest] = results;
    const cosmetic = rest.slice(0, samples.length);
    const [unticked, removed] = rest.slice(samples.length);
    expect(base.findings.length).toBeGreaterThanOrEqual(2);
    cosmetic.forEach((r, i) => {
      expect(prints(r), describeP(samples[i])).toEqual(prints(base));
      expect(verdict([base], [r])).toBe("not-fixed");
    });
    expect(verdict([base], [unticked])).toBe(s.untickedLeaves.length > 0 ? "partially-fixed" : "fixed");
    expect(verdict([base], [removed])).toBe("fixed");
    // Static mode and the browser agree on every fingerprint of the page as shipped.
    expect(prints(lintStatic(html, s))).toEqual(prints(base));
  });
});
