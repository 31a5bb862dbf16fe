/**
 * Running a flow step's actions in the page, with Playwright's auto-waiting.
 * Controls the flow changes are marked `data-consentlint-touched` so the
 * extraction knows the user (not the page) set their state, and each action
 * reports the text of what it acted on for the primary-purpose decision.
 *
 * Two ways mark a control: what the action lands on (the box ticked, the
 * switch or `aria-pressed` button clicked, the control of a label), and every
 * control, in every frame and open shadow root, whose checked, pressed or
 * selected state the action changed (a click on a card whose script flips a
 * switch, a radio unticked by its neighbour), found by comparing the states
 * before and after the action.
 */
import { relative } from "node:path";
import type { ElementHandle, Frame, JSHandle, Locator, Page } from "playwright";
import type { FlowActionRecord } from "../model.js";
import { describeLocator, toPlaywrightLocator } from "./locator.js";
import { FlowStepError, failureReason } from "./step-error.js";
import { matchedCandidates, suggestionsFor } from "./suggestions.js";
import { resolveFlowUrl } from "./flow-file.js";
import { actionParts, type Flow, type FlowAction, type FlowLocator } from "./types.js";

export const TOUCHED_ATTRIBUTE = "data-consentlint-touched";

export interface RunStepOptions {
  /** Time each action may take, in ms (Playwright's auto-waiting included). */
  timeoutMs: number;
  /** Maps an http(s) URL or an absolute file path (a goto target, resolved from the flow file) to the URL to open. */
  resolveUrl: (urlOrPath: string) => string;
}

/**
 * Which elements an action marks as touched:
 * - "value": the element itself (fill, select, check, uncheck), and for a label its control;
 * - "toggle": only a checkbox/radio/switch or `aria-pressed` toggle button the click lands on, or the control of a label clicked;
 * - "none": nothing (scroll, wait, a key other than Space).
 */
type TouchMode = "value" | "toggle" | "none";

interface TargetInfo {
  /** Accessible name or text of the element, collapsed and cut to 200 characters. */
  text: string;
  /** Whether the element is still in the document. */
  connected: boolean;
}

/**
 * Runs in the page: marks what the action changes and reads the element's
 * name. Self-contained, as Playwright sends its source to the page.
 */
function inspectAndMark(el: Element, args: { mode: TouchMode; attribute: string }): TargetInfo {
  const toggleSelector =
    'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="radio"], [role="switch"], [role="menuitemcheckbox"], [role="menuitemradio"], [aria-pressed]';
  const collapse = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
  const textOf = (node: Element): string => collapse((node as HTMLElement).innerText ?? node.textContent);
  const nameOf = (node: Element): string => {
    const aria = collapse(node.getAttribute("aria-label"));
    if (aria) return aria;
    const labelledBy = node.getAttribute("aria-labelledby");
    if (labelledBy) {
      const root = node.getRootNode() as Document | ShadowRoot;
      const text = collapse(
        labelledBy
          .split(/\s+/)
          .map((id) => {
            const ref = root.getElementById ? root.getElementById(id) : null;
            return ref ? textOf(ref) : "";
          })
          .join(" "),
      );
      if (text) return text;
    }
    const labels = (node as HTMLInputElement).labels;
    if (labels && labels.length > 0) {
      const text = collapse(Array.from(labels, (l) => textOf(l)).join(" "));
      if (text) return text;
    }
    if (node instanceof HTMLInputElement && ["button", "submit", "reset"].includes(node.type)) return collapse(node.value);
    const own = textOf(node);
    if (own) return own;
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) return collapse(node.placeholder || node.title);
    return collapse(node.getAttribute("title") ?? node.getAttribute("alt"));
  };

  const marked = new Set<Element>();
  const mark = (node: Element | null | undefined) => {
    if (node && !marked.has(node)) {
      marked.add(node);
      node.setAttribute(args.attribute, "");
    }
  };
  const label = el.closest("label");
  const toggle = el.closest(toggleSelector);
  if (args.mode === "value") {
    mark(el);
    if (toggle) mark(toggle);
    if (label) mark(label.control);
  } else if (args.mode === "toggle") {
    // A link or button inside a label does its own thing; it does not toggle the label's control.
    const ownAction = el.closest("a[href], button, select, textarea");
    if (toggle) mark(toggle);
    else if (label && !(ownAction && label.contains(ownAction))) {
      mark(label);
      mark(label.control);
    }
  }
  return { text: nameOf(el).slice(0, 200), connected: el.isConnected };
}

