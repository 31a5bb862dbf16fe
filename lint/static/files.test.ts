import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCss, decodeHtml, defaultEncoding } from "./decode.js";
import { DESKTOP, run } from "./__fixtures__/static-model.js";
import { buildStaticModelFromFile } from "./index.js";

describe("decoding local files", () => {
  it("reads a byte order mark, then <meta charset>, else UTF-8 when valid, else windows-1252", () => {
    const gbk = Buffer.from([...Buffer.from('<meta charset="gbk"><p>'), 0xc4, 0xe3, 0xba, 0xc3, ...Buffer.from("</p>")]);
    expect(decodeHtml(gbk)).toContain("你好");
    expect(decodeHtml(Buffer.from("\ufeff<p>Grüße</p>", "utf8"))).toBe("<p>Grüße</p>");
    expect(decodeHtml(Buffer.from("<p>同意</p>", "utf8"))).toBe("<p>同意</p>");
    expect(decodeHtml(Buffer.from([...Buffer.from("<p>Gr"), 0xfc, ...Buffer.from("n</p>")]))).toBe("<p>Grün</p>");
    expect(decodeHtml(Buffer.from([...Buffer.from("<p>"), 0xc4, 0xe3, ...Buffer.from("</p>")]), defaultEncoding("zh-CN"))).toBe(
      "<p>你</p>",
    );
    expect([defaultEncoding("zh-TW"), defaultEncoding("zh-Hant-HK"), defaultEncoding("de-DE"), defaultEncoding(null)]).toEqual([
      "big5",
      "big5",
      "windows-1252",
      "windows-1252",
    ]);
    const big5 = Buffer.from([
      ...Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>'),
      0xa6,
      0x50,
      0xb7,
      0x4e,
      ...Buffer.from("</p>"),
    ]);
    expect(decodeHtml(big5)).toContain("同意");
  });

  it("reads a style sheet's @charset, else UTF-8", () => {
    expect(
      decodeCss(Buffer.from([...Buffer.from('@charset "iso-8859-1"; .a::after { content: "'), 0xe9, ...Buffer.from('" }')])),
    ).toContain("é");
    expect(decodeCss(Buffer.from('.a::after { content: "é" }', "utf8"))).toContain("é");
  });
});

describe("buildStaticModelFromFile", () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), "consentlint-static-"));
    root = join(base, "site");
    outside = join(base, "elsewhere");
    mkdirSync(join(root, "css"), { recursive: true });
    mkdirSync(join(root, "pages"), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(root, "css", "site.css"), '@import "fine.css"; .lead { font-size: 20px }');
    writeFileSync(join(root, "css", "fine.css"), ".fine { font-size: 8px }");
    writeFileSync(join(outside, "evil.css"), ".lead { font-size: 2px } .fine { font-size: 30px }");
    symlinkSync(join(outside, "evil.css"), join(root, "css", "linked.css"));
    writeFileSync(
      join(root, "pages", "frame.html"),
      '<meta charset="windows-1252"><label><input type="checkbox" checked> Ich stimme der Weitergabe zu</label>',
    );
    writeFileSync(
      join(root, "pages", "index.html"),
      Buffer.from(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><link rel="stylesheet" href="../css/site.css"></head><body><p class="lead">Lead</p><p class="fine">Fine print</p><iframe src="frame.html"></iframe></body></html>',
        "utf8",
      ),
    );
    writeFileSync(
      join(root, "pages", "escape.html"),
      '<link rel="stylesheet" href="../../elsewhere/evil.css"><link rel="stylesheet" href="../css/linked.css"><p class="lead">Lead</p>',
    );
  });

  afterAll(() => rmSync(join(root, ".."), { recursive: true, force: true }));

  it("reads linked and imported style sheets and same-folder frames under the root", () => {
    const m = buildStaticModelFromFile(join(root, "pages", "index.html"), { viewport: DESKTOP, locale: "de-DE", root });
    expect(m.url).toBe(pathToFileURL(join(root, "pages", "index.html")).href);
    expect(run(m, "Lead").fontPx).toBe(20);
    expect(run(m, "Fine print").fontPx).toBe(8);
    expect(m.frames).toHaveLength(1);
    expect(m.frames[0]).toMatchObject({ reachable: true, crossOrigin: false });
    expect(m.controls.map((c) => [c.checked, c.framePath !== ""])).toEqual([[true, true]]);
    expect(m.notes.filter((n) => n.kind !== "static-mode: layout unknown")).toEqual([]);
  });

  it("never reads outside the root, also through a symbolic link, and notes what it left unread", () => {
    const m = buildStaticModelFromFile(join(root, "pages", "escape.html"), { viewport: DESKTOP, locale: null, root });
    expect(run(m, "Lead").fontPx).toBe(16);
    expect(m.notes.filter((n) => n.kind === "static-mode: stylesheet not read").map((n) => n.message)).toEqual([
      "external stylesheet ../../elsewhere/evil.css not read",
      "external stylesheet ../css/linked.css not read",
    ]);
  });

  it("reads nothing beside the page without a root other than the page's folder", () => {
    const m = buildStaticModelFromFile(join(root, "pages", "index.html"), { viewport: DESKTOP, locale: null });
    expect(run(m, "Lead").fontPx).toBe(16);
    expect(m.notes.some((n) => n.kind === "static-mode: stylesheet not read")).toBe(true);
  });
});
