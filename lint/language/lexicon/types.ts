/**
 * The shape of one language's lexicon. Adding a language is one file of this
 * shape plus its line in registry.ts; detection of the language lives in
 * detection-profiles.ts and already covers the next candidates (fr, es).
 */
import type { PatternSource } from "../pattern.js";
import type { TextTools } from "../stream.js";
import type { PrimaryPurpose, Purpose } from "../types.js";

export interface Lexicon {
  /** BCP 47 primary language subtag. */
  language: string;
  /** Tokenising and stemming (natural for word languages, characters for Chinese). */
  tools: TextTools;
  /** Default number of tokens allowed between the parts of a pattern. */
  gap: number;

  /** Wording that asks for each optional purpose. */
  purposes: Record<Purpose, readonly PatternSource[]>;
  /**
   * Not optional: remember me, theme, language, notifications about the
   * user's own account or orders, strictly necessary cookies, biometrics for
   * the user's own login. A longer match here overrides a purpose match it
   * overlaps ("newsletter about your account", "use Face ID to log in").
   */
  necessary: readonly PatternSource[];
  /** Terms the service needs: terms of service, rental, payment or contest terms. */
  requiredTerms: readonly PatternSource[];
  /** Privacy or cookie policies and notices. */
  policies: readonly PatternSource[];
  /** Verbs that accept or acknowledge ("I have read", "akzeptiere", "已阅读"). */
  acknowledgement: RegExp;
  /**
   * Where one label or sentence goes on to grant something else: a
   * coordinator followed by a new grant ("… and let partners …", "… sowie in
   * die Weitergabe …", "…，并同意将…"). Each match starts a new clause;
   * purposes named in different clauses are asked for separately. Matched
   * against the stream's source (lower-cased, folded for Chinese); needs the
   * `g` flag.
   */
  clauseBreaks?: RegExp;

  /**
   * Statements that an action grants agreement ("by clicking Pay you agree",
   * "安装即表示您授权"). The named group `action` holds the action.
   * Matched against normalised text (folded for Chinese), case-insensitive.
   */
  grants: readonly RegExp[];
  /** First-person grants without a named action ("I agree that ...", "Ich willige ein", "本人同意"). */
  firstPersonGrants: readonly RegExp[];
  /**
   * Wording by which a grant points back at purposes named before it ("these
   * cookies", "the above", "stimmen Sie dem zu", "上述", "此类"). A grant
   * sentence holding one takes the purposes of the sentences before it, or,
   * when there are none, of the earlier text of the same notice. A reference
   * that another kind of match overlaps is that match ("essential cookies",
   * "cookie policy"), not a reference.
   */
  backReferences: readonly PatternSource[];
  /**
   * Negation in a sentence: purposes named in a negated sentence ("we never
   * sell your data") are not what a later "these" points back at. Tested on
   * the sentence's source text (lower-cased, folded for Chinese).
   */
  negation: RegExp;
  /**
   * Words of a click-type action ("clicking", "auf", "点击"): stripped, and what
   * follows is the button named.
   */
  actionLead: RegExp;
  /** Words stripped from the end of a statement's action ("button", "klicken", "按钮"). */
  actionTail: RegExp;
  /**
   * Gerunds of actions that are not clicks, with their base form ("placing"
   * -> "place"): the statement's action is then the base verb, which is how
   * the button usually says it ("Place order", "Install").
   */
  actionVerbs?: Readonly<Record<string, string>>;

  /** Radio and select option wording, matched at the start of the lower-cased option text. */
  polarity: { grant: RegExp; refuse: RegExp };

  /**
   * What a consent request's button or link does, by its whole text
   * (normalised, lower-cased, folded for Chinese, end punctuation removed):
   * accepts optional purposes in one action, refuses them all, opens
   * settings, or only acknowledges ("OK", "Got it": whether that grants is
   * for the text around it to say). See rules.md, "Choice rules".
   */
  choiceActions: { accept: RegExp; refuse: RegExp; settings: RegExp; acknowledge: RegExp };
  /**
   * Refusal wording that shames or guilts the person for refusing: refusing
   * described as a loss, a flaw or a cruelty ("No thanks, I prefer paying
   * full price", "残忍拒绝"). Matched anywhere in the refuse control's text,
   * or the text right next to it. Neutral refusals never match.
   */
  shamingRefusal: RegExp;
  /**
   * Conduct a statement may take as consent that is no affirmative action:
   * continuing, browsing, scrolling, closing the notice, using or staying on
   * the service ("by continuing to browse", "weiter nutzen", "继续使用").
   * Matched anywhere in the action a consent statement names
   * (`ConsentAnalysis.statementAction`), lower-cased and folded.
   */
  conduct: RegExp;
  /**
   * A paid alternative to consent offered on the same layer ("Subscribe",
   * "Go ad-free", "Pur-Abo", "订阅会员免广告"): accept or pay. Matched
   * anywhere in a button's or link's text, lower-cased and folded.
   */
  paidAlternative: RegExp;
  /**
   * A consent request's own statement that refusing leaves the service out
   * of reach ("If you decline, you will not be able to watch", "Ohne
   * Zustimmung können Sie ... nicht nutzen", "如您拒绝，将无法观看"). Matched
   * anywhere in a block of its text, lower-cased and folded.
   */
  refusalDenies: RegExp;
  /**
   * A consent control's wording by which ticking it refuses (an opt-out
   * control: "Tick here if you do NOT want us to share ...", "Ich widerspreche
   * ...", "如您不希望...请勾选"): left unticked, it grants. Matched anywhere in
   * the control's text (normalised, lower-cased, folded for Chinese).
   */
  optOut: RegExp;
  /**
   * Negations that count towards a double negative in a control's wording
   * ("untick ... if you do not ...", "do not want to not receive"): needs the
   * `g` flag; two or more in one control's text make its meaning hard to tell.
   */
  negations: RegExp;
  /**
   * Words by which a notice denies a purpose ("no analytics", "without
   * tracking", "keine Werbung", "不使用", "无广告"), with `negations`: a
   * purpose named only in clauses holding one is not asked for.
   */
  denials: RegExp;

  /** Wording of what a step is for, in headings, titles, buttons, fields and flow actions. */
  primaryPurposes: Partial<Record<PrimaryPurpose, readonly PatternSource[]>>;

  /** Words left out of fingerprints. */
  stopWords: string;
  /** Canonical word -> wordings folded to it in fingerprints ("third parties" -> partner). */
  synonyms: Readonly<Record<string, readonly PatternSource[]>>;
}