/** One control's state before an action, kept in the page (never sent out). */
interface WatchedControl {
  el: Element;
  /** What identifies the control if the page re-renders it: tag, type, id, name, role, label, and its rank among equals. */
  key: string;
  state: string;
  /** Whether it was rendered (no hidden, invisible or transparent ancestor), so a person could see its state. */
  visible: boolean;
}

interface WatchInput {
  /** The states before the action, or null to take them. */
  before: WatchedControl[] | null;
  attribute: string;
}

/**
 * Runs in a frame: with `before` null, reads the checked, pressed and
 * selected state of every control in the document and its open shadow roots;
 * otherwise waits two animation frames (at most 150 ms) for the page's own
 * reaction, reads them again and marks each control whose state differs.
 *
 * A control hidden before the action and shown after it is not marked: the
 * state a person first sees there is the page's (a settings layer that sets
 * its switches as it opens), not the person's choice. Self-contained, as
 * Playwright sends its source to the page.
 */
async function watchControls(input: WatchInput): Promise<WatchedControl[] | number> {
  const selector =
    'input[type="checkbox"], input[type="radio"], select, [role="checkbox"], [role="radio"], [role="switch"], [role="menuitemcheckbox"], [role="menuitemradio"], [role="option"], [role="tab"], [aria-checked], [aria-pressed], [aria-selected]';
  const collapse = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
  const parentOf = (node: Element): Element | null => {
    if (node.parentElement) return node.parentElement;
    const root = node.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const transparent = new Map<Element, boolean>();
  const inTransparent = (node: Element | null): boolean => {
    if (!node) return false;
    let known = transparent.get(node);
    if (known === undefined) {
      known = getComputedStyle(node).opacity === "0" || inTransparent(parentOf(node));
      transparent.set(node, known);
    }
    return known;
  };
  const isVisible = (el: Element): boolean => {
    const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
    if (check && !check.call(el, { visibilityProperty: true })) return false;
    // An ancestor at opacity 0 hides the control; the control's own opacity does not (styled switches hide their input).
    return !inTransparent(parentOf(el));
  };
  const stateOf = (el: Element): string => {
    const aria = ["aria-checked", "aria-pressed", "aria-selected"].map((a) => el.getAttribute(a) ?? "").join("|");
    if (el instanceof HTMLInputElement) return `${el.checked}${el.indeterminate ? "~" : ""}|${aria}`;
    if (el instanceof HTMLSelectElement)
      return `${Array.from(el.options, (o, i) => (o.selected ? i : -1))
        .filter((i) => i >= 0)
        .join(",")}|${aria}`;
    return aria;
  };
  const read = (): WatchedControl[] => {
    const out: WatchedControl[] = [];
    const ranks = new Map<string, number>();
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i];
      for (const el of Array.from(root.querySelectorAll("*"))) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (!el.matches(selector)) continue;
        const base = [
          el.localName,
          el.getAttribute("type"),
          el.id,
          el.getAttribute("name"),
          el.getAttribute("role"),
          el.getAttribute("aria-label"),
          collapse(el.textContent).slice(0, 60),
          i,
        ].join("\u0001");
        const rank = ranks.get(base) ?? 0;
        ranks.set(base, rank + 1);
        out.push({ el, key: `${base}\u0001${rank}`, state: stateOf(el), visible: isVisible(el) });
      }
    }
    return out;
  };
  if (!input.before) return read();
  await new Promise<void>((done) => {
    const timer = setTimeout(done, 150);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      }),
    );
  });
  const byElement = new Map(input.before.map((w) => [w.el, w]));
  // A control the page replaced (re-rendered) is compared with the one it replaced, found by key.
  const gone = new Map(input.before.filter((w) => !w.el.isConnected).map((w) => [w.key, w]));
  let marked = 0;
  for (const now of read()) {
    const was = byElement.get(now.el) ?? gone.get(now.key);
    if (!was || was.state === now.state) continue;
    if (!was.visible && now.visible) continue;
    if (!now.el.hasAttribute(input.attribute)) {
      now.el.setAttribute(input.attribute, "");
      marked++;
    }
  }
  return marked;
}

