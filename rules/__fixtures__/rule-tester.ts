/**
 * A RuleTester in ESLint's style: valid cases must produce no findings,
 * invalid cases exactly the findings listed (count, and message / text /
 * evidence matchers in order), incomplete cases the incomplete entries listed.
 * Cases are PageModel fixtures, so rules are tested without a browser.
 * Options go through the rule's schema and messages through its
 * meta.messages, as the engine does, so a case with a bad option or a
 * finding with an unknown message id fails.
 */
import { describe, expect, it } from "vitest";
import type { PageModel } from "../../lint/model.js";
import type { Evidence, IncompleteEntry, Rule, RuleContext, RuleFinding, RuleOutcome } from "../../lint/types.js";
import { formatMessage, resolveRuleOptions } from "../../lint/run/rule-options.js";

interface CaseBase {
  name: string;
  model: PageModel;
  languages?: string[];
  /** The rule's options, as config gives them (checked against its schema, merged over its defaults). */
  options?: Record<string, unknown>;
}

export interface ValidCase extends CaseBase {
  /** Number of passes expected (consent controls and statements checked and fine). */
  passes?: number;
  /** Whether the rule should report itself inapplicable. */
  inapplicable?: boolean;
}

export type TextMatcher = string | RegExp;

export interface ExpectedFinding {
  message?: TextMatcher;
  text?: TextMatcher;
  selector?: string;
  role?: string;
  /** Matched as a subset (toMatchObject). */
  evidence?: Partial<Evidence>;
  fingerprintParts?: string[];
}

export interface InvalidCase extends CaseBase {
  /** The findings, in order, or just how many. */
  errors: ExpectedFinding[] | number;
}

export interface ExpectedIncomplete {
  reason: string;
  text?: TextMatcher;
  selector?: string;
}

export interface IncompleteCase extends CaseBase {
  incomplete: ExpectedIncomplete[];
  /** Findings expected besides (default none). */
  errors?: number;
}

export interface RuleTests {
  valid?: ValidCase[];
  invalid?: InvalidCase[];
  incomplete?: IncompleteCase[];
}

/** A finding with its message as the engine renders it. */
type TestedFinding = RuleFinding & { message: string };

/** The rule's outcome with every message rendered from meta.messages. */
function run(
  rule: Rule,
  c: CaseBase,
): Omit<RuleOutcome, "findings" | "incomplete"> & { findings: TestedFinding[]; incomplete: IncompleteEntry[] } {
  const ctx: RuleContext = {
    options: resolveRuleOptions(rule, c.options ? [{ source: `the case "${c.name}"`, options: c.options }] : []),
    languages: c.languages ?? [],
  };
  const outcome = rule.check(c.model, ctx);
  return {
    ...outcome,
    findings: outcome.findings.map((f) => ({ ...f, message: formatMessage(rule.meta, f.messageId, f.data) })),
    incomplete: outcome.incomplete.map((i) => ({
      ...i,
      ruleId: rule.meta.id,
      message: "messageId" in i ? formatMessage(rule.meta, i.messageId, i.data) : i.message,
    })),
  };
}

function matchText(actual: string, expected: TextMatcher | undefined, what: string): void {
  if (expected === undefined) return;
  if (typeof expected === "string") expect(actual, what).toBe(expected);
  else expect(actual, what).toMatch(expected);
}

/** What every finding of every rule must be: one line, with stable identity parts free of ids and selectors. */
function checkShape(f: TestedFinding, model: PageModel): void {
  expect(f.message, "message is one line").not.toMatch(/\n/u);
  expect(f.message.length, "message is not empty").toBeGreaterThan(0);
  expect(f.fingerprintParts.length, "fingerprint parts").toBeGreaterThan(0);
  const ids = [...model.controls.map((c) => c.id), ...model.texts.map((t) => t.id), ...model.actions.map((a) => a.id)];
  for (const part of f.fingerprintParts) {
    expect(part, "fingerprint part is not a selector").not.toBe(f.selector);
    expect(ids, `fingerprint part "${part}" is not an element id`).not.toContain(part);
  }
  expect(f.text.length, "text at most about 300 characters").toBeLessThanOrEqual(300);
}

function describeFindings(findings: TestedFinding[]): string {
  return findings.map((f) => `  - ${f.message} [${f.text}]`).join("\n") || "  (none)";
}

/** Registers the cases as vitest tests: one `describe` per rule, and one per kind of case given. */
export function ruleTester(rule: Rule, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    if (tests.valid?.length)
      describe("valid", () => {
        for (const c of tests.valid ?? []) {
          it(c.name, () => {
            const outcome = run(rule, c);
            expect(outcome.findings, `expected no findings, got:\n${describeFindings(outcome.findings)}`).toHaveLength(0);
            if (c.passes !== undefined) expect(outcome.passes, "passes").toHaveLength(c.passes);
            if (c.inapplicable !== undefined) expect(outcome.inapplicable, "inapplicable").toBe(c.inapplicable);
          });
        }
      });
    if (tests.invalid?.length)
      describe("invalid", () => {
        for (const c of tests.invalid ?? []) {
          it(c.name, () => {
            const outcome = run(rule, c);
            const expected = typeof c.errors === "number" ? c.errors : c.errors.length;
            expect(outcome.findings, `findings:\n${describeFindings(outcome.findings)}`).toHaveLength(expected);
            expect(outcome.inapplicable).toBe(false);
            outcome.findings.forEach((f) => checkShape(f, c.model));
            if (typeof c.errors === "number") return;
            c.errors.forEach((e, i) => {
              const f = outcome.findings[i];
              matchText(f.message, e.message, `finding ${i + 1} message`);
              matchText(f.text, e.text, `finding ${i + 1} text`);
              if (e.selector !== undefined) expect(f.selector, `finding ${i + 1} selector`).toBe(e.selector);
              if (e.role !== undefined) expect(f.role, `finding ${i + 1} role`).toBe(e.role);
              if (e.evidence !== undefined) expect(f.evidence, `finding ${i + 1} evidence`).toMatchObject(e.evidence);
              if (e.fingerprintParts !== undefined)
                expect(f.fingerprintParts, `finding ${i + 1} fingerprint parts`).toEqual(e.fingerprintParts);
            });
          });
        }
      });
    if (tests.incomplete?.length)
      describe("incomplete", () => {
        for (const c of tests.incomplete ?? []) {
          it(c.name, () => {
            const outcome = run(rule, c);
            expect(outcome.findings, `findings:\n${describeFindings(outcome.findings)}`).toHaveLength(c.errors ?? 0);
            expect(outcome.incomplete.map((i) => i.reason)).toEqual(c.incomplete.map((i) => i.reason));
            expect(outcome.inapplicable).toBe(false);
            c.incomplete.forEach((e, i) => {
              const entry = outcome.incomplete[i];
              matchText(entry.text ?? "", e.text, `incomplete ${i + 1} text`);
              if (e.selector !== undefined) expect(entry.selector, `incomplete ${i + 1} selector`).toBe(e.selector);
            });
          });
        }
      });
  });
}
