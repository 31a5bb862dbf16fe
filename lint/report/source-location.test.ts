import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { HtmlSource, SourceLocator, locateInHtml, localFilePath, pathRelativeToCwd, topDocumentSelector } from "./source-location.js";

/** 1-based line and column of the first occurrence of `marker` in `text`, counted independently of any HTML parser. */
function positionOf(text: string, marker: string): { line: number; column: number } {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not in text`);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, column: at - (before.lastIndexOf("\n") + 1) + 1 };
}

const PAGE = [
  "<!doctype html>",
  "<html><head><title>t</title></head>",
  "<body>",
  '  <form id="f" class="consent main">',
  "    <p>intro</p>",
  '    <label><input type="checkbox" name="a"> A</label>',
  '    <p class="fine">second paragraph</p>',
  "      <label>",
  '        <input type="checkbox" name="b" checked> B',
  "      </label>",
  '    <div id="host"></div>',
  '    <iframe id="frame" src="x.html"></iframe>',
  "  </form>",
  "</body></html>",
].join("\n");

describe("locateInHtml", () => {
  it("resolves child combinators and :nth-of-type to the element's start tag", () => {
    expect(locateInHtml(PAGE, "html > body > form > label:nth-of-type(2) > input")).toEqual({
      ...positionOf(PAGE, '<input type="checkbox" name="b"'),
      found: true,
    });
    expect(locateInHtml(PAGE, "html > body > form > label:nth-of-type(1) > input")).toEqual({
      ...positionOf(PAGE, '<input type="checkbox" name="a"'),
      found: true,
    });
    expect(locateInHtml(PAGE, "form > p:nth-of-type(2)")).toEqual({ ...positionOf(PAGE, '<p class="fine"'), found: true });
  });

  it("resolves ids, classes, attributes and descendant combinators", () => {
    expect(locateInHtml(PAGE, "#f")).toEqual({ ...positionOf(PAGE, "<form"), found: true });
    expect(locateInHtml(PAGE, "form.consent.main p.fine")).toEqual({ ...positionOf(PAGE, '<p class="fine"'), found: true });
    expect(locateInHtml(PAGE, 'input[name="b"]')).toEqual({ ...positionOf(PAGE, '<input type="checkbox" name="b"'), found: true });
  });

  it("points a path into a frame or shadow root at its frame or host", () => {
    expect(locateInHtml(PAGE, "form#f > iframe#frame >>> form > input")).toEqual({ ...positionOf(PAGE, "<iframe"), found: true });
    expect(locateInHtml(PAGE, "#host >>> label > input >>> span")).toEqual({ ...positionOf(PAGE, '<div id="host"'), found: true });
  });

  it("falls back to the start of the file for unknown elements and unparsable selectors", () => {
    expect(locateInHtml(PAGE, "div.added-by-script > input")).toEqual({ line: 1, column: 1, found: false });
    expect(locateInHtml(PAGE, "form > ((")).toEqual({ line: 1, column: 1, found: false });
    expect(locateInHtml(PAGE, "")).toEqual({ line: 1, column: 1, found: false });
  });

  it("counts CRLF line ends as one line each", () => {
    const crlf = PAGE.replace(/\n/g, "\r\n");
    expect(locateInHtml(crlf, "form > p:nth-of-type(2)")).toEqual({ ...positionOf(PAGE, '<p class="fine"'), found: true });
  });

  it("parses a document once for many look-ups", () => {
    const source = new HtmlSource(PAGE);
    expect(source.locate("#frame").line).toBe(positionOf(PAGE, "<iframe").line);
    expect(source.locate("#host").line).toBe(positionOf(PAGE, '<div id="host"').line);
  });
});

describe("topDocumentSelector", () => {
  it("keeps the part before the first frame or shadow crossing", () => {
    expect(topDocumentSelector("a > b >>> c >>> d")).toBe("a > b");
    expect(topDocumentSelector("  main > p  ")).toBe("main > p");
  });
});

describe("paths", () => {
  it("reads file URLs without their query and fragment, and nothing else", () => {
    const file = resolve("/tmp/some dir/page.html");
    expect(localFilePath(pathToFileURL(file).href + "?q=1#frag")).toBe(file);
    expect(localFilePath("https://example.com/page.html")).toBeNull();
    expect(localFilePath("")).toBeNull();
  });

  it("makes paths relative to the working directory with forward slashes, or null outside it", () => {
    const cwd = resolve("/repo");
    expect(pathRelativeToCwd(join(cwd, "site", "pages", "a.html"), cwd)).toBe("site/pages/a.html");
    expect(pathRelativeToCwd(resolve("/elsewhere/a.html"), cwd)).toBeNull();
    expect(pathRelativeToCwd(resolve("/repo-sibling/a.html"), cwd)).toBeNull();
    expect(pathRelativeToCwd(join(cwd, "..folder", "a.html"), cwd)).toBe("..folder/a.html");
  });
});

describe("SourceLocator", () => {
  it("locates findings of file targets, reading each file once", () => {
    const cwd = resolve("/repo");
    const file = join(cwd, "pages", "a.html");
    const reads: string[] = [];
    const locator = new SourceLocator(cwd, (f) => {
      reads.push(f);
      return PAGE;
    });
    const url = pathToFileURL(file).href;
    const first = locator.locate(url, "#frame");
    const second = locator.locate(url, "form > label:nth-of-type(2) > input");
    expect(first).toEqual({ ...positionOf(PAGE, "<iframe"), found: true, file, relativePath: "pages/a.html" });
    expect(second).toEqual({ ...positionOf(PAGE, '<input type="checkbox" name="b"'), found: true, file, relativePath: "pages/a.html" });
    expect(reads).toEqual([file]);
  });

  it("gives no location for remote pages and the first line for unreadable files", () => {
    const cwd = resolve("/repo");
    const locator = new SourceLocator(cwd, () => {
      throw new Error("ENOENT");
    });
    expect(locator.locate("https://example.com/", "#x")).toBeNull();
    const file = join(cwd, "gone.html");
    expect(locator.locate(pathToFileURL(file).href, "#x")).toEqual({ line: 1, column: 1, found: false, file, relativePath: "gone.html" });
  });
});
