/** A flow file, parsed and validated: where it starts and the steps to walk through. */
import type { ViewportInput } from "../config/config.js";

/** How an action finds its element, as Playwright's getBy* locators: exactly one of role (with name), text, label, testId, css. */
export interface FlowLocator {
  role?: string;
  name?: string;
  exact?: boolean;
  text?: string;
  label?: string;
  testId?: string;
  css?: string;
}

export type FlowAction =
  | { goto: string }
  | { click: FlowLocator }
  | { fill: FlowLocator & { value: string } }
  | { check: FlowLocator }
  | { uncheck: FlowLocator }
  | { select: FlowLocator & { value: string } }
  | { press: string | (FlowLocator & { key: string }) }
  | { scroll: FlowLocator | "bottom" | "top" }
  | { waitFor: FlowLocator | { ms: number } }
  | { reload: true };

export const FLOW_ACTION_NAMES = ["goto", "click", "fill", "check", "uncheck", "select", "press", "scroll", "waitFor", "reload"] as const;
export type FlowActionName = (typeof FLOW_ACTION_NAMES)[number];

export interface FlowStep {
  name: string;
  actions: FlowAction[];
  /** 1-based line of the step in the file */
  line: number;
  /** 1-based line of each action in the file, by index. */
  actionLines: number[];
  /**
   * What the person has chosen about optional processing by this step, as
   * the flow declares it (`expect: refused`), for the behaviour rules: a
   * refusal the linter cannot tell from the control clicked (a custom
   * second layer saved with every purpose off).
   */
  expect?: "refused" | "accepted";
}

export interface Flow {
  /** Absolute path of the flow file. */
  file: string;
  name: string;
  /** Absolute http(s) URL, or absolute file path when relative to the flow file. */
  url: string;
  urlIsFile: boolean;
  viewport?: ViewportInput;
  locale?: string;
  steps: FlowStep[];
}

/** The one key of an action, and what it holds. */
export function actionParts(action: FlowAction): { name: FlowActionName; arg: unknown } {
  const name = Object.keys(action)[0] as FlowActionName;
  return { name, arg: (action as Record<string, unknown>)[name] };
}
