import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowPages, resolveTargets, type Target } from "./targets.js";
import { loadFlowFile } from "../flow/flow-file.js";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-targets-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, text = "<p>page</p>"): void {
  const full = join(dir, rel);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

function resolveIn(inputs: string[], exclude: string[] = []): Target[] {
  return resolveTargets(inputs, { cwd: dir, exclude, excludeBase: dir });
}

const summary = (targets: Target[]) => targets.map((t) => `${t.kind} ${t.input}`);

describe("directory targets: every page linted alone or stood on by a flow step", () => {
  it("a folder with one flow and several pages: the flow's start page and goto page are its steps, every other page is linted alone", () => {
    write(
      "shop/checkout.flow.yaml",
      [
        "url: ./pages/basket.html",
        "steps:",
        "  - name: basket",
        "  - name: details",
        "    actions:",
        "      - click: { text: Checkout }",
        "  - name: terms",
        "    actions:",
        "      - goto: ./pages/terms.html",
      ].join("\n"),
    );
    write("shop/pages/basket.html");
    write("shop/pages/terms.html");
    write("shop/pages/checkout.html"); // reached by a click only: not known before the browser runs
    write("shop/pages/newsletter.html");
    write("shop/about.htm");
    write("shop/legal/imprint.html");
    write("shop/pages/notes.txt");
    expect(summary(resolveIn(["shop"]))).toEqual([
      "file shop/about.htm",
      "flow shop/checkout.flow.yaml",
      "file shop/legal/imprint.html",
      "file shop/pages/checkout.html",
      "file shop/pages/newsletter.html",
    ]);
  });

  it("pages beside a flow in a folder given above it, and pages of a flow that cannot be loaded, are linted alone", () => {
    write("site/a/a.flow.json", JSON.stringify({ url: "./start.html", steps: [{ name: "start" }] }));
    write("site/a/start.html");
    write("site/a/other.html");
    // Its start page is outside its folder: the flow is refused, so the page it named is not stood on by any step.
    write("site/b/b.flow.yaml", ["url: ../a/other.html", "steps:", "  - name: start"].join("\n"));
    write("site/b/landing.html");
    const targets = resolveIn(["site"]);
    expect(summary(targets)).toEqual([
      "flow site/a/a.flow.json",
      "file site/a/other.html",
      "invalid site/b/b.flow.yaml",
      "file site/b/landing.html",
    ]);
    const page = targets.find((t) => t.input === "site/a/other.html");
    expect(page).toMatchObject({ kind: "file", path: join(dir, "site/a/other.html"), root: join(dir, "site") });
  });

  it("an excluded folder stays excluded, and a page given by name is linted even when a flow stands on it", () => {
    write("app/app.flow.yaml", ["url: ./index.html", "steps:", "  - name: landing"].join("\n"));
    write("app/index.html");
    write("app/frames/consent.html");
    write("app/settings.html");
    expect(summary(resolveIn(["app"], ["**/frames/**"]))).toEqual(["flow app/app.flow.yaml", "file app/settings.html"]);
    expect(summary(resolveIn(["app/index.html"]))).toEqual(["file app/index.html"]);
  });

  it("a flow that opens an http(s) URL stands on no local page", () => {
    write(
      "remote/remote.flow.yaml",
      ["url: https://example.com/", "steps:", "  - name: home", "    actions:", "      - goto: https://example.com/privacy"].join("\n"),
    );
    write("remote/index.html");
    const flow = loadFlowFile(join(dir, "remote/remote.flow.yaml"));
    expect(flowPages(flow)).toEqual([]);
    expect(summary(resolveIn(["remote"]))).toEqual(["file remote/index.html", "flow remote/remote.flow.yaml"]);
  });
});
