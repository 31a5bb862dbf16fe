/**
 * `--consent`: a page linted without a flow file in the states of a consent
 * run, the choice made through the page's consent manager (autoconsent) or,
 * where none is recognised, its own refuse or accept button; a page with
 * neither says why the state could not be reached.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint } from "../lint/index.js";
import type { LintReport } from "../lint/types.js";

const corpus = resolve(__dirname, "../corpus");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-consent-run-"));
  writeFileSync(join(dir, "plain.html"), `<!doctype html><html lang="en"><h1>Opening hours</h1><p>Mon-Fri 9-17</p></html>`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const steps = (report: LintReport) => report.results.map((r) => [r.step, r.consent?.choice ?? null, r.error ? "error" : "ok"]);

describe("consent runs without a flow file", () => {
  it("refuses through klaro with autoconsent: banner, after-reject, after-reject-reload, each naming how the choice was made", async () => {
    const report = await lint([join(corpus, "cmp/klaro/defaults.en")], {
      config: join(corpus, "cmp/consentlint.config.json"),
      consent: "reject",
      concurrency: 1,
    });
    expect(steps(report)).toEqual([
      ["banner", null, "ok"],
      ["after-reject", "reject", "ok"],
      ["after-reject-reload", "reject", "ok"],
    ]);
    expect(report.results[1].consent?.madeBy).toMatch(/klaro \(autoconsent\)/iu);
  });

  it("both: refusing and accepting, each in a fresh profile, the first visit linted once; a page with no consent manager falls back to its own buttons", async () => {
    const report = await lint([join(corpus, "pages/en/cookie-banner-unchecked")], {
      config: join(corpus, "consentlint.config.json"),
      consent: "both",
      concurrency: 1,
    });
    expect(steps(report)).toEqual([
      ["banner", null, "ok"],
      ["after-reject", "reject", "ok"],
      ["after-reject-reload", "reject", "ok"],
      ["after-accept", "accept", "ok"],
      ["after-accept-reload", "accept", "ok"],
    ]);
    expect(report.results[1].consent?.madeBy).toMatch(/“Reject all” clicked on the page \(no consent manager recognised\)/u);
  });

  it("a page with no consent request: the first visit is linted, and the choice step says why it could not be made", async () => {
    const report = await lint([join(dir, "plain.html")], { consent: "reject", concurrency: 1 });
    expect(report.results[0]).toMatchObject({ step: "banner" });
    expect(report.results[0].error).toBeUndefined();
    expect(report.results[1].step).toBe("after-reject");
    expect(report.results[1].error).toMatch(
      /could not reject on this page: no consent manager recognised, and no refuse button was found/u,
    );
  });
});
