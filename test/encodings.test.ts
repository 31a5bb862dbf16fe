/**
 * Pages that are not UTF-8: GBK, Shift_JIS and Latin-1, declared in a
 * <meta> or only in the HTTP Content-Type header, a UTF-16 page with a byte
 * order mark, and a UTF-8 page that declares nothing. Each is decoded as a
 * person's browser decodes it and linted: the pre-checked consent box of the
 * GBK page is found in Chinese, the Latin-1 one in German, and the Japanese
 * one is reported as a language consentlint cannot read, in readable
 * Japanese, never as mojibake. The file server's Content-Type choices are
 * checked on their own too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint, type LintResultWithModel } from "../lint/index.js";
import { contentTypeFor, declaresEncoding, isUtf8 } from "../lint/targets/file-server.js";

/** An encoder for a legacy encoding, built from the platform's decoder (every one- and two-byte sequence). */
function encoderFor(label: string): (text: string) => Buffer {
  const decoder = new TextDecoder(label, { fatal: true });
  const table = new Map<string, number[]>();
  const learn = (bytes: number[]) => {
    try {
      const ch = decoder.decode(Uint8Array.from(bytes));
      if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
    } catch {
      /* not a character in this encoding */
    }
  };
  for (let b = 0; b < 0x80; b++) learn([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) learn([lead, trail]);
  for (let b = 0x80; b <= 0xff; b++) learn([b]);
  return (text) =>
    Buffer.from(
      [...text].flatMap((ch) => {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`${label} cannot encode ${JSON.stringify(ch)}`);
        return bytes;
      }),
    );
}

const ZH_CONSENT = "向我展示个性化广告，并与合作伙伴分享我的浏览记录";
const JA_CONSENT = "広告パートナーと私の閲覧履歴を共有することに同意します";
const DE_CONSENT =
  "Ich möchte personalisierte Werbung erhalten und bin einverstanden, dass meine Daten an Werbepartner weitergegeben werden";