/** The control states of every frame before an action: one handle per frame, released by `markChanged`. */
type Watch = { frame: Frame; handle: JSHandle<unknown> }[];

/** `watchControls` as Playwright sees it: the states stay in the page, behind a handle. */
const watchInPage = watchControls as unknown as (input: { before: unknown; attribute: string }) => Promise<unknown>;

/** Bounds a call into a frame, so a frame that never answers cannot hold up the flow. */
function bounded<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((done) => {
    const timer = setTimeout(() => done(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        done(value);
      },
      () => {
        clearTimeout(timer);
        done(null);
      },
    );
  });
}

const WATCH_FRAME_MS = 2_000;

async function watchStates(page: Page, deadline: Deadline): Promise<Watch> {
  const watches = await Promise.all(
    page.frames().map(async (frame) => {
      const handle = await bounded(
        frame.evaluateHandle(watchInPage, { before: null, attribute: TOUCHED_ATTRIBUTE }),
        Math.min(WATCH_FRAME_MS, deadline.remaining()),
      );
      return handle ? { frame, handle } : null;
    }),
  );
  return watches.filter((w): w is Watch[number] => w !== null);
}

/** Marks every control whose state changed since `watch` (frames that navigated away are left alone). */
async function markChanged(watch: Watch): Promise<void> {
  await Promise.all(
    watch.map(async ({ frame, handle }) => {
      if (!frame.isDetached()) {
        await bounded(frame.evaluate(watchInPage, { before: handle, attribute: TOUCHED_ATTRIBUTE }), WATCH_FRAME_MS);
      }
      await handle.dispose().catch(() => {});
    }),
  );
}

/** Runs an action that may change controls, marking those whose state it changed. */
async function watched<T>(page: Page, deadline: Deadline, act: () => Promise<T>): Promise<T> {
  const watch = await watchStates(page, deadline);
  try {
    const result = await act();
    await markChanged(watch);
    return result;
  } catch (error) {
    await Promise.all(watch.map((w) => w.handle.dispose().catch(() => {})));
    throw error;
  }
}

/** Where the action's time runs out. */
class Deadline {
  private readonly end: number;
  constructor(ms: number) {
    this.end = Date.now() + ms;
  }
  remaining(): number {
    return Math.max(1, this.end - Date.now());
  }
}

interface Prepared {
  handle: ElementHandle<Node>;
  info: TargetInfo;
}

/** Resolves the locator to its one element (strict), marks it per `mode` and reads its name. */
async function prepare(locator: Locator, mode: TouchMode, deadline: Deadline): Promise<Prepared> {
  const handle = await locator.elementHandle({ timeout: deadline.remaining() });
  try {
    const info = await (handle as ElementHandle<Element>).evaluate(inspectAndMark, { mode, attribute: TOUCHED_ATTRIBUTE });
    return { handle, info };
  } catch (error) {
    await handle.dispose().catch(() => {});
    throw error;
  }
}

/** Marks again after the action, in case the page re-rendered the control. A page that navigated away is left alone. */
async function markAgain(prepared: Prepared, locator: Locator, mode: TouchMode): Promise<void> {
  if (mode === "none") return;
  const args = { mode, attribute: TOUCHED_ATTRIBUTE };
  const info = await (prepared.handle as ElementHandle<Element>).evaluate(inspectAndMark, args).catch(() => null);
  if (info && !info.connected) await locator.evaluate(inspectAndMark, args, { timeout: 500 }).catch(() => {});
}

