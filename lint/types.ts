/**
 * Shapes of the outside of the tool: rules, findings and the JSON report
 * (see docs/reports.md, "JSON report"). Fields are only ever added.
 */
import type { Behaviour } from "./behaviour/types.js";
import type { ModelNote, PageModel, Viewport } from "./model.js";
import type { Purpose, PrimaryPurpose } from "./language/types.js";

export type Severity = "error" | "warn";
export type SeveritySetting = Severity | "off";

export interface LegalReference {
  /** Short citation, e.g. "GDPR Art. 7(2)". */
  id: string;
  title: string;
  url?: string;
}

/**
 * Facts a rule's results may rest on that static mode (`--static`) cannot
 * vouch for, each moving the results that rest on it to incomplete when the
 * page leaves it unknown:
 * - "styles": the computed styles (a style sheet static mode could not read may set others);
 * - "layout": boxes, covering, clipping by overflow and positions (static mode lays nothing out);
 * - "scripts": the page as served (scripts may tick, require, restyle, move or add things after load);
 * - "button-ranking": which region is a step and which of its buttons is the main one (ranked by sizes
 *   static mode does not compute: it re-runs the rule under every ranking the sizes allow).
 */
export type RuleBasis = "styles" | "layout" | "scripts" | "button-ranking";

/** What a rule's findings and passes rest on, each list most telling first (the first unknown is the reason given). */
export interface RestsOn {
  findings: readonly RuleBasis[];
  passes: readonly RuleBasis[];
}

/** Values for a message's `{{name}}` placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A JSON Schema (draft-07, as ajv reads it) for a rule's options object. */
export type OptionsSchema = Readonly<Record<string, unknown>>;

export interface RuleMeta {
  id: string;
  /** Semver of the rule's logic; bumped when what it finds changes. */
  version: string;
  severity: Severity;
  description: string;
  /** The rule's heading in reports for people who do not read rule ids (the HTML report): a few plain words. */
  title: string;
  /** What a finding means, in plain words a product person understands, and why it matters (the HTML report, under each finding). */
  explanation: string;
  /** Longer description, for SARIF fullDescription and `consentlint rules`. */
  fullDescription: string;
  docsUrl: string;
  legal: LegalReference[];
  /** The rule's messages by id; `{{name}}` is replaced by the finding's `data.name`. */
  messages: Readonly<Record<string, string>>;
  /** What the rule's results rest on, for static mode. */
  restsOn: RestsOn;
  /** Schema of the options object (`[severity, options]` in config); a rule without one takes no options. */
  schema?: OptionsSchema;
  /** Options the rule runs with where config sets none; config options are merged over them. */
  defaultOptions?: Readonly<Record<string, unknown>>;
  /** A top-level config key read as this rule's options, under any the `rules` entries set (kept for old configs; deprecated). */
  deprecatedConfigKey?: string;
}

/**
 * Readability thresholds: the options of hidden-consent-text, and the
 * numbers the HTML report quotes when it says what readable text needs.
 */
export interface Thresholds {
  /** Smallest readable font size in CSS px (default 10). */
  minFontPx: number;
  /** Smallest readable WCAG contrast ratio (default 3). */
  minContrast: number;
  /** Smallest readable effective opacity (default 0.4). */
  minOpacity: number;
  /** Transform scale at or below which text counts as scaled to near zero (default 0.5). */
  minTransformScale: number;
}

/** hidden-consent-text's default options (its meta.defaultOptions; a test keeps the two equal). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  minFontPx: 10,
  minContrast: 3,
  minOpacity: 0.4,
  minTransformScale: 0.5,
};

/** Measured facts behind a finding. Keys are stable; absent when not measured. */
export interface Evidence {
  checked?: boolean | "mixed";
  /** An opt-out box or switch: its wording says ticking it refuses, so left unticked it grants. */
  tickingRefuses?: boolean;
  checkedSource?: string;
  defaultChecked?: boolean;
  required?: boolean;
  disabled?: boolean;
  fontPx?: number;
  effectiveFontPx?: number;
  contrast?: number | null;
  color?: string;
  background?: string | null;
  opacity?: number;
  transformScale?: number;
  box?: { x: number; y: number; width: number; height: number };
  /** Which readability or visibility conditions failed: "font-size", "contrast", "opacity", "transparent", "transform", "covered", "offscreen", "clipped", "zero-size", "visibility-hidden", "collapsed", "display-none". */
  conditions?: string[];
  purposes?: Purpose[];
  primaryPurpose?: PrimaryPurpose;
  /** How the control is tied to the primary action: "pre-checked", "opt-out-unticked" (an opt-out box left unticked), "required", "blocks-submit", "statement", "multi-purpose", "terms-and-optional". */
  bundling?: string[];
  primaryAction?: string;
  language?: string;
  viewport?: Viewport;
  [key: string]: unknown;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  selector: string;
  role: string;
  name: string;
  text: string;
  evidence: Evidence;
  legal: string[];
  fingerprint: string;
  /** The element in context with an outline around it, as a `data:image/png;base64,` URL (when screenshots were asked for). */
  screenshot?: string;
}

