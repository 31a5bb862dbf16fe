/** Whether a consent statement names a button ("by clicking Pay", "installing means", "点击“提交订单”即表示"). */
import { normaliseSpace } from "../../lint/consent/index.js";

/** Shortest common start that makes two Latin words forms of one verb ("install" / "installing", "continue" / "continuing"). */
const MIN_STEM = 5;

function words(text: string): string[] {
  return normaliseSpace(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .split(" ")
    .filter((w) => w.length > 0);
}

function sameVerb(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= MIN_STEM && /^[a-zäöüß]+$/u.test(a) && /^[a-zäöüß]+$/u.test(b);
}

/**
 * The statement's action names the button: one text contains the other
 * (after case and punctuation are set aside), or every word of the shorter
 * one is a form of a word of the other.
 */
export function namesAction(statementAction: string, actionText: string): boolean {
  const a = words(statementAction).join(" ");
  const b = words(actionText).join(" ");
  if (a.length === 0 || b.length === 0) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const [short, long] = a.length <= b.length ? [words(statementAction), words(actionText)] : [words(actionText), words(statementAction)];
  return short.every((w) => long.some((l) => sameVerb(w, l)));
}