async function onElement(
  page: Page,
  target: FlowLocator,
  mode: TouchMode,
  deadline: Deadline,
  act: (locator: Locator, timeout: number) => Promise<unknown>,
): Promise<string> {
  const locator = toPlaywrightLocator(page, target);
  const prepared = await prepare(locator, mode, deadline);
  try {
    await act(locator, deadline.remaining());
    await markAgain(prepared, locator, mode);
  } finally {
    await prepared.handle.dispose().catch(() => {});
  }
  return prepared.info.text;
}

/** The focused element's name, marking it per `mode` (Space on a focused checkbox toggles it). */
async function focusedText(page: Page, mode: TouchMode): Promise<string> {
  const handle = await page
    .evaluateHandle(() => {
      let el: Element | null = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el && el !== document.body && el !== document.documentElement ? el : null;
    })
    .catch(() => null);
  const element = handle?.asElement() ?? null;
  if (!element) {
    await handle?.dispose().catch(() => {});
    return "";
  }
  try {
    return (await (element as ElementHandle<Element>).evaluate(inspectAndMark, { mode, attribute: TOUCHED_ATTRIBUTE })).text;
  } catch {
    return "";
  } finally {
    await element.dispose().catch(() => {});
  }
}

function isSpace(key: string): boolean {
  return key === "Space" || key === " ";
}

/**
 * Runs one action; returns the text of what it acted on ("" when it acted on
 * no element). Actions a person does to the page (click, fill, check,
 * uncheck, select, press) are watched for the controls they change; goto
 * leaves the document, and scroll and waitFor leave what changes meanwhile to
 * the page.
 */
async function runAction(page: Page, flow: Flow, action: FlowAction, opts: RunStepOptions): Promise<FlowActionRecord> {
  // One deadline for the watch and the action, so watching never makes an action overrun its time.
  const deadline = new Deadline(opts.timeoutMs);
  if ("goto" in action || "scroll" in action || "waitFor" in action || "reload" in action) {
    return runOneAction(page, flow, action, opts, deadline);
  }
  return watched(page, deadline, () => runOneAction(page, flow, action, opts, deadline));
}

async function runOneAction(
  page: Page,
  flow: Flow,
  action: FlowAction,
  opts: RunStepOptions,
  deadline: Deadline,
): Promise<FlowActionRecord> {
  const { name } = actionParts(action);
  if ("goto" in action) {
    const target = resolveFlowUrl(flow.file, action.goto);
    const response = await page.goto(opts.resolveUrl(target.url), { waitUntil: "load", timeout: deadline.remaining() });
    if (response && response.status() >= 400) throw new Error(`the page answered HTTP ${response.status()} ${response.statusText()}`);
    return { action: name, targetText: "" };
  }
  if ("reload" in action) {
    // The same page loaded again in the same profile: what the site kept of the person's choice shows.
    const response = await page.reload({ waitUntil: "load", timeout: deadline.remaining() });
    if (response && response.status() >= 400) throw new Error(`the page answered HTTP ${response.status()} ${response.statusText()}`);
    return { action: name, targetText: "" };
  }
  if ("click" in action) {
    return { action: name, targetText: await onElement(page, action.click, "toggle", deadline, (l, timeout) => l.click({ timeout })) };
  }
  if ("fill" in action) {
    const { value, ...target } = action.fill;
    return { action: name, targetText: await onElement(page, target, "value", deadline, (l, timeout) => l.fill(value, { timeout })) };
  }
  if ("check" in action) {
    return { action: name, targetText: await onElement(page, action.check, "value", deadline, (l, timeout) => l.check({ timeout })) };
  }
  if ("uncheck" in action) {
    return { action: name, targetText: await onElement(page, action.uncheck, "value", deadline, (l, timeout) => l.uncheck({ timeout })) };
  }
  if ("select" in action) {
    const { value, ...target } = action.select;
    return {
      action: name,
      targetText: await onElement(page, target, "value", deadline, (l, timeout) => l.selectOption(value, { timeout })),
    };
  }
  if ("press" in action) {
    if (typeof action.press === "string") {
      const key = action.press;
      const text = await focusedText(page, isSpace(key) ? "toggle" : "none");
      await page.keyboard.press(key);
      return { action: name, targetText: text };
    }
    const { key, ...target } = action.press;
    return {
      action: name,
      targetText: await onElement(page, target, isSpace(key) ? "toggle" : "none", deadline, (l, timeout) => l.press(key, { timeout })),
    };
  }
  if ("scroll" in action) {
    const where = action.scroll;
    if (where === "top" || where === "bottom") {
      await page.evaluate((to) => {
        const y = to === "top" ? 0 : Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
        window.scrollTo(0, y);
      }, where);
      return { action: name, targetText: "" };
    }
    await toPlaywrightLocator(page, where).scrollIntoViewIfNeeded({ timeout: deadline.remaining() });
    return { action: name, targetText: "" };
  }
  if ("waitFor" in action) {
    const what = action.waitFor;
    if ("ms" in what && typeof what.ms === "number") {
      await page.waitForTimeout(what.ms);
    } else {
      await toPlaywrightLocator(page, what as FlowLocator).waitFor({ state: "visible", timeout: deadline.remaining() });
    }
    return { action: name, targetText: "" };
  }
  throw new Error(`unknown action "${String(name)}"`);
}

