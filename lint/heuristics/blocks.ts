/**
 * Text blocks as both extractors group text: which elements start a block
 * of their own.
 *
 * Every function here is standalone (no imports at run time, no module
 * state, only other functions of this file by name): static mode imports
 * them, and the browser extractor sends their source text into the page and
 * runs them there.
 */

/** Tag tables for `readsAsBlock`; made once by each caller. */
export interface BlockTables {
  /** Always a block of text of their own, whatever their display. */
  own: Set<string>;
  /** Block-level by default: blocks when display:none hides them (their display is then unknown). */
  block: Set<string>;
}

/** The tag tables of text blocks. */
export function blockTables(): BlockTables {
  return {
    own: new Set(["label", "button", "li", "td", "th", "legend", "summary", "caption"]),
    block: new Set([
      "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
      "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
      "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]),
  };
}

/**
 * Whether an element with this tag, role (first token, lower case) and
 * computed display starts a block of text of its own: its own-block tags,
 * headings and dialogs always; a display:none element by its tag; else
 * anything not inline, ruby or display:contents.
 */
export function readsAsBlock(tag: string, role: string, display: string, tables: BlockTables): boolean {
  if (tables.own.has(tag) || /^h[1-6]$/.test(tag)) return true;
  if (role === "heading" || role === "dialog" || role === "alertdialog") return true;
  if (display === "none") return tables.block.has(tag);
  if (display === "contents") return false;
  return !display.startsWith("inline") && !display.startsWith("ruby");
}
