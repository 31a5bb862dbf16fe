/**
 * Bytes of local files as text, the way the browser reads them through the
 * linter's file server: a byte order mark, then a `<meta charset>` (or
 * `@charset` for style sheets); an unlabelled page is UTF-8 when its bytes
 * are valid UTF-8 (the server says so), else the browser's default for the
 * locale.
 */
import { ResultType, Sniffer } from "encoding-sniffer/sniffer";
import iconv from "iconv-lite";

const FALLBACK = "windows-1252";

/** Chromium's default encoding for unlabelled pages that are not UTF-8, by the locale's language (and script or region). */
const LOCALE_DEFAULTS: [RegExp, string][] = [
  [/^zh[-_](?:hant|tw|hk|mo)\b/iu, "big5"],
  [/^zh\b/iu, "gbk"],
  [/^ja\b/iu, "shift_jis"],
  [/^ko\b/iu, "euc-kr"],
  [/^(?:ru|uk|be|bg|sr|mk)\b/iu, "windows-1251"],
  [/^(?:cs|hu|pl|ro|sk|sl|hr)\b/iu, "windows-1250"],
  [/^el\b/iu, "windows-1253"],
  [/^tr\b/iu, "windows-1254"],
  [/^he\b/iu, "windows-1255"],
  [/^ar\b/iu, "windows-1256"],
  [/^(?:lt|lv|et)\b/iu, "windows-1257"],
  [/^vi\b/iu, "windows-1258"],
  [/^th\b/iu, "windows-874"],
];

/** The encoding Chromium falls back to for an unlabelled page that is not UTF-8, in a browser set to `locale`. */
export function defaultEncoding(locale: string | null): string {
  return LOCALE_DEFAULTS.find(([pattern]) => pattern.test(locale ?? ""))?.[1] ?? FALLBACK;
}

interface Decoder {
  /** The WHATWG name of the encoding. */
  encoding: string;
  decode(bytes: Uint8Array): string;
}

/**
 * A decoder for a WHATWG encoding label. windows-1252 (which "latin1" and
 * "iso-8859-1" name too) goes through iconv-lite: Node's own decoder for it
 * drops bytes 0x80-0x9F, where the euro sign, curly quotes and dashes live.
 */
function decoder(label: string): Decoder | null {
  let native: TextDecoder;
  try {
    native = new TextDecoder(label);
  } catch {
    return null;
  }
  if (native.encoding === "windows-1252")
    return {
      encoding: native.encoding,
      decode: (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252"),
    };
  return native;
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes an HTML document: BOM, XML declaration or `<meta charset>` in its
 * first 1024 bytes, else UTF-8 when valid, else `fallback` (see
 * `defaultEncoding`).
 */
export function decodeHtml(bytes: Uint8Array, fallback: string = FALLBACK): string {
  const sniffer = new Sniffer();
  sniffer.write(bytes);
  const otherwise = decoder(fallback) ?? (decoder(FALLBACK) as Decoder);
  if (sniffer.resultType === ResultType.DEFAULT) return strictUtf8(bytes) ?? otherwise.decode(bytes);
  return (decoder(sniffer.encoding) ?? otherwise).decode(bytes);
}

const CHARSET_RULE = /^@charset "([^"]{1,40})";/u;

/** Decodes a style sheet: BOM, then `@charset "…";`, else UTF-8. */
export function decodeCss(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64));
  const declared = CHARSET_RULE.exec(head)?.[1];
  const chosen = declared ? decoder(declared) : null;
  // A style sheet cannot declare itself UTF-16 in ASCII-compatible bytes; browsers read it as UTF-8 then.
  if (chosen && !/^utf-16/u.test(chosen.encoding)) return chosen.decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}