/** The locator (or URL, key) an action names, as written, and the locator to suggest alternatives for. */
function actionTarget(action: FlowAction): { written: string; locator: FlowLocator | null } {
  if ("goto" in action) return { written: JSON.stringify(action.goto), locator: null };
  if ("reload" in action) return { written: "reload", locator: null };
  if ("press" in action && typeof action.press === "string") return { written: JSON.stringify(action.press), locator: null };
  if ("scroll" in action && typeof action.scroll === "string") return { written: action.scroll, locator: null };
  if ("waitFor" in action && "ms" in action.waitFor) return { written: `{ ms: ${String(action.waitFor.ms)} }`, locator: null };
  const { arg } = actionParts(action);
  const { value, key, ...locator } = arg as FlowLocator & { value?: string; key?: string };
  const extra = value !== undefined ? ` with ${JSON.stringify(value)}` : key !== undefined ? ` key ${JSON.stringify(key)}` : "";
  return { written: `${describeLocator(locator)}${extra}`, locator };
}

function displayFile(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

/**
 * Runs the actions of `flow.steps[stepIndex]` in order. Throws FlowStepError
 * at the first action that fails, naming the flow, step, action and locator,
 * the reason, and the closest role/name pairs on the page.
 */
export async function runStepActions(page: Page, flow: Flow, stepIndex: number, opts: RunStepOptions): Promise<FlowActionRecord[]> {
  const step = flow.steps[stepIndex];
  if (!step) throw new RangeError(`Flow "${flow.name}" has no step ${stepIndex + 1} (it has ${flow.steps.length}).`);
  const records: FlowActionRecord[] = [];
  for (let i = 0; i < step.actions.length; i++) {
    const action = step.actions[i];
    try {
      records.push(await runAction(page, flow, action, opts));
    } catch (error) {
      const reason = failureReason(error);
      const target = actionTarget(action);
      let suggestions: string[] = [];
      if (target.locator && (reason.kind === "not-found" || reason.kind === "not-visible")) {
        suggestions = await suggestionsFor(page, target.locator).catch(() => []);
      } else if (target.locator && reason.kind === "ambiguous") {
        suggestions = await matchedCandidates(toPlaywrightLocator(page, target.locator)).catch(() => []);
      }
      throw new FlowStepError({
        flow: flow.name,
        file: displayFile(flow.file),
        line: step.actionLines[i] ?? step.line,
        step: step.name,
        stepIndex,
        actionIndex: i,
        action: actionParts(action).name,
        locator: target.written,
        reason: reason.text,
        suggestions,
      });
    }
  }
  return records;
}
