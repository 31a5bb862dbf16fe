/** Which runs of text carry the consent a control or statement asks for. */
import type { TextBlock, TextRun } from "../../lint/model.js";
import type { Purpose } from "../../lint/language/types.js";
import { analyzeConsent } from "../../lint/language/index.js";
import { normaliseSpace } from "../../lint/consent/index.js";
import { hasAlwaysOnMarker } from "../../lint/consent/required-controls.js";

/** Share of a block's text above which a run is the block's text, whatever it says on its own. */
const MOST_OF_BLOCK = 0.5;

export interface ConsentRun {
  run: TextRun;
  block: TextBlock;
  /** Purposes the run names on its own. */
  purposes: Purpose[];
  /** The run names an optional purpose or states a grant on its own. */
  carries: boolean;
}

interface Meaning {
  carries: boolean;
  purposes: Purpose[];
  /** The text only says the choice is always on or required ("(always required)", "immer aktiv"): it carries no consent. */
  alwaysOnNote: boolean;
}

function visibleLength(text: string): number {
  return text.replace(/\s+/gu, "").length;
}

/** Reads pieces of consent text, remembering what it has read. */
export class ConsentReader {
  private readonly cache = new Map<string, Meaning>();

  constructor(private readonly langHint: string | undefined) {}

  meaning(text: string): Meaning {
    const key = normaliseSpace(text);
    let m = this.cache.get(key);
    if (!m) {
      const a = analyzeConsent(key, { langHint: this.langHint, role: "any" });
      const understood = a.status === "understood";
      const carries = understood && (a.optionalConsent || a.statement);
      m = { carries, purposes: understood ? a.purposes : [], alwaysOnNote: !carries && hasAlwaysOnMarker(key) };
      this.cache.set(key, m);
    }
    return m;
  }
}

/**
 * The runs that carry consent inside a control's or statement's blocks: a run
 * counts when it names a purpose or states a grant on its own, or when it is
 * most of a block that does, unless all it says is that the choice is always
 * on or required (a faint "(always on)" note beside "Analytics"). A control whose consent only shows when its
 * blocks are read together (a question and its "Yes") has all its blocks
 * taken as consent-bearing.
 */
export function consentRuns(blocks: readonly TextBlock[], reader: ConsentReader): ConsentRun[] {
  const bearing = blocks.filter((b) => reader.meaning(b.text).carries);
  const judged = bearing.length > 0 ? bearing : blocks;
  const out: ConsentRun[] = [];
  for (const block of blocks) {
    const blockCarries = judged.includes(block);
    const blockLength = visibleLength(block.text) || 1;
    for (const run of block.runs) {
      const length = visibleLength(run.text);
      if (length === 0) continue;
      const own = reader.meaning(run.text);
      if (own.alwaysOnNote) continue;
      if (own.carries || (blockCarries && length / blockLength > MOST_OF_BLOCK)) {
        out.push({ run, block, purposes: own.purposes, carries: own.carries });
      }
    }
  }
  return out;
}
