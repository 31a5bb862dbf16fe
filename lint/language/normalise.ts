/** Text normalisation shared by detection, analysis and fingerprints. */

const APOSTROPHES = /[\u2018\u2019\u02BC\u2032\uFF07`´]/gu;
const SPACES = /[\s\u00A0\u200B\u3000]+/gu;
// eslint-disable-next-line no-misleading-character-class -- the class lists the zero-width characters one by one, the joiner among them, to remove each
const ZERO_WIDTH = /[\u200C\u200D\u2060\uFEFF\u00AD]/gu;

/**
 * NFKC (full-width letters and digits become ASCII), typographic apostrophes
 * become ', zero-width characters go, whitespace runs become one space.
 */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").replace(ZERO_WIDTH, "").replace(APOSTROPHES, "'").replace(SPACES, " ").trim();
}

/** The text has at least one letter in any script. */
export function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** Primary language subtag of a BCP 47 tag, lower case ("zh-Hant-TW" -> "zh"); null for an empty or malformed tag. */
export function primaryTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([A-Za-z]{2,3})(?:[-_]|$)/u.exec(tag);
  return m ? m[1].toLowerCase() : null;
}

/** Script a zh tag names: "Hant" for zh-Hant, zh-TW, zh-HK, zh-MO; "Hans" for zh-Hans, zh-CN, zh-SG; otherwise null. */
export function scriptOfTag(tag: string | null | undefined): "Hans" | "Hant" | null {
  if (!tag || primaryTag(tag) !== "zh") return null;
  const parts = tag
    .split(/[-_]/u)
    .slice(1)
    .map((p) => p.toLowerCase());
  if (parts.includes("hant") || parts.some((p) => p === "tw" || p === "hk" || p === "mo")) return "Hant";
  if (parts.includes("hans") || parts.some((p) => p === "cn" || p === "sg" || p === "my")) return "Hans";
  return null;
}
