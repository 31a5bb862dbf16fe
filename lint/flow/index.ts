/** Multi-step consent flows: flow files, and running a step's actions in the page. */
export type { Flow, FlowAction, FlowActionName, FlowLocator, FlowStep } from "./types.js";
export { FLOW_ACTION_NAMES, actionParts } from "./types.js";
export { flowNameFromFile, isFlowFile, loadFlowFile, parseFlowText, resolveFlowUrl } from "./flow-file.js";
export { TOUCHED_ATTRIBUTE, runStepActions, type RunStepOptions } from "./actions.js";
export { FlowStepError, failureReason, type FailureKind, type FailureReason, type FlowStepErrorInit } from "./step-error.js";
export { describeLocator, toPlaywrightLocator } from "./locator.js";
export { formatCandidate, parseAriaSnapshot, rankCandidates, suggestionsFor, type AriaCandidate } from "./suggestions.js";
