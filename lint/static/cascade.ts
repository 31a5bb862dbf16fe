/**
 * The cascade: which declaration wins for each property of an element, by
 * origin and importance (user agent < author < inline, !important reversing),
 * specificity and source order.
 */
import type { Declaration } from "./declarations.js";
import { attr, type Element } from "./dom-nodes.js";
import type { StyleRule } from "./stylesheet.js";

/** A winning declaration: the value as written, and the shorthand to expand it from when it held var(). */
export interface DeclaredValue {
  value: string;
  shorthand?: string;
}

export type DeclaredStyle = Map<string, DeclaredValue>;

/** Cascade rank, compared left to right: important, inline, cascade layer, specificity A/B/C, rule order, declaration order. */
type Rank = [number, number, number, number, number, number, number, number];

function higher(a: Rank, b: Rank): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] > b[i];
  }
  return true;
}

/** The rightmost compound of a selector: "main .card > p.note" -> "p.note". */
function rightmostCompound(selector: string): string {
  let depth = 0;
  for (let i = selector.length - 1; i >= 0; i--) {
    const ch = selector[i];
    if (ch === ")" || ch === "]") depth++;
    else if (ch === "(" || ch === "[") depth--;
    else if (depth === 0 && (ch === " " || ch === ">" || ch === "+" || ch === "~" || ch === "\n" || ch === "\t")) return selector.slice(i + 1);
  }
  return selector;
}

type Bucket = { kind: "id" | "class" | "tag"; key: string } | { kind: "any" };

/** The bucket a rule is filed under: its rightmost compound's id, else a class, else its tag. */
function bucketOf(selector: string): Bucket {
  if (selector.includes("\\")) return { kind: "any" };
  const compound = rightmostCompound(selector.trim())
    .replace(/\([^()]*\)/gu, "")
    .replace(/\[[^\]]*\]/gu, "");
  const id = /#([\w-]+)/u.exec(compound);
  if (id) return { kind: "id", key: id[1] };
  const cls = /\.([\w-]+)/u.exec(compound);
  if (cls) return { kind: "class", key: cls[1] };
  const tag = /^([a-z][\w-]*)/iu.exec(compound);
  if (tag) return { kind: "tag", key: tag[1].toLowerCase() };
  return { kind: "any" };
}

/** Author rules filed by the key of their rightmost compound, so each element is tested only against rules that can match it. */
export class RuleIndex {
  private readonly byId = new Map<string, StyleRule[]>();
  private readonly byClass = new Map<string, StyleRule[]>();
  private readonly byTag = new Map<string, StyleRule[]>();
  private readonly any: StyleRule[] = [];

  constructor(rules: readonly StyleRule[]) {
    for (const rule of rules) {
      const b = bucketOf(rule.selector);
      if (b.kind === "any") {
        this.any.push(rule);
        continue;
      }
      const map = b.kind === "id" ? this.byId : b.kind === "class" ? this.byClass : this.byTag;
      const list = map.get(b.key);
      if (list) list.push(rule);
      else map.set(b.key, [rule]);
    }
  }

  /** Rules that match the element. */
  matching(el: Element): StyleRule[] {
    const out: StyleRule[] = [];
    const test = (list: readonly StyleRule[] | undefined): void => {
      if (!list) return;
      for (const rule of list) if (rule.matches(el)) out.push(rule);
    };
    const id = attr(el, "id");
    if (id) test(this.byId.get(id));
    const classes = (attr(el, "class") ?? "").split(/\s+/u).filter((c) => c.length > 0);
    for (const cls of new Set(classes)) test(this.byClass.get(cls));
    test(this.byTag.get(el.name.toLowerCase()));
    test(this.any);
    return out;
  }
}

/** `revert` (and, as static mode knows no finer, `revert-layer`) rolls an author declaration back to the user-agent value. */
function reverts(d: Declaration): boolean {
  const v = d.value.trim().toLowerCase();
  return !d.shorthand && (v === "revert" || v === "revert-layer");
}

/**
 * The declared style of an element: user-agent defaults, then matching
 * author rules, then the inline style, each property won by the highest rank.
 * A later layer beats an earlier one for normal declarations, and an earlier
 * one beats a later one for !important declarations.
 */
export function cascade(ua: readonly Declaration[], rules: readonly StyleRule[], inline: readonly Declaration[]): DeclaredStyle {
  const out: DeclaredStyle = new Map();
  const ranks = new Map<string, Rank>();
  const uaValues = new Map<string, Declaration>();
  const offer = (d: Declaration, rank: Rank): void => {
    const current = ranks.get(d.property);
    if (current && !higher(rank, current)) return;
    ranks.set(d.property, rank);
    const winner = rank[0] >= 0 && reverts(d) ? uaValues.get(d.property) : d;
    if (!winner) out.delete(d.property);
    else out.set(d.property, winner.shorthand ? { value: winner.value, shorthand: winner.shorthand } : { value: winner.value });
  };
  ua.forEach((d, i) => {
    uaValues.set(d.property, d);
    offer(d, [-1, 0, 0, 0, 0, 0, 0, i]);
  });
  for (const rule of rules) {
    const [a, b, c] = rule.specificity;
    rule.declarations.forEach((d, i) => offer(d, d.important ? [1, 0, -rule.layer, a, b, c, rule.order, i] : [0, 0, rule.layer, a, b, c, rule.order, i]));
  }
  inline.forEach((d, i) => offer(d, [d.important ? 1 : 0, 1, 0, 0, 0, 0, 0, i]));
  return out;
}
