/**
 * The in-page pass as one expression of source text: the standalone helper
 * functions, then `collectFrame` called with its arguments as JSON.
 */
import { collectFrame } from "./in-page/collect-frame.js";
import * as colour from "./in-page/colour.js";
import * as geometry from "./in-page/css-geometry.js";
import type { CollectArgs } from "./in-page/frame-part.js";

/** Every function the helper modules export: the pass calls them by name. */
function helperFunctions(): { name: string; source: string }[] {
  const out: { name: string; source: string }[] = [];
  for (const mod of [colour, geometry] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") out.push({ name, source: value.toString() });
    }
  }
  return out;
}

let helperSource: string | null = null;

/** Declarations of every helper; source that is not a function declaration (a bundler's arrow) is bound by name. */
function helpers(): string {
  helperSource ??= helperFunctions()
    .map(({ name, source }) => (/^(async\s+)?function\b/.test(source) ? source : `const ${name} = ${source};`))
    .join("\n");
  return helperSource;
}

/**
 * The expression that runs the pass and evaluates to its FramePart. A local
 * `__name` keeps name helpers some bundlers insert into function source
 * harmless; nothing leaks into the page's globals.
 */
export function collectExpression(args: CollectArgs): string {
  return `(() => {\nconst __name = (f) => f;\n${helpers()}\nreturn (${collectFrame.toString()})(${JSON.stringify(args)});\n})()`;
}
