/** A flow action that failed: which flow, step, action and locator, why in one line, and what the page has instead. */

export type FailureKind = "not-found" | "ambiguous" | "not-visible" | "disabled" | "covered" | "not-applicable" | "navigation" | "other";

export interface FailureReason {
  kind: FailureKind;
  /** One line saying why, without Playwright's call log. */
  text: string;
  /** Elements matched, for a strict mode violation. */
  count?: number;
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- removes terminal colour sequences
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** The first line of a Playwright error without its `locator.click: Error:` prefix. */
function headline(message: string): string {
  return (message.split("\n")[0] ?? "")
    .replace(/^[\w.]+: /, "")
    .replace(/^Error: /, "")
    .trim();
}

/** Reads Playwright's error (and call log) into one line a person can act on. */
export function failureReason(error: unknown): FailureReason {
  const message = stripAnsi(error instanceof Error ? error.message : String(error));
  const strict = /strict mode violation: .* resolved to (\d+) elements/.exec(message);
  if (strict) {
    const count = Number(strict[1]);
    return {
      kind: "ambiguous",
      count,
      text: `matched ${count} elements (strict mode violation); make the locator match one (a fuller name, exact: true, testId or css)`,
    };
  }
  const timeout = /Timeout (\d+)ms exceeded/.exec(message);
  if (timeout) {
    const ms = timeout[1];
    if (!/locator resolved to/.test(message) && !/waiting for element to be/.test(message)) {
      return { kind: "not-found", text: `no element matched within ${ms} ms` };
    }
    const covering = /- (<.*?>.*?) intercepts pointer events/.exec(message) ?? /- (.*?) intercepts pointer events/.exec(message);
    if (covering) return { kind: "covered", text: `the element is covered by ${covering[1].slice(0, 120)}, which would get the click` };
    if (/element is not visible/.test(message))
      return { kind: "not-visible", text: `the element was found but not visible within ${ms} ms` };
    if (/element is not enabled/.test(message)) return { kind: "disabled", text: `the element was found but stayed disabled for ${ms} ms` };
    if (/element is not editable/.test(message))
      return { kind: "disabled", text: `the element was found but is not editable (read-only or disabled)` };
    if (/did not find some options/.test(message))
      return { kind: "not-applicable", text: `the select has no option with that value or label` };
    if (/element is not stable/.test(message)) return { kind: "other", text: `the element kept moving for ${ms} ms` };
    if (/waiting for element to be visible|to be visible/.test(message) && !/element is visible/.test(message)) {
      return { kind: "not-visible", text: `the element was found but not visible within ${ms} ms` };
    }
    return { kind: "other", text: `the element was found but the action did not complete within ${ms} ms` };
  }
  if (/Not a checkbox or radio button/.test(message))
    return { kind: "not-applicable", text: "the element found is not a checkbox, radio button or switch" };
  if (/Element is not an <input>/.test(message))
    return { kind: "not-applicable", text: "the element found cannot be filled (not an input, textarea, select or contenteditable)" };
  if (/Clicking the checkbox did not change its state/.test(message))
    return { kind: "other", text: "clicking the checkbox did not change its state (the page resets it)" };
  if (/while parsing (css )?selector/.test(message)) return { kind: "other", text: `invalid selector: ${headline(message)}` };
  if (/Unknown key/.test(message))
    return { kind: "other", text: `${headline(message)} (key names as Playwright writes them: Enter, Tab, Escape, ArrowDown, Space)` };
  if (/net::ERR_|NS_ERROR_|Navigation failed|interrupted by another navigation/.test(message))
    return { kind: "navigation", text: headline(message) };
  if (/Target page, context or browser has been closed/.test(message)) return { kind: "other", text: "the page was closed" };
  return { kind: "other", text: headline(message) || "unknown error" };
}

export interface FlowStepErrorInit {
  flow: string;
  file: string;
  /** 1-based line of the failing action (or of its step) in the flow file. */
  line: number;
  step: string;
  stepIndex: number;
  actionIndex: number;
  /** The action as written, without its locator: "click", "fill", "goto". */
  action: string;
  /** The locator as written (`{ role: button, name: "Next" }`), or the URL or key the action was given. */
  locator: string;
  reason: string;
  suggestions: string[];
}

export class FlowStepError extends Error {
  flow: string;
  file: string;
  line: number;
  step: string;
  /** 0-based index of the step in the flow. */
  stepIndex: number;
  /** 0-based index of the action in the step. */
  actionIndex: number;
  action: string;
  locator: string;
  reason: string;
  suggestions: string[];

  constructor(init: FlowStepErrorInit) {
    const target = init.locator ? ` ${init.locator}` : "";
    const hint = init.suggestions.length ? ` Did you mean: ${init.suggestions.join(", ")}?` : "";
    super(
      `Flow "${init.flow}" step ${init.stepIndex + 1} "${init.step}" (${init.file}:${init.line}), action ${init.actionIndex + 1} ${init.action}${target}: ${init.reason.replace(/\.+$/, "")}.${hint}`,
    );
    this.name = "FlowStepError";
    this.flow = init.flow;
    this.file = init.file;
    this.line = init.line;
    this.step = init.step;
    this.stepIndex = init.stepIndex;
    this.actionIndex = init.actionIndex;
    this.action = init.action;
    this.locator = init.locator;
    this.reason = init.reason;
    this.suggestions = init.suggestions;
  }
}
