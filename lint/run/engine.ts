/**
 * Running the rules over one PageModel: severities from config, ignores,
 * fingerprints. Pure: no browser, no I/O.
 */
import { createHash } from "node:crypto";
import type { PageModel } from "../model.js";
import type { Finding, IncompleteEntry, PassEntry, Rule, RuleContext, RuleFinding, Severity, SeveritySetting } from "../types.js";
import { fingerprintText } from "../language/index.js";
import { UsageError } from "../errors.js";
import type { RuleSettingInput } from "../config/config.js";
import { formatMessage, resolveRuleOptions } from "./rule-options.js";

export interface RuleSelection {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface IgnoreEntry {
  selector?: string;
  fingerprint?: string;
  rule?: string;
  reason: string;
}

export interface EngineOptions {
  rules: RuleSelection[];
  languages: string[];
  ignore: IgnoreEntry[];
}

export interface EngineResult {
  findings: Finding[];
  passes: PassEntry[];
  incomplete: IncompleteEntry[];
  inapplicable: string[];
  ignored: { fingerprint: string; ruleId: string; reason: string }[];
}

/** A layer of rule settings: config `rules`, an override's, `--rule`; or options alone (a deprecated config key read as a rule's options). */
export interface RuleLayer {
  source: string;
  rules?: Record<string, RuleSettingInput>;
  options?: Record<string, Record<string, unknown>>;
}

/**
 * Which rules run, at what severity and with what options: each rule's own
 * default, then the layers in order (config `rules`, per-target overrides,
 * `--rule`). A severity alone keeps the options set before it; options given
 * are merged over them and checked against the rule's schema. Unknown rule
 * ids are a usage error naming the id and the known ones.
 */
export function selectRules(all: readonly Rule[], layers: readonly RuleLayer[]): RuleSelection[] {
  const byId = new Map(all.map((r) => [r.meta.id, r]));
  const severities = new Map<string, SeveritySetting>(all.map((r) => [r.meta.id, r.meta.severity]));
  const optionLayers = new Map<string, { source: string; options: Record<string, unknown> }[]>(all.map((r) => [r.meta.id, []]));
  const known = (id: string, source: string): void => {
    if (!byId.has(id))
      throw new UsageError(
        `Unknown rule "${id}" in ${source}. Known rules: ${[...byId.keys()].join(", ")}. Run \`consentlint rules\` to list them.`,
      );
  };
  for (const layer of layers) {
    for (const [id, options] of Object.entries(layer.options ?? {})) {
      known(id, layer.source);
      optionLayers.get(id)!.push({ source: layer.source, options });
    }
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      known(id, layer.source);
      const [severity, options] = Array.isArray(setting) ? setting : [setting];
      severities.set(id, severity);
      if (options !== undefined) optionLayers.get(id)!.push({ source: `${layer.source} (rules["${id}"])`, options });
    }
  }
  const selected: RuleSelection[] = [];
  for (const rule of all) {
    const options = resolveRuleOptions(rule, optionLayers.get(rule.meta.id)!);
    const severity = severities.get(rule.meta.id)!;
    if (severity === "off") continue;
    selected.push({ rule, severity, options });
  }
  return selected;
}

/**
 * A finding's fingerprint: SHA-256 (first 16 hex digits) of a format tag,
 * the rule id, the identity parts the rule chose (what kind of subject, the
 * kind of control, the purposes, the kind of hiding, the kind of region) and
 * an ordinal among the rule's findings with the same parts on the state.
 */
export function fingerprintOf(ruleId: string, parts: string[], ordinal: number): string {
  const hash = createHash("sha256");
  hash.update(["consentlint-fp-1", ruleId, ...parts, String(ordinal)].join("\u241f"));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Fingerprints of one rule's findings on one state. Findings with the same
 * parts are told apart by an ordinal taken in the order of their normalised
 * wording (stemmed, synonyms folded, sorted words: see fingerprintText), then
 * of the page: so reordering them on the page keeps each one's fingerprint,
 * and a light rewording only matters if it changes which comes first.
 */
export function fingerprintsOf(ruleId: string, findings: readonly Pick<RuleFinding, "fingerprintParts" | "text" | "evidence">[]): string[] {
  const groups = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const key = f.fingerprintParts.join("\u241f");
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = new Array<string>(findings.length);
  for (const indices of groups.values()) {
    const order =
      indices.length === 1
        ? indices
        : indices
            .map((i) => ({
              i,
              key: fingerprintText(
                findings[i].text,
                typeof findings[i].evidence.language === "string" ? findings[i].evidence.language : null,
              ),
            }))
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
            .map((e) => e.i);
    order.forEach((i, ordinal) => (out[i] = fingerprintOf(ruleId, findings[i].fingerprintParts, ordinal)));
  }
  return out;
}

export function runRules(model: PageModel, opts: EngineOptions): EngineResult {
  const result: EngineResult = { findings: [], passes: [], incomplete: [], inapplicable: [], ignored: [] };
  for (const { rule, severity, options } of opts.rules) {
    const ctx: RuleContext = { options, languages: opts.languages };
    const outcome = rule.check(model, ctx);
    const prints = fingerprintsOf(rule.meta.id, outcome.findings);
    for (const [index, f] of outcome.findings.entries()) {
      const finding: Finding = {
        ruleId: rule.meta.id,
        severity,
        message: formatMessage(rule.meta, f.messageId, f.data),
        selector: f.selector,
        role: f.role,
        name: f.name,
        text: f.text,
        evidence: f.evidence,
        legal: rule.meta.legal.map((l) => l.id),
        fingerprint: prints[index],
      };
      const ignoredBy = opts.ignore.find(
        (i) =>
          (!i.rule || i.rule === finding.ruleId) &&
          (i.fingerprint === finding.fingerprint || (i.selector !== undefined && i.selector === finding.selector)),
      );
      if (ignoredBy) result.ignored.push({ fingerprint: finding.fingerprint, ruleId: finding.ruleId, reason: ignoredBy.reason });
      else result.findings.push(finding);
    }
    for (const p of outcome.passes) result.passes.push({ ruleId: rule.meta.id, ...p });
    for (const i of outcome.incomplete) {
      const { selector, text } = i;
      const message = "messageId" in i ? formatMessage(rule.meta, i.messageId, i.data) : i.message;
      result.incomplete.push({
        ruleId: rule.meta.id,
        reason: i.reason,
        message,
        ...(selector !== undefined ? { selector } : {}),
        ...(text !== undefined ? { text } : {}),
      });
    }
    if (outcome.inapplicable) result.inapplicable.push(rule.meta.id);
  }
  return result;
}
