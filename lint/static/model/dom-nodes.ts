/** Reading the parsed HTML tree (domhandler nodes as cheerio builds them). */
import type { AnyNode, Element, ParentNode, Text } from "domhandler";

export type { AnyNode, Element, ParentNode, Text };

export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

export function isText(node: AnyNode): node is Text {
  return node.type === "text";
}

export function tagOf(el: Element): string {
  return el.name.toLowerCase();
}

/** An attribute's value, or null when it is absent. */
export function attr(el: Element, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v;
}

export function hasAttr(el: Element, name: string): boolean {
  return el.attribs[name] !== undefined;
}

/** The explicit role (first token of the role attribute), lower-cased; "" when none. */
export function roleAttr(el: Element): string {
  return (attr(el, "role") ?? "").trim().toLowerCase().split(/\s+/u)[0] ?? "";
}

/** The element's child elements in the DOM (not the flat tree). */
export function childElements(node: ParentNode): Element[] {
  return node.children.filter(isElement);
}

/** The `<template shadowrootmode>` child that declares a shadow root on `host`, or null. */
function shadowTemplate(host: Element): Element | null {
  for (const child of host.children) {
    if (!isElement(child) || tagOf(child) !== "template") continue;
    const mode = (attr(child, "shadowrootmode") ?? attr(child, "shadowroot") ?? "").toLowerCase();
    if (mode === "open" || mode === "closed") return child;
  }
  return null;
}

/** The shadow root a `<template shadowrootmode>` child declares on `host`, or null. */
export function declarativeShadowRoot(host: Element): ParentNode | null {
  const template = shadowTemplate(host);
  if (!template) return null;
  const content = template.children[0];
  return content !== undefined && content.type === "root" ? (content as ParentNode) : template;
}

/** "open" or "closed" for a host with a declarative shadow root, else null. */
export function shadowRootMode(host: Element): "open" | "closed" | null {
  const template = shadowTemplate(host);
  if (!template) return null;
  return (attr(template, "shadowrootmode") ?? attr(template, "shadowroot") ?? "").toLowerCase() === "closed" ? "closed" : "open";
}

/** The shadow host of a node inside a declarative shadow root, or null in the light tree. */
export function shadowHostOf(node: AnyNode): Element | null {
  let cur: AnyNode | null = node;
  while (cur) {
    const parent: ParentNode | null = cur.parent;
    if (parent === null) return null;
    if (parent.type === "root") {
      const template = parent.parent;
      if (template && isElement(template) && tagOf(template) === "template" && template.parent && isElement(template.parent)) {
        return template.parent;
      }
      return null;
    }
    if (isElement(parent) && tagOf(parent) === "template" && (hasAttr(parent, "shadowrootmode") || hasAttr(parent, "shadowroot"))) {
      return parent.parent && isElement(parent.parent) ? parent.parent : null;
    }
    cur = parent;
  }
  return null;
}

function slotName(node: AnyNode): string {
  return isElement(node) ? (attr(node, "slot") ?? "") : "";
}

/**
 * Children in the flat tree, as rendering sees them: a shadow host shows its
 * shadow root's children, a `<slot>` shows the host's children assigned to it
 * (or its own fallback content), and an inert `<template>` shows nothing.
 */
export function flatChildren(el: Element): AnyNode[] {
  const tag = tagOf(el);
  if (tag === "template") return [];
  const shadow = declarativeShadowRoot(el);
  if (shadow) return shadow.children;
  if (tag === "slot") {
    const host = shadowHostOf(el);
    if (host) {
      const name = attr(el, "name") ?? "";
      const template = shadowTemplate(host);
      const assigned = host.children.filter((c) => c !== template && slotName(c) === name);
      const meaningful = assigned.filter((c) => !(isText(c) && c.data.trim() === ""));
      if (meaningful.length > 0) return assigned;
    }
  }
  return el.children;
}

/** The element's DOM text content, without script, style and template contents. */
export function domText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node) && node.type !== "root") return "";
  if (isElement(node)) {
    const tag = tagOf(node);
    if (tag === "script" || tag === "style" || tag === "template" || tag === "noscript") return "";
  }
  let out = "";
  for (const child of (node as ParentNode).children) out += domText(child);
  return out;
}
