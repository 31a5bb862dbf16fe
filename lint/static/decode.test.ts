import { describe, expect, it } from "vitest";
import { decodeCss, decodeHtml } from "./decode.js";

/** "Preis 5 € – „Ja“ – “yes”" as windows-1252 bytes: the euro sign, dashes and quotes sit in 0x80-0x9F. */
const WIN1252_TEXT = [
  0x50, 0x72, 0x65, 0x69, 0x73, 0x20, 0x35, 0x20, 0x80, 0x20, 0x96, 0x20, 0x84, 0x4a, 0x61, 0x93, 0x20, 0x96, 0x20, 0x93, 0x79, 0x65, 0x73,
  0x94,
];
const EXPECTED = "Preis 5 € – „Ja“ – “yes”";

function html(meta: string): Uint8Array {
  return Uint8Array.from([
    ...Buffer.from(`<!doctype html><html><head>${meta}</head><body><p>`, "latin1"),
    ...WIN1252_TEXT,
    ...Buffer.from("</p></body></html>", "latin1"),
  ]);
}

describe("decodeHtml", () => {
  it("reads bytes 0x80-0x9F of a page labelled iso-8859-1, latin1 or windows-1252 as windows-1252, as browsers do", () => {
    for (const label of ["iso-8859-1", "latin1", "windows-1252", "ISO_8859-1"]) {
      expect(decodeHtml(html(`<meta charset="${label}">`)), label).toContain(EXPECTED);
    }
  });

  it("reads an unlabelled page that is not UTF-8 with the fallback, windows-1252 by default", () => {
    expect(decodeHtml(html(""))).toContain(EXPECTED);
  });

  it("still reads UTF-8 and other labels", () => {
    expect(decodeHtml(Buffer.from(`<meta charset="utf-8"><p>${EXPECTED}</p>`, "utf8"))).toContain(EXPECTED);
    expect(decodeHtml(Uint8Array.from([...Buffer.from('<meta charset="gbk"><p>', "latin1"), 0xd7, 0xa2, 0xb2, 0xe1]))).toContain("注册");
  });
});

describe("decodeCss", () => {
  it("reads a style sheet that declares windows-1252 with its 0x80-0x9F characters", () => {
    const bytes = Uint8Array.from([
      ...Buffer.from('@charset "windows-1252";\np::after{content:"', "latin1"),
      0x80,
      0x93,
      ...Buffer.from('"}', "latin1"),
    ]);
    expect(decodeCss(bytes)).toContain('content:"€“"');
  });
});