/** A consent control or statement the rule checked and found fine. */
export interface PassEntry {
  ruleId: string;
  selector: string;
  role: string;
  name: string;
  text: string;
}

/** Something the rule could not decide (unknown language, background image, cross-origin frame). */
export interface IncompleteEntry {
  ruleId: string;
  reason: string;
  message: string;
  selector?: string;
  text?: string;
}

export interface RuleContext<Options extends object = Record<string, unknown>> {
  /** The rule's options: its defaultOptions with those of config (`[severity, options]`) over them, checked against its schema. */
  options: Options;
  /** Languages the user has asked to be read (config `languages`); empty means all supported. */
  languages: string[];
}

/** What a rule's check returns before the engine adds severity and fingerprints. */
export interface RuleFinding {
  /** Key of the message in the rule's meta.messages. */
  messageId: string;
  /** Values for the message's placeholders. */
  data?: MessageData;
  selector: string;
  role: string;
  name: string;
  text: string;
  evidence: Evidence;
  /** Stable identity parts for the fingerprint: the purpose and the kind of control; never ids, classes or positions. */
  fingerprintParts: string[];
}

/** Something a rule could not decide: its message as text, or by id from meta.messages. */
export type RuleIncomplete = Omit<IncompleteEntry, "ruleId" | "message"> &
  ({ message: string } | { messageId: string; data?: MessageData });

export interface RuleOutcome {
  findings: RuleFinding[];
  passes: Omit<PassEntry, "ruleId">[];
  incomplete: RuleIncomplete[];
  /** True when nothing on the page was relevant to the rule. */
  inapplicable: boolean;
}

export interface Rule<Options extends object = Record<string, unknown>> {
  meta: RuleMeta;
  check(model: PageModel, ctx: RuleContext<Options>): RuleOutcome;
}

export interface LintResult {
  target: string;
  step?: string;
  url: string;
  viewport?: Viewport;
  locale?: string;
  findings: Finding[];
  passes: PassEntry[];
  incomplete: IncompleteEntry[];
  inapplicable: string[];
  error?: string;
  durationMs?: number;
  /** What the page did that was answered or cut short: dialogs dismissed, pop-ups closed, downloads refused, a page read in part, a retry after a crash. */
  notes?: ModelNote[];
  /**
   * In a consent run (`--consent`), the choice made before this state and how:
   * the consent manager autoconsent recognised ("Klaro (autoconsent)"), or the
   * page's own button clicked when it recognised none.
   */
  consent?: { choice: "reject" | "accept"; madeBy: string };
  /** Comparison with the stored snapshot, with --snapshot-dir. */
  snapshot?: {
    status: "match" | "changed" | "written" | "missing";
    fixed: string[];
    introduced: string[];
    persisting: string[];
    file: string;
  };
  /** What the state stored and sent (browser mode): cookies, storage keys, requests, signalled consent. */
  behaviour?: Behaviour;
}

export interface LintReport {
  tool: { name: "consentlint"; version: string };
  results: LintResult[];
  summary: { targets: number; errors: number; warnings: number; durationMs: number };
  /** Versions of the rules that ran, for telling changed findings apart from changed rules. */
  rules: Record<string, string>;
  browser?: string;
  startedAt: string;
  /** Present when this run linted one shard of the targets (--shard i/n). */
  shard?: { current: number; total: number };
  /** Stored snapshots that no state of this run matched (their target is gone). */
  obsoleteSnapshots?: string[];
}
