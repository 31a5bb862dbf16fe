/**
 * The rules the tool runs: the one module of lint/ that imports rules/.
 * Everything else in lint/ is given the rules it runs (the runner, the page
 * API, static mode, the reports), so the engine never depends on a rule and a
 * new rule touches rules/ only. Entry points (the package API in index.ts,
 * the command line, the Playwright matchers, the static bench) take the rules
 * from here.
 */
import type { Rule } from "./types.js";
import { allRules as rules } from "../rules/index.js";

export const allRules: readonly Rule[] = rules;