function page(lang: string, title: string, consent: string, button: string, meta: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>${meta}<title>${title}</title></head>
<body><main><h1>${title}</h1>
<form action="#" method="post">
<p><label>Email <input type="email" name="email"></label></p>
<p><label><input type="checkbox" name="consent" checked> ${consent}</label></p>
<button type="submit">${button}</button>
</form></main></body></html>`;
}

const zh = (meta: string) => page("zh-CN", "注册新账户", ZH_CONSENT, "注册", meta);
const ja = (meta: string) => page("ja", "新規会員登録", JA_CONSENT, "登録する", meta);
const de = (meta: string) => page("de", "Konto anlegen - Müller & Söhne", DE_CONSENT, "Konto erstellen", meta);

let dir: string;
let server: Server;
let origin: string;
/** Pages the test server sends with a charset in Content-Type and none in the markup. */
const served = new Map<string, { body: Buffer; type: string }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consentlint-enc-"));
  const gbk = encoderFor("gbk");
  const sjis = encoderFor("shift_jis");
  const latin1 = encoderFor("windows-1252");
  writeFileSync(join(dir, "gbk-meta.html"), gbk(zh('<meta charset="gbk">')));
  writeFileSync(join(dir, "gb2312-http-equiv.html"), gbk(zh('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')));
  writeFileSync(join(dir, "shift-jis-meta.html"), sjis(ja('<meta charset="Shift_JIS">')));
  writeFileSync(join(dir, "latin1-meta.html"), latin1(de('<meta charset="iso-8859-1">')));
  writeFileSync(join(dir, "utf8-undeclared.html"), Buffer.from(zh(""), "utf8"));
  writeFileSync(join(dir, "utf16-bom.html"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(zh(""), "utf16le")]));
  served.set("/gbk-header.html", { body: gbk(zh("")), type: "text/html; charset=GBK" });
  served.set("/shift-jis-header.html", { body: sjis(ja("")), type: "text/html; charset=shift_jis" });
  served.set("/latin1-header.html", { body: latin1(de("")), type: "text/html; charset=ISO-8859-1" });
  server = createServer((req, res) => {
    const entry = served.get(new URL(req.url ?? "/", "http://x").pathname);
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": entry.type, "content-length": entry.body.length });
    res.end(entry.body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const texts = (r: LintResultWithModel) => squash((r.model?.texts ?? []).map((t) => t.text).join(" "));

function expectChineseFinding(r: LintResultWithModel): void {
  expect(r.error).toBeUndefined();
  const finding = r.findings.find((f) => f.ruleId === "pre-checked-opt-in");
  expect(finding, `${r.target}: ${JSON.stringify(r.findings.map((f) => f.text))}`).toBeDefined();
  expect(squash(finding!.text)).toContain("向我展示个性化广告");
}

function expectGermanFinding(r: LintResultWithModel): void {
  expect(r.error).toBeUndefined();
  const finding = r.findings.find((f) => f.ruleId === "pre-checked-opt-in");
  expect(finding, `${r.target}: ${JSON.stringify(r.findings.map((f) => f.text))}`).toBeDefined();
  expect(finding!.text).toContain("Ich möchte personalisierte Werbung");
}

function expectReadableJapanese(r: LintResultWithModel, withModel = true): void {
  expect(r.error).toBeUndefined();
  if (withModel) expect(texts(r)).toContain(JA_CONSENT);
  const unread = r.incomplete.filter((i) => i.reason === "unsupported-language");
  expect(unread.length, JSON.stringify(r.incomplete)).toBeGreaterThan(0);
  expect(unread.map((i) => i.text ?? "").join(" ")).toMatch(/広告|新規会員登録|登録/);
  expect(r.findings.filter((f) => f.ruleId === "pre-checked-opt-in")).toEqual([]);
}

describe("pages in legacy encodings", () => {
  it("are decoded in the browser from <meta>, http-equiv, the HTTP header, a BOM, or as UTF-8 when undeclared, and linted", async () => {
    const files = [
      "gbk-meta.html",
      "gb2312-http-equiv.html",
      "shift-jis-meta.html",
      "latin1-meta.html",
      "utf8-undeclared.html",
      "utf16-bom.html",
    ].map((f) => join(dir, f));
    const urls = ["/gbk-header.html", "/shift-jis-header.html", "/latin1-header.html"].map((p) => origin + p);
    const report = await lint([...files, ...urls], { concurrency: 2, timeout: 20_000, keepModels: true, cwd: dir });
    const [gbkMeta, gbHttpEquiv, sjisMeta, latin1Meta, utf8Undeclared, utf16, gbkHeader, sjisHeader, latin1Header] = report.results;
    for (const r of [gbkMeta, gbHttpEquiv, utf8Undeclared, utf16, gbkHeader]) expectChineseFinding(r);
    for (const r of [latin1Meta, latin1Header]) expectGermanFinding(r);
    for (const r of [sjisMeta, sjisHeader]) expectReadableJapanese(r);
    expect(latin1Meta.model?.title).toBe("Konto anlegen - Müller & Söhne");
    expect(gbkHeader.model?.title).toBe("注册新账户");
  });

  it("are decoded the same way in static mode", async () => {
    const files = ["gbk-meta.html", "shift-jis-meta.html", "latin1-meta.html", "utf8-undeclared.html"].map((f) => join(dir, f));
    const report = await lint(files, { static: true, keepModels: true, cwd: dir });
    const [gbkMeta, sjisMeta, latin1Meta, utf8Undeclared] = report.results;
    expectChineseFinding(gbkMeta);
    expectChineseFinding(utf8Undeclared);
    expectGermanFinding(latin1Meta);
    expectReadableJapanese(sjisMeta);
  });
});

describe("the file server's Content-Type", () => {
  it("leaves the charset to a page's own declaration, labels undeclared UTF-8 as UTF-8, and never forces UTF-8 on other bytes", () => {
    const type = (name: string) => contentTypeFor(join(dir, name), statSync(join(dir, name)).size);
    expect(type("gbk-meta.html")).toBe("text/html");
    expect(type("gb2312-http-equiv.html")).toBe("text/html");
    expect(type("shift-jis-meta.html")).toBe("text/html");
    expect(type("latin1-meta.html")).toBe("text/html");
    expect(type("utf16-bom.html")).toBe("text/html");
    expect(type("utf8-undeclared.html")).toBe("text/html; charset=utf-8");
    writeFileSync(join(dir, "legacy-undeclared.html"), encoderFor("gbk")(zh("")));
    expect(type("legacy-undeclared.html")).toBe("text/html");
    writeFileSync(join(dir, "style.css"), '@charset "gbk";\nbody { font-family: "宋体"; }');
    expect(type("style.css")).toBe("text/css");
    writeFileSync(join(dir, "plain.css"), "body { color: red; }");
    expect(type("plain.css")).toBe("text/css; charset=utf-8");
    writeFileSync(join(dir, "legacy.js"), encoderFor("gbk")('document.title = "注册";'));
    expect(type("legacy.js")).toBe("text/javascript");
    writeFileSync(join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(type("image.png")).toBe("image/png");
  });

  it("finds declarations and UTF-8 the way the browser's prescan does", () => {
    expect(declaresEncoding(Buffer.from('<!doctype html><META CHARSET="windows-1252">'), "html")).toBe(true);
    expect(declaresEncoding(Buffer.from("<html><head><title>x</title>"), "html")).toBe(false);
    expect(declaresEncoding(Buffer.from(' <?xml version="1.0" encoding="Shift_JIS"?><html>'), "html")).toBe(true);
    expect(declaresEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]), "script")).toBe(true);
    expect(declaresEncoding(Buffer.from("x".repeat(2000) + '<meta charset="gbk">'), "html")).toBe(false);
    // A multi-byte character cut at the end of a partial read is still UTF-8.
    expect(isUtf8(Buffer.from("分享").subarray(0, 4), true)).toBe(true);
    expect(isUtf8(Buffer.from("分享").subarray(0, 4), false)).toBe(false);
  });
});
