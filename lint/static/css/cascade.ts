/**
 * The cascade: which declaration wins for each property of an element, by
 * origin and importance (user agent < author < inline, !important reversing),
 * specificity and source order.
 */
import { requiredAncestorKeys, type AncestorKeys } from "../model/ancestor-filter.js";
import type { Declaration } from "./declarations.js";
import { attr, type Element } from "../model/dom-nodes.js";
import type { StyleRule } from "./stylesheet.js";

/** A winning declaration: the value as written, and the shorthand to expand it from when it held var(). */
export interface DeclaredValue {
  value: string;
  shorthand?: string;
}

export type DeclaredStyle = Map<string, DeclaredValue>;

/** The rightmost compound of a selector: "main .card > p.note" -> "p.note". */
function rightmostCompound(selector: string): string {
  let depth = 0;
  for (let i = selector.length - 1; i >= 0; i--) {
    const ch = selector[i];
    if (ch === ")" || ch === "]") depth++;
    else if (ch === "(" || ch === "[") depth--;
    else if (depth === 0 && (ch === " " || ch === ">" || ch === "+" || ch === "~" || ch === "\n" || ch === "\t"))
      return selector.slice(i + 1);
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

/** How a selector is filed and filtered, by selector: the same selectors come back in every page of a site. */
const shapes = new Map<string, { bucket: Bucket; ancestors: string[] }>();
const SHAPE_CACHE_LIMIT = 20_000;

function shapeOf(selector: string): { bucket: Bucket; ancestors: string[] } {
  let shape = shapes.get(selector);
  if (!shape) {
    if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.clear();
    shape = { bucket: bucketOf(selector), ancestors: requiredAncestorKeys(selector) };
    shapes.set(selector, shape);
  }
  return shape;
}

interface IndexedRule {
  rule: StyleRule;
  /** Keys some ancestor must have for the rule to match (see ancestor-filter.ts). */
  ancestors: string[];
}

/** Author rules filed by the key of their rightmost compound, so each element is tested only against rules that can match it. */
export class RuleIndex {
  private readonly byId = new Map<string, IndexedRule[]>();
  private readonly byClass = new Map<string, IndexedRule[]>();
  private readonly byTag = new Map<string, IndexedRule[]>();
  private readonly any: IndexedRule[] = [];

  constructor(rules: readonly StyleRule[]) {
    for (const rule of rules) {
      const { bucket: b, ancestors } = shapeOf(rule.selector);
      const entry = { rule, ancestors };
      if (b.kind === "any") {
        this.any.push(entry);
        continue;
      }
      const map = b.kind === "id" ? this.byId : b.kind === "class" ? this.byClass : this.byTag;
      const list = map.get(b.key);
      if (list) list.push(entry);
      else map.set(b.key, [entry]);
    }
  }

  /** Rules that match the element; `ancestors` holds the keys of its ancestors, to skip rules that cannot match. */
  matching(el: Element, ancestors: AncestorKeys | null = null): StyleRule[] {
    const out: StyleRule[] = [];
    const test = (list: readonly IndexedRule[] | undefined): void => {
      if (!list) return;
      for (const { rule, ancestors: needed } of list) {
        if (ancestors && needed.length > 0 && !ancestors.hasAll(needed)) continue;
        if (rule.matches(el)) out.push(rule);
      }
    };
    const id = attr(el, "id");
    if (id) test(this.byId.get(id));
    const classes = attr(el, "class");
    if (classes) {
      const seen = new Set<string>();
      for (const cls of classes.split(/\s+/u)) {
        if (cls === "" || seen.has(cls)) continue;
        seen.add(cls);
        test(this.byClass.get(cls));
      }
    }
    test(this.byTag.get(el.name.toLowerCase()));
    test(this.any);
    return out;
  }
}

/** `revert` (and, as static mode knows no finer, `revert-layer`) rolls an author declaration back to the user-agent value. */
function reverts(d: Declaration): boolean {
  if (d.shorthand) return false;
  const v = d.value.trim().toLowerCase();
  return v === "revert" || v === "revert-layer";
}

function compareNormal(a: StyleRule, b: StyleRule): number {
  return (
    a.layer - b.layer ||
    a.specificity[0] - b.specificity[0] ||
    a.specificity[1] - b.specificity[1] ||
    a.specificity[2] - b.specificity[2] ||
    a.order - b.order
  );
}

/** For !important declarations an earlier layer wins. */
function compareImportant(a: StyleRule, b: StyleRule): number {
  return b.layer - a.layer || compareNormal(a, b);
}

/**
 * The declared style of an element: user-agent defaults, then matching
 * author rules, then the inline style, each property won by the highest rank
 * (importance, inline, cascade layer, specificity, order). Declarations are
 * applied from lowest to highest rank, so the last one set wins. A later
 * layer beats an earlier one for normal declarations, and an earlier one
 * beats a later one for !important declarations.
 */
export function cascade(ua: readonly Declaration[], rules: readonly StyleRule[], inline: readonly Declaration[]): DeclaredStyle {
  const out: DeclaredStyle = new Map();
  let uaValues: Map<string, Declaration> | null = null;
  const set = (d: Declaration, author: boolean): void => {
    const winner = author && reverts(d) ? (uaValues?.get(d.property) ?? null) : d;
    if (!winner) out.delete(d.property);
    else out.set(d.property, winner);
  };
  for (const d of ua) set(d, false);
  const sorted = rules.length > 1 ? [...rules].sort(compareNormal) : rules;
  let important = false;
  for (const rule of sorted) {
    for (const d of rule.declarations) {
      if (d.important) important = true;
      else {
        if (reverts(d)) uaValues ??= new Map(ua.map((u) => [u.property, u]));
        set(d, true);
      }
    }
  }
  for (const d of inline) {
    if (d.important) important = true;
    else set(d, true);
  }
  if (!important) return out;
  uaValues ??= new Map(ua.map((u) => [u.property, u]));
  const byImportance = rules.length > 1 ? [...rules].sort(compareImportant) : rules;
  for (const rule of byImportance) for (const d of rule.declarations) if (d.important) set(d, true);
  for (const d of inline) if (d.important) set(d, true);
  return out;
}
