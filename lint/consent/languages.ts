/** Which analysed texts count as read, given the languages the user asked for. */
import type { ConsentAnalysis } from "../language/types.js";
import type { PageModel, TextBlock } from "../model.js";

/** Primary language subtag, lower case ("zh-Hant-TW" -> "zh"). */
function primaryTag(tag: string): string {
  return tag.split(/[-_]/u)[0].toLowerCase();
}

/**
 * The analysis status once the language filter is applied: text in a
 * supported language the user did not ask for is treated as unsupported, so
 * it lands in `incomplete` rather than being judged. An empty list means every
 * supported language is read.
 */
export function statusIn(analysis: ConsentAnalysis, languages: readonly string[]): ConsentAnalysis["status"] {
  if (analysis.status !== "understood" || languages.length === 0) return analysis.status;
  const wanted = new Set(languages.map(primaryTag));
  return wanted.has(primaryTag(analysis.language.language)) ? "understood" : "unsupported";
}

/** Cache key of a language list: order and case do not matter. */
export function languagesKey(languages: readonly string[]): string {
  return [...new Set(languages.map(primaryTag))].sort().join(",");
}

/**
 * The language to expect in a piece of the page: the nearest `lang`
 * attribute of its text blocks, else the page's, else the locale the page
 * was opened with. The text itself wins when it clearly disagrees.
 */
export function langHint(model: PageModel, blocks: readonly TextBlock[] = []): string | undefined {
  return blocks.find((b) => b.lang)?.lang ?? model.lang ?? model.locale ?? undefined;
}
