/**
 * The report as one self-contained HTML file for people who do not read
 * JSON: a summary across the targets, then per linted state its findings in
 * plain words, each with the element pictured in context, the consent text,
 * what was measured against what readability needs, and the legal
 * references; passes and undecided items folded away below.
 *
 * The file has no script and loads nothing: a Content-Security-Policy meta
 * allows only inline styles and data: images, every piece of text that
 * comes from a page is HTML-escaped, and only PNG data URLs are embedded as
 * images. It can be mailed, attached to a complaint or published as it is.
 */
import type {
  Evidence,
  Finding,
  IncompleteEntry,
  LegalReference,
  LintReport,
  LintResult,
  PassEntry,
  RuleMeta,
  Thresholds,
} from "../types.js";
import { DEFAULT_THRESHOLDS } from "../types.js";
import { summarizeBatch, type BatchSummary, type PatternCount, type PatternKind, type TargetSet } from "./batch-summary.js";
import { conditionWords, describeMeasures, describeThresholds } from "./measures.js";

export interface HtmlOptions {
  /** Meta of the rules, for their plain-language names, explanations and legal references. */
  rules: RuleMeta[];
  /** Readability thresholds the run used (default: DEFAULT_THRESHOLDS). */
  thresholds?: Thresholds;
}

export const HTML_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** Characters HTML cannot carry or a reader should not get: C0/C1 controls (but tab and line ends), noncharacters, lone surrogates. */
const NOT_HTML =
  // eslint-disable-next-line no-control-regex -- the pattern exists to find control characters
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any value as text, escaped for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return text
    .replace(NOT_HTML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/** True for a `data:image/png;base64,` URL and nothing else: the only images the report embeds. */
export function isPngDataUrl(value: unknown): value is string {
  return typeof value === "string" && value.length < 20_000_000 && PNG_DATA_URL.test(value);
}

/** Width and height of a PNG data URL's image, read from its header; null when it cannot be read. */
export function pngDataUrlSize(url: string): { width: number; height: number } | null {
  const head = Buffer.from(url.slice("data:image/png;base64,".length, "data:image/png;base64,".length + 32), "base64");
  if (head.length < 24 || head.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** Screenshots wider than this are shown above the finding's facts rather than beside them. */
const SIDE_BY_SIDE_MAX_WIDTH = 360;

/** Page text cut to a length a reader can take in, marking the cut. */
function clip(text: unknown, max: number): string {
  const t = typeof text === "string" ? text : text === null || text === undefined ? "" : String(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Page text, escaped and isolated from the report's own text direction. */
function pageText(text: unknown, max = 2000): string {
  return `<bdi>${escapeHtml(clip(text, max))}</bdi>`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function percent(count: number, of: number): string {
  return of > 0 ? `${Math.round((count / of) * 100)}%` : "";
}

/** "a", "a and b", "a, b and c". */
function listWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const PURPOSE_WORDS: Record<string, string> = {
  "third-party-sharing": "sharing with third parties",
  "credit-scoring": "credit scoring",
  profiling: "profiling",
  marketing: "marketing",
  "personalised-ads": "personalised ads",
  "analytics-cookies": "analytics cookies",
  location: "precise location",
  contacts: "access to contacts",
  biometrics: "biometrics",
  "model-training": "training models on what users post",
};

const STEP_WORDS: Record<string, string> = {
  "view-report": "viewing a report",
  lottery: "entering a draw",
  signup: "signing up",
  login: "logging in",
  newsletter: "subscribing to a newsletter",
  checkout: "paying",
  install: "installing",
  booking: "booking",
  game: "playing a game",
  consent: "making a consent choice",
  settings: "changing settings",
  content: "using the page",
  unknown: "using the page",
};

const BUNDLING_WORDS: Record<string, string> = {
  "pre-checked": "the consent is ticked in advance",
  "opt-out-unticked": "an opt-out box is left unticked, so the consent is given unless the person ticks it",
  required: "the consent is required to continue",
  "blocks-submit": "the main button stays disabled until consent is given",
  statement: "the page says that going on counts as consent",
  "multi-purpose": "one box covers several unrelated purposes",
  "terms-and-optional": "accepting the terms also grants optional consent",
};

const CHECKED_SOURCE_WORDS: Record<string, string> = {
  "dom-property": "the control's live checked state",
  "aria-checked": "the control's aria-checked state",
  "aria-pressed": "the toggle's aria-pressed state",
  "selected-option": "the option selected in the list",
  "radio-group": "the choice selected in the group",
};

const INCOMPLETE_WORDS: Record<string, string> = {
  "background-image": "text over an image, whose contrast cannot be measured",
  "unsupported-language": "text in a language consentlint cannot read",
  "cross-origin-frame": "a frame from another site that could not be read",
};

const PATTERN_KIND_WORDS: Record<PatternKind, string> = {
  purpose: "purpose",
  condition: "how it is hidden",
  bundling: "how it is tied",
};

function words(map: Record<string, string>, key: unknown): string {
  const k = String(key);
  return Object.prototype.hasOwnProperty.call(map, k) ? map[k] : k;
}

/** The rule's heading in plain words (its meta.title), else its id. */
function ruleTitle(ruleId: string, ctx: RenderContext): string {
  return ctx.rules.get(ruleId)?.title ?? ruleId;
}

function patternWords(p: { kind: PatternKind; value: string }): string {
  if (p.kind === "purpose") return words(PURPOSE_WORDS, p.value);
  if (p.kind === "condition") return conditionWords(p.value);
  return words(BUNDLING_WORDS, p.value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The measured values in a sentence, with what readable text needs when a readability condition failed. */
export function measuredSentence(e: Evidence, t: Thresholds): string {
  const safe: Evidence = {
    ...e,
    fontPx: num(e.fontPx) ?? undefined,
    effectiveFontPx: num(e.effectiveFontPx) ?? undefined,
    contrast: num(e.contrast) ?? undefined,
    opacity: num(e.opacity) ?? undefined,
    transformScale: num(e.transformScale) ?? undefined,
    color: typeof e.color === "string" ? e.color : undefined,
    background: typeof e.background === "string" ? e.background : undefined,
    conditions: strings(e.conditions),
  };
  const measures = describeMeasures(safe);
  const needs = describeThresholds(safe, t);
  if (!measures) return "";
  return `${measures[0].toUpperCase()}${measures.slice(1)}${needs ? `; ${needs}` : ""}.`;
}

/** What the control's state and the step tell, as HTML sentences (page text escaped). */
function stateSentences(f: Finding): string[] {
  const e = f.evidence ?? {};
  const out: string[] = [];
  const source = e.checkedSource ? ` (read from ${words(CHECKED_SOURCE_WORDS, e.checkedSource)})` : "";
  if (e.checked === true) out.push(escapeHtml(`It was on when the page was shown, before the person did anything${source}.`));
  else if (e.checked === "mixed") out.push(escapeHtml(`It was partly on when the page was shown${source}.`));
  else if (e.checked === false) out.push(escapeHtml(`It was off when the page was shown${source}.`));
  if (e.required === true) out.push("It is marked as required.");
  const purposes = strings(e.purposes).map((p) => words(PURPOSE_WORDS, p));
  if (purposes.length) out.push(escapeHtml(`It asks for: ${listWords(purposes)}.`));
  const bundling = strings(e.bundling).map((b) => words(BUNDLING_WORDS, b));
  if (bundling.length) out.push(escapeHtml(`How it is tied: ${listWords(bundling)}.`));
  const step = e.primaryPurpose !== undefined ? words(STEP_WORDS, e.primaryPurpose) : "";
  const action = typeof e.primaryAction === "string" && e.primaryAction ? e.primaryAction : "";
  if (step || action) {
    out.push(
      `What the person came to do: ${escapeHtml(step || "using the page")}${action ? `, with the button “${pageText(action, 200)}”` : ""}.`,
    );
  }
  return out;
}

interface RenderContext {
  rules: Map<string, RuleMeta>;
  thresholds: Thresholds;
}

function legalLink(ref: LegalReference | undefined, id: string, withTitle: boolean): string {
  const title = ref?.title ? ` title="${escapeHtml(ref.title)}"` : "";
  if (ref?.url && /^https?:\/\//.test(ref.url))
    return `<a href="${escapeHtml(ref.url)}" rel="noopener noreferrer"${withTitle ? title : ""}>${escapeHtml(id)}</a>`;
  return withTitle && title ? `<span${title}>${escapeHtml(id)}</span>` : escapeHtml(id);
}

/** The finding's legal references in one line; their titles are in "The rules and their legal basis". */
function legalList(f: Finding, ctx: RenderContext): string {
  const ids = strings(f.legal);
  if (!ids.length) return "";
  const known = ctx.rules.get(f.ruleId)?.legal ?? [];
  const items = ids.map((id) =>
    legalLink(
      known.find((l) => l.id === id),
      id,
      true,
    ),
  );
  const more = ctx.rules.has(f.ruleId) ? ` <a class="more" href="#rule-${escapeHtml(f.ruleId)}">what these say</a>` : "";
  return `<p class="legal"><span class="label">Legal references</span> ${items.join('<span class="sep"> · </span>')}${more}</p>`;
}

/** Each rule that has findings in the report: what it checks, its documentation and its legal references with their titles. */
function rulesAppendix(ruleIds: string[], ctx: RenderContext): string {
  const metas = ruleIds.map((id) => ctx.rules.get(id)).filter((m): m is RuleMeta => m !== undefined);
  if (!metas.length) return "";
  const blocks = metas.map((m) => {
    const legal = m.legal.map((l) => `<li>${legalLink(l, l.id, false)} <span class="muted">— ${escapeHtml(l.title)}</span></li>`).join("");
    const docs = /^https?:\/\//.test(m.docsUrl)
      ? ` <a href="${escapeHtml(m.docsUrl)}" rel="noopener noreferrer">Rule documentation</a>`
      : "";
    return `<div class="rule-ref" id="rule-${escapeHtml(m.id)}"><h3>${escapeHtml(ruleTitle(m.id, ctx))} <code class="muted">${escapeHtml(m.id)} ${escapeHtml(m.version)}</code></h3>
<p>${escapeHtml(m.fullDescription)}${docs}</p>
<h4>Legal references</h4><ul>${legal}</ul></div>`;
  });
  return `<section class="appendix" aria-labelledby="rules-title"><h2 id="rules-title">The rules and their legal basis</h2>${blocks.join("\n")}</section>`;
}

/** A BCP 47 tag from the evidence, for the consent text's lang attribute; empty when it does not look like one. */
function langAttr(value: unknown): string {
  return typeof value === "string" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value) ? ` lang="${escapeHtml(value)}"` : "";
}

function technicalDetails(f: Finding): string {
  let evidence = "";
  try {
    evidence = JSON.stringify(f.evidence ?? {}, null, 2);
  } catch {
    evidence = "";
  }
  const rows: [string, string][] = [
    ["Rule", `<code>${escapeHtml(f.ruleId)}</code>`],
    ["Element", `<code>${escapeHtml(clip(f.selector, 1000))}</code>`],
    ["Role and name", `${escapeHtml(f.role)}${f.name ? ` “${pageText(f.name, 500)}”` : ""}`],
    ["Fingerprint", `<code>${escapeHtml(f.fingerprint)}</code>`],
  ];
  return `<details class="tech"><summary>Technical details</summary><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl><pre>${escapeHtml(clip(evidence, 20_000))}</pre></details>`;
}

function findingHtml(f: Finding, index: number, stateId: string, ctx: RenderContext): string {
  const severity = f.severity === "error" ? "error" : "warn";
  const meta = ctx.rules.get(f.ruleId);
  const explanation = meta?.explanation ?? "";
  const size = isPngDataUrl(f.screenshot) ? pngDataUrlSize(f.screenshot) : null;
  const shot =
    size && isPngDataUrl(f.screenshot)
      ? `<figure class="shot"><img src="${f.screenshot}" width="${size.width}" height="${size.height}" alt="The element on the page, outlined"><figcaption>The element as it appeared on the page, outlined.</figcaption></figure>`
      : "";
  const layout = !shot ? " no-shot" : size && size.width > SIDE_BY_SIDE_MAX_WIDTH ? " wide" : "";
  const text = f.text
    ? `<div class="consent-text"><h4>Consent text on the page</h4><blockquote${langAttr(f.evidence?.language)}>${pageText(f.text)}</blockquote></div>`
    : "";
  const measured = measuredSentence(f.evidence ?? {}, ctx.thresholds);
  const facts = [measured ? `<li>${escapeHtml(measured)}</li>` : "", ...stateSentences(f).map((s) => `<li>${s}</li>`)].filter(Boolean);
  return `<article class="finding ${severity}" id="${stateId}-f${index + 1}">
<header class="finding-head"><span class="badge ${severity}">${severity === "error" ? "Error" : "Warning"}</span><h3>${escapeHtml(ruleTitle(f.ruleId, ctx))}</h3></header>
<p class="message">${pageText(f.message, 1000)}</p>
${explanation ? `<p class="explain">${escapeHtml(explanation)}</p>` : ""}
<div class="finding-body${layout}">${shot}<div class="finding-facts">${text}${facts.length ? `<div class="measured"><h4>What was found</h4><ul>${facts.join("")}</ul></div>` : ""}</div></div>
${legalList(f, ctx)}
${technicalDetails(f)}
</article>`;
}

function passesHtml(passes: PassEntry[], ctx: RenderContext): string {
  if (!passes.length) return "";
  const items = passes.map(
    (p) =>
      `<li><span class="rule-tag">${escapeHtml(ruleTitle(p.ruleId, ctx))}</span> ${p.text ? `“${pageText(p.text, 300)}”` : escapeHtml(p.role)} <code class="sel">${escapeHtml(clip(p.selector, 300))}</code></li>`,
  );
  return `<details class="fold"><summary>${plural(passes.length, "consent control or text", "consent controls and texts")} checked and fine</summary><ul class="plain">${items.join("")}</ul></details>`;
}

function incompleteHtml(incomplete: IncompleteEntry[], ctx: RenderContext): string {
  if (!incomplete.length) return "";
  const items = incomplete.map(
    (i) =>
      `<li><span class="rule-tag">${escapeHtml(ruleTitle(i.ruleId, ctx))}</span> ${escapeHtml(words(INCOMPLETE_WORDS, i.reason))}: ${pageText(i.message, 500)}${i.text ? ` — “${pageText(i.text, 300)}”` : ""}${i.selector ? ` <code class="sel">${escapeHtml(clip(i.selector, 300))}</code>` : ""}</li>`,
  );
  return `<details class="fold"><summary>${plural(incomplete.length, "thing", "things")} consentlint could not decide</summary><p class="muted">These need a person to look: consentlint does not guess.</p><ul class="plain">${items.join("")}</ul></details>`;
}

function viewportWords(r: LintResult): string {
  const v = r.viewport;
  if (!v || num(v.width) === null || num(v.height) === null) return "";
  return `${v.width} × ${v.height} px${v.isMobile ? ", phone" : v.width < 700 ? ", narrow" : ""}`;
}

function urlHtml(url: unknown): string {
  const u = typeof url === "string" ? url : "";
  if (/^https?:\/\//i.test(u)) return `<a href="${escapeHtml(u)}" rel="noopener noreferrer nofollow">${escapeHtml(clip(u, 500))}</a>`;
  return `<code>${escapeHtml(clip(u, 500))}</code>`;
}

function stateTitle(r: LintResult): string {
  return `${pageText(r.target, 300)}${r.step ? ` <span class="step">› ${pageText(r.step, 200)}</span>` : ""}`;
}

/** What the state stored and sent, in one line (the JSON report and the evidence bundle have the details). */
function behaviourLine(r: LintResult): string | null {
  const b = r.behaviour;
  if (!b || typeof b !== "object") return null;
  const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  const third = (v: { party?: string }[]) => v.filter((x) => x && x.party === "third").length;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const cookies = list(b.cookies);
  const requests = list(b.requests);
  return (
    `${count(cookies.length, "cookie", "cookies")} (${third(cookies)} third-party), ` +
    `${count(list(b.storage).length, "storage key", "storage keys")}, ` +
    `${count(requests.length, "request", "requests")}${b.truncated === true ? "+" : ""} (${third(requests)} to other sites)`
  );
}

function stateHtml(r: LintResult, index: number, ctx: RenderContext): string {
  const id = `state-${index + 1}`;
  const findings = Array.isArray(r.findings) ? r.findings : [];
  const rows: [string, string][] = [];
  if (r.step) rows.push(["Step", pageText(r.step, 300)]);
  rows.push(["Page address", urlHtml(r.url)]);
  const vp = viewportWords(r);
  if (vp) rows.push(["Screen", escapeHtml(vp)]);
  if (r.locale) rows.push(["Browser language", escapeHtml(r.locale)]);
  const behaviour = behaviourLine(r);
  if (behaviour) rows.push(["Stored and sent", escapeHtml(behaviour)]);
  const status = r.error
    ? `<p class="status failed">Could not be checked: ${pageText(r.error, 1000)}</p>`
    : findings.length
      ? ""
      : `<p class="status clean">No findings.</p>`;
  return `<section class="state${r.error ? " has-error" : findings.length ? " has-findings" : " is-clean"}" id="${id}">
<h2>${stateTitle(r)}</h2>
<dl class="facts">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("")}</dl>
${status}
${findings.map((f, i) => findingHtml(f, i, id, ctx)).join("\n")}
${passesHtml(Array.isArray(r.passes) ? r.passes : [], ctx)}
${incompleteHtml(Array.isArray(r.incomplete) ? r.incomplete : [], ctx)}
</section>`;
}

function targetList(set: TargetSet, max = 12): string {
  const shown = set.targets.slice(0, max).map((t) => `<li>${pageText(t, 200)}</li>`);
  const more = set.count - shown.length;
  return `<ul class="targets">${shown.join("")}${more > 0 ? `<li class="muted">and ${more} more</li>` : ""}</ul>`;
}

function patternRows(patterns: PatternCount[], base: number): string {
  return patterns
    .map(
      (p) =>
        `<tr><td><span class="kind">${escapeHtml(PATTERN_KIND_WORDS[p.kind] ?? p.kind)}</span> ${escapeHtml(patternWords(p))}</td><td class="n" data-label="Targets">${p.count}${base ? ` <span class="muted">(${percent(p.count, base)})</span>` : ""}</td><td>${targetList(p, 6)}</td></tr>`,
    )
    .join("");
}

function summaryHtml(report: LintReport, summary: BatchSummary, ctx: RenderContext): string {
  const results = report.results;
  const findings = results.reduce((n, r) => n + (Array.isArray(r.findings) ? r.findings.length : 0), 0);
  const errors = results.reduce((n, r) => n + (Array.isArray(r.findings) ? r.findings.filter((f) => f.severity === "error").length : 0), 0);
  const warnings = findings - errors;
  const statesWithFindings = results.filter((r) => Array.isArray(r.findings) && r.findings.length > 0).length;
  const tiles: [string, string, string][] = [
    [String(summary.targets), summary.targets === 1 ? "target checked" : "targets checked", ""],
    [String(results.length), results.length === 1 ? "page state" : "page states", `${statesWithFindings} with findings`],
    [String(findings), findings === 1 ? "finding" : "findings", `${plural(errors, "error")}, ${plural(warnings, "warning")}`],
    [
      String(summary.withFindings.count),
      summary.withFindings.count === 1 ? "target with findings" : "targets with findings",
      `${summary.clean.count} clean`,
    ],
  ];
  if (summary.failed.count) tiles.push([String(summary.failed.count), "could not be checked", ""]);
  const base = summary.linted;
  const ruleRows = summary.rules
    .map((rule) => {
      const sev = [rule.errors ? plural(rule.errors, "error") : "", rule.warnings ? plural(rule.warnings, "warning") : ""]
        .filter(Boolean)
        .join(", ");
      return `<tr><td><strong>${escapeHtml(ruleTitle(rule.ruleId, ctx))}</strong><br><code class="muted">${escapeHtml(rule.ruleId)}</code></td><td class="n" data-label="Targets">${rule.count} of ${base}${base ? ` <span class="muted">(${percent(rule.count, base)})</span>` : ""}</td><td class="n" data-label="Findings">${rule.findings}${sev ? ` <span class="muted">(${sev})</span>` : ""}</td></tr>`;
    })
    .join("");
  // Purposes across all rules, then how consent was hidden or tied (each from the one rule that reports it).
  const patterns = [...summary.purposes, ...summary.rules.flatMap((rule) => rule.patterns.filter((p) => p.kind !== "purpose"))];
  const patternTable = patterns.length
    ? `<table class="patterns"><thead><tr><th>Pattern</th><th>Targets</th><th>Which</th></tr></thead><tbody>${patternRows(patterns, base)}</tbody></table>`
    : "";
  const contents = results
    .map((r, i) => {
      const n = Array.isArray(r.findings) ? r.findings.length : 0;
      const label = r.error
        ? `<span class="tag failed">could not be checked</span>`
        : n
          ? `<span class="tag findings">${plural(n, "finding")}</span>`
          : `<span class="tag clean">clean</span>`;
      return `<li><a href="#state-${i + 1}">${stateTitle(r)}</a>${viewportWords(r) ? ` <span class="muted">${escapeHtml(viewportWords(r))}</span>` : ""} ${label}</li>`;
    })
    .join("");
  return `<section class="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<div class="tiles">${tiles.map(([n, label, sub]) => `<div class="tile"><span class="big">${escapeHtml(n)}</span><span>${escapeHtml(label)}</span>${sub ? `<span class="muted">${escapeHtml(sub)}</span>` : ""}</div>`).join("")}</div>
<h3>Findings per rule</h3>
<table class="rules"><thead><tr><th>Rule</th><th>Targets</th><th>Findings</th></tr></thead><tbody>${ruleRows}</tbody></table>
${patternTable ? `<h3>Patterns across targets</h3>${patternTable}` : ""}
<h3>Pages checked</h3>
<ol class="contents">${contents}</ol>
</section>`;
}

function dateWords(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "";
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const STYLE = `
:root { --ink: #1d1d24; --muted: #5c5c6b; --line: #dcdce4; --bg: #f5f5f8; --card: #fff; --error: #b3261e; --error-bg: #fdecea; --warn: #8a5300; --warn-bg: #fff4de; --ok: #1e6b3a; --ok-bg: #e6f4ea; --accent: #3d2ea8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; overflow-wrap: anywhere; }
.page { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
.report-head h1 { margin: 0 0 4px; font-size: 28px; line-height: 1.2; }
.report-head p { margin: 4px 0; }
.muted { color: var(--muted); }
h2 { font-size: 22px; line-height: 1.3; margin: 0 0 12px; }
h3 { font-size: 18px; margin: 24px 0 8px; }
h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 6px; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
bdi { unicode-bidi: isolate; }
section.summary, section.state { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 20px 22px; margin: 20px 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 8px 0 8px; }
.tile { display: flex; flex-direction: column; background: var(--bg); border-radius: 10px; padding: 12px 14px; }
.tile .big { font-size: 30px; font-weight: 700; line-height: 1.1; }
table { width: 100%; border-collapse: collapse; font-size: 15px; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.n { white-space: nowrap; }
.kind { display: inline-block; font-size: 12px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin-right: 4px; }
ul.targets { margin: 0; padding: 0; list-style: none; font-size: 14px; }
ol.contents { padding-left: 24px; margin: 0; }
ol.contents li { margin: 4px 0; }
.tag { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 8px; white-space: nowrap; }
.tag.findings { background: var(--error-bg); color: var(--error); }
.tag.clean { background: var(--ok-bg); color: var(--ok); }
.tag.failed { background: var(--warn-bg); color: var(--warn); }
.step { color: var(--muted); font-weight: 500; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 6px 18px; margin: 0 0 12px; font-size: 14px; }
dl.facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
dl.facts dd { margin: 0; }
.status { font-weight: 600; border-radius: 8px; padding: 8px 12px; }
.status.clean { background: var(--ok-bg); color: var(--ok); }
.status.failed { background: var(--warn-bg); color: var(--warn); }
article.finding { border: 1px solid var(--line); border-left: 5px solid var(--error); border-radius: 10px; padding: 16px 18px; margin: 16px 0; }
article.finding.warn { border-left-color: var(--warn); }
.finding-head { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.finding-head h3 { margin: 0; }
.badge { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; border-radius: 4px; padding: 2px 8px; }
.badge.error { background: var(--error-bg); color: var(--error); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }
.message { font-weight: 600; margin: 10px 0 4px; }
.explain { margin: 4px 0 14px; color: var(--muted); }
.finding-body { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 18px; align-items: start; }
.finding-body.wide, .finding-body.no-shot { grid-template-columns: minmax(0, 1fr); }
figure.shot { margin: 0; }
figure.shot { max-width: 100%; }
figure.shot img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
figure.shot figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
.consent-text blockquote { margin: 0 0 14px; padding: 10px 14px; background: var(--bg); border-radius: 8px; white-space: pre-wrap; font-size: 15px; }
.measured ul, .legal ul, ul.plain { margin: 0; padding-left: 20px; }
.measured li, .legal li, ul.plain li { margin: 3px 0; }
.legal { margin: 14px 0 0; font-size: 14px; }
.legal .label, .appendix h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 700; margin-right: 6px; }
.legal .sep { color: var(--muted); }
.legal a.more { margin-left: 8px; font-size: 13px; }
.verdict { font-size: 18px; font-weight: 600; }
section.appendix { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 20px 22px; margin: 20px 0; }
.rule-ref + .rule-ref { border-top: 1px solid var(--line); margin-top: 18px; }
.rule-ref h3 { margin-top: 16px; }
.rule-ref ul { padding-left: 20px; font-size: 14px; }
details { margin-top: 12px; }
details > summary { cursor: pointer; color: var(--accent); font-weight: 600; }
details.tech dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; font-size: 14px; }
details.tech dt { color: var(--muted); }
details.tech dd { margin: 0; min-width: 0; }
details.tech pre { background: var(--bg); padding: 10px; border-radius: 8px; overflow-x: auto; white-space: pre-wrap; font-size: 12px; }
.rule-tag { font-size: 12px; color: var(--muted); }
code.sel { color: var(--muted); font-size: 12px; }
footer.report-foot { font-size: 13px; color: var(--muted); margin-top: 24px; }
@media (max-width: 640px) {
  .page { padding: 14px 10px 32px; }
  section.summary, section.state, section.appendix { padding: 14px 12px; border-radius: 10px; }
  .report-head h1 { font-size: 23px; }
  h2 { font-size: 19px; }
  .finding-body { grid-template-columns: minmax(0, 1fr); }
  article.finding { padding: 12px; }
  table.rules thead, table.patterns thead { display: none; }
  table.rules tr, table.patterns tr { display: block; border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.rules td, table.patterns td { display: block; border: 0; padding: 2px 0; }
  td.n { white-space: normal; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: 13px; }
}
@page { margin: 16mm 14mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  section.summary, section.state, section.appendix { border: 0; padding: 0; margin: 0 0 18pt; }
  section.state { break-before: page; }
  article.finding { break-inside: avoid; }
  details > summary { color: var(--ink); }
  a { color: var(--ink); text-decoration: none; }
  .appendix a[href]::after { content: " <" attr(href) ">"; font-size: 9pt; color: var(--muted); }
  .legal a.more { display: none; }
}
`;

/** The report as a self-contained HTML document. */
export function formatHtml(report: LintReport, opts: HtmlOptions): string {
  const ctx: RenderContext = { rules: new Map(opts.rules.map((m) => [m.id, m])), thresholds: opts.thresholds ?? DEFAULT_THRESHOLDS };
  const results = Array.isArray(report.results) ? report.results : [];
  const safeReport: LintReport = { ...report, results };
  const summary = summarizeBatch(safeReport);
  const findings = results.reduce((n, r) => n + (Array.isArray(r.findings) ? r.findings.length : 0), 0);
  const title = `Consent check: ${plural(findings, "finding")} on ${plural(summary.targets, "target")}`;
  const when = dateWords(report.startedAt);
  const verdict =
    findings === 0
      ? `No problems found on ${plural(summary.linted, "target")}${summary.failed.count ? `; ${summary.failed.count} could not be checked` : ""}.`
      : `${plural(findings, "problem")} found on ${summary.withFindings.count} of ${plural(summary.targets, "target")}${summary.failed.count ? `; ${summary.failed.count} could not be checked` : ""}.`;
  const rulesUsed = Object.entries(report.rules ?? {})
    .map(([id, v]) => `${id} ${v}`)
    .join(", ");
  const about = [
    when ? `Checked ${escapeHtml(when)}` : "",
    `with ${escapeHtml(report.tool?.name ?? "consentlint")} ${escapeHtml(report.tool?.version ?? "")}`,
    report.browser ? `in ${escapeHtml(report.browser)}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header class="report-head">
<h1>Consent check report</h1>
<p class="verdict">${escapeHtml(verdict)}</p>
<p class="muted">${about}.</p>
</header>
<main>
${summaryHtml(safeReport, summary, ctx)}
${results.map((r, i) => stateHtml(r, i, ctx)).join("\n")}
${rulesAppendix(
  summary.rules.filter((r) => r.findings > 0).map((r) => r.ruleId),
  ctx,
)}
</main>
<footer class="report-foot">
<p>Each finding names what was measured in a real browser (Chromium) as a first-time visitor would see the page: the state of the control, the size and contrast of the text, what the person came to do. Readable text here means at least ${ctx.thresholds.minFontPx} px, a contrast of at least ${ctx.thresholds.minContrast}:1 and an opacity of at least ${ctx.thresholds.minOpacity}.${rulesUsed ? ` Rules: ${escapeHtml(rulesUsed)}.` : ""}</p>
</footer>
</div>
</body>
</html>
`;
}
