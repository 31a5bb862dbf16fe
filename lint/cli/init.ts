/**
 * `consentlint init`: a starter config and flow file in the working
 * directory, never overwriting a file that is already there unless asked.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_NAMES } from "../config/config.js";
import { UsageError } from "../errors.js";

export const STARTER_CONFIG_NAME = "consentlint.config.json";
export const STARTER_FLOW_NAME = "example.flow.yaml";

export const STARTER_CONFIG = `${JSON.stringify(
  {
    $schema: "./node_modules/consentlint/schemas/config.schema.json",
    targets: [STARTER_FLOW_NAME],
    rules: {
      "pre-checked-opt-in": "error",
      "hidden-consent-text": ["error", { minFontPx: 10, minContrast: 3, minOpacity: 0.4 }],
      "bundled-consent": "error",
    },
    viewport: "desktop",
    timeout: 30000,
    exclude: ["**/node_modules/**"],
    ignore: [],
  },
  null,
  2,
)}\n`;

export const STARTER_FLOW = `# A consent flow for consentlint. It opens the start page as a first-time
# visitor, runs each step's actions as a person would, and lints the page
# after every step. Lint it with:  npx consentlint lint ${STARTER_FLOW_NAME}
#
# Actions: goto, click, fill (+ value), check, uncheck, select (+ value),
# press, scroll, waitFor (a locator, or ms). A locator is one of
# { role, name }, { text }, { label }, { testId } or { css }, as Playwright's getBy*.

name: example
url: https://example.com/          # an http(s) URL, or an .html file relative to this file
viewport: desktop                  # desktop, mobile, tablet, or { width: 390, height: 844 }
locale: en-US
steps:
  - name: landing                  # no actions: the page as it is first shown
  # - name: sign-up form
  #   actions:
  #     - click: { role: link, name: Sign up }
  #     - waitFor: { css: "form" }
  # - name: after filling in the email
  #   actions:
  #     - fill: { label: Email, value: someone@example.com }
  #     - click: { role: button, name: Continue }
`;

export interface InitOutcome {
  written: string[];
}

/**
 * Writes the starter files into `dir`. Without `force`, an existing file of
 * the same name (or another config file that would be found first) stops
 * the command before anything is written, naming the file.
 */
export function writeStarterFiles(dir: string, force: boolean): InitOutcome {
  const files: [string, string][] = [
    [STARTER_CONFIG_NAME, STARTER_CONFIG],
    [STARTER_FLOW_NAME, STARTER_FLOW],
  ];
  if (!force) {
    const taken = [...CONFIG_NAMES, STARTER_FLOW_NAME].filter((name) => existsSync(join(dir, name)));
    if (taken.length) {
      throw new UsageError(
        `${taken.join(" and ")} already exist${taken.length === 1 ? "s" : ""} in ${dir}; nothing was written. Move ${taken.length === 1 ? "it" : "them"} away, or run \`consentlint init --force\` to overwrite.`,
      );
    }
  }
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return { written: files.map(([name]) => name) };
}
