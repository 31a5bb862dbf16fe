/** The rules' shared view of a PageModel. */
export { consentView } from "./view.js";
export type { ConsentView, ControlView, StatementView, UnreadText, RegionView } from "./view.js";
export { rankByProminence, isShown } from "./prominence.js";
export { reportedText, normaliseSpace } from "./text.js";
export { langHint } from "./languages.js";
export { endPurposes } from "./purposes.js";
export { choiceLayers, shownText, strongest, visible, type Choice, type ChoiceLayer } from "./choices.js";
