/**
 * Bytes of local files as text, the way a browser decodes them: a byte order
 * mark, then a `<meta charset>` (or `@charset` for style sheets); an
 * unlabelled page is UTF-8 when its bytes are valid UTF-8, else windows-1252.
 */
import { ResultType, Sniffer } from "encoding-sniffer/sniffer";

const FALLBACK = "windows-1252";

function decoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes an HTML document: BOM, XML declaration or `<meta charset>` in its first 1024 bytes, else UTF-8 when valid, else windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  const sniffer = new Sniffer();
  sniffer.write(bytes);
  if (sniffer.resultType === ResultType.DEFAULT) return strictUtf8(bytes) ?? (decoder(FALLBACK) as TextDecoder).decode(bytes);
  return (decoder(sniffer.encoding) ?? (decoder(FALLBACK) as TextDecoder)).decode(bytes);
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
