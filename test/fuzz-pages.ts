/**
 * Arbitraries for the fuzz test: consent pages built from random trees of
 * elements, controls, styles, scripts and text (consent wording in the
 * languages consentlint reads, and hostile strings), written in a random
 * encoding; and mutations of the corpus pages at the byte level.
 */
import fc from "fast-check";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

// ---------------------------------------------------------------- text

const CONSENT = [
  "Share my profile with our advertising partners",
  "Send me offers from carefully selected partners by email",
  "Use my location to show personalised ads",
  "Allow analytics cookies to measure traffic",
  "Let partners use my purchase history for credit scoring",
  "Use my photos to train our AI models",
  "By creating an account you agree that we share your data with third parties for marketing.",
  "Ich bin einverstanden, dass meine Daten an Werbepartner weitergegeben werden",
  "Personalisierte Werbung anhand meines Surfverhaltens erlauben",
  "同意将我的个人信息分享给第三方合作伙伴用于广告推送",
  "向我展示个性化广告",
  "同意芝麻信用收集我的信息",
  "By continuing to browse you agree to our use of cookies for analytics and advertising.",
  "Tick this box if you do not want to not receive offers from our partners",
  "继续使用本网站即表示您同意我们使用Cookie进行个性化广告。",
];
const NEUTRAL = [
  "Remember me",
  "Keep me signed in",
  "I accept the Terms of Service",
  "Email",
  "Create account",
  "Billing address same as shipping",
  "Dark mode",
  "下一步",
  "Weiter",
  "広告パートナーと共有する",
  "Partager mes données avec des partenaires",
];
const HOSTILE = [
  '<script>document.title="pwned"</script>',
  '<img src=x onerror="alert(1)">',
  "&amp; &lt;b&gt; &#0; &#x110000; &unknown;",
  "\"double\" 'single' `back`",
  "\u202eright-to-left\u202c",
  "\u0000\u0001\u0008\u001b[31m",
  "\ufeff\u200b\u200d",
  "\ud800 lone \udfff surrogates",
  "]]> <![CDATA[ x ]]>",
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "line\r\nbreak\nand\rreturn",
  "${{7*7}} {{constructor.constructor('alert(1)')()}}",
  "🍪🍪 cookies 👨‍👩‍👧",
  "a\u0301e\u0301 combining",
  "x".repeat(3000),
];

export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CONSENT) },
  // Consent wording with hostile text in it, so that findings (and every report format) carry it.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...CONSENT), fc.constantFrom(...HOSTILE), fc.boolean())
      .map(([c, h, before]) => (before ? `${h} ${c}` : `${c} ${h}`)),
  },
  { weight: 2, arbitrary: fc.constantFrom(...NEUTRAL) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

/** Text as HTML character data: escaped, except that hostile strings are sometimes left raw (markup in text). */
const htmlText = (s: string): string => s.replace(/&(?![#a-z0-9]+;)/gi, "&amp;").replace(/</g, "&lt;");
const attrText = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// ---------------------------------------------------------------- styles

const colour = fc.oneof(
  fc.constantFrom(
    "black",
    "white",
    "transparent",
    "#fff",
    "#f4f4f4",
    "#777",
    "rgba(0,0,0,0.2)",
    "currentcolor",
    "red",
    "hsl(0 0% 95%)",
    "inherit",
    "#zzz",
  ),
  fc
    .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([r, g, b, a]) => `rgba(${r}, ${g}, ${b}, ${a.toFixed(2)})`),
);

export const styleArb: fc.Arbitrary<string> = fc
  .record(
    {
      "font-size": fc.oneof(
        fc.integer({ min: 0, max: 40 }).map((n) => `${n}px`),
        fc.constantFrom("0.1em", "larger", "calc(2px + 1vw)", "-3px", "bogus"),
      ),
      color: colour,
      background: fc.oneof(colour, fc.constantFrom("url(x.png)", "linear-gradient(red, blue)", "none")),
      opacity: fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }).map((n) => n.toFixed(2)),
        fc.constantFrom("2", "-1", "nope"),
      ),
      display: fc.constantFrom("none", "block", "inline", "contents", "flex", "grid", "table-cell", "list-item"),
      visibility: fc.constantFrom("visible", "hidden", "collapse"),
      position: fc.constantFrom("static", "relative", "absolute", "fixed", "sticky"),
      left: fc.constantFrom("0", "-9999px", "50%", "auto"),
      top: fc.constantFrom("0", "-9999px", "100vh", "auto"),
      transform: fc.constantFrom(
        "none",
        "scale(0)",
        "scale(0.01)",
        "scale(2)",
        "rotate(90deg)",
        "translateX(-200vw)",
        "matrix(1,0,0,1,0,0)",
        "scale(nope)",
      ),
      "clip-path": fc.constantFrom("none", "inset(50%)", "circle(0)", "polygon(0 0)", "inset(0)"),
      clip: fc.constantFrom("auto", "rect(0 0 0 0)", "rect(1px, 1px, 1px, 1px)"),
      overflow: fc.constantFrom("visible", "hidden", "auto", "scroll", "clip"),
      height: fc.constantFrom("auto", "0", "1px", "10px", "200vh"),
      width: fc.constantFrom("auto", "0", "1px", "50%"),
      "z-index": fc.integer({ min: -5, max: 99999 }).map(String),
      "content-visibility": fc.constantFrom("visible", "hidden", "auto"),
      "text-indent": fc.constantFrom("0", "-9999px"),
      "line-height": fc.constantFrom("0", "1", "normal"),
      filter: fc.constantFrom("none", "opacity(0)", "blur(5px)"),
      "mix-blend-mode": fc.constantFrom("normal", "multiply", "difference"),
      "writing-mode": fc.constantFrom("horizontal-tb", "vertical-rl"),
    },
    { requiredKeys: [] },
  )
  .map((r) =>
    Object.entries(r)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; "),
  );

// ---------------------------------------------------------------- the tree

interface Ctx {
  /** Ids handed out so far, for labels and scripts to point at. */
  id: number;
}

type Renderer = (ctx: Ctx) => string;

const controlArb: fc.Arbitrary<Renderer> = fc
  .record({
    kind: fc.constantFrom("checkbox", "radio", "role-switch", "aria-checked", "aria-pressed", "select", "custom-element"),
    checked: fc.constantFrom("attr", "none", "script", "attr-then-script-off", "mixed"),
    label: fc.constantFrom("wrap", "for", "aria-label", "aria-labelledby", "none", "title"),
    text: textArb,
    disabled: fc.boolean(),
    required: fc.boolean(),
    style: fc.option(styleArb, { nil: undefined }),
    labelStyle: fc.option(styleArb, { nil: undefined }),
  })
  .map((c) => (ctx: Ctx) => {
    const id = `c${ctx.id++}`;
    const flags = `${c.disabled ? " disabled" : ""}${c.required ? " required" : ""}`;
    const style = c.style ? ` style="${attrText(c.style)}"` : "";
    const labelStyle = c.labelStyle ? ` style="${attrText(c.labelStyle)}"` : "";
    const on = c.checked === "attr" || c.checked === "attr-then-script-off";
    let control: string;
    switch (c.kind) {
      case "checkbox":
      case "radio":
        control = `<input type="${c.kind}" id="${id}" name="${c.kind === "radio" ? "group" : id}"${on ? " checked" : ""}${flags}${style}${c.label === "aria-label" ? ` aria-label="${attrText(c.text)}"` : ""}${c.label === "aria-labelledby" ? ` aria-labelledby="${id}-l"` : ""}${c.label === "title" ? ` title="${attrText(c.text)}"` : ""}>`;
        break;
      case "role-switch":
        control = `<div role="switch" tabindex="0" id="${id}" aria-checked="${on ? "true" : "false"}"${style}></div>`;
        break;
      case "aria-checked":
        control = `<span role="checkbox" tabindex="0" id="${id}" aria-checked="${c.checked === "mixed" ? "mixed" : on ? "true" : "false"}"${style}></span>`;
        break;
      case "aria-pressed":
        control = `<button type="button" id="${id}" aria-pressed="${on ? "true" : "false"}"${style}>${htmlText(c.text)}</button>`;
        break;
      case "select":
        control = `<select id="${id}"${flags}${style}><option>No</option><option${on ? " selected" : ""}>${htmlText(c.text)}</option></select>`;
        break;
      default:
        control = `<consent-box id="${id}" data-checked="${on}"></consent-box><script>customElements.get("consent-box") || customElements.define("consent-box", class extends HTMLElement { connectedCallback() { const r = this.attachShadow({ mode: Math.random() < 0.5 ? "open" : "closed" }); r.innerHTML = '<label><input type="checkbox"' + (this.dataset.checked === "true" ? " checked" : "") + '> <slot></slot></label>'; } });</script>`;
    }
    const script =
      c.checked === "script"
        ? `<script>(function () { var e = document.getElementById("${id}"); if (e) { e.checked = true; e.setAttribute("aria-checked", "true"); } })();</script>`
        : c.checked === "attr-then-script-off"
          ? `<script>setTimeout(function () { var e = document.getElementById("${id}"); if (e) e.checked = false; }, 50);</script>`
          : "";
    const text = htmlText(c.text);
    switch (c.label) {
      case "wrap":
        return `<label${labelStyle}>${control} ${text}</label>${script}`;
      case "for":
        return `${control}<label for="${id}"${labelStyle}>${text}</label>${script}`;
      case "aria-labelledby":
        return `${control}<span id="${id}-l"${labelStyle}>${text}</span>${script}`;
      default:
        return `${control}<span${labelStyle}>${text}</span>${script}`;
    }
  });

/** Scripts a page might run: finite, but allowed to be rude. */
const scriptArb: fc.Arbitrary<Renderer> = fc
  .constantFrom(
    `document.querySelectorAll("input[type=checkbox]").forEach(function (e, i) { e.checked = i % 2 === 0; });`,
    `setTimeout(function () { var l = document.createElement("label"); l.innerHTML = '<input type="checkbox" checked> Share my browsing history with partners'; (document.querySelector("form") || document.body).appendChild(l); }, 120);`,
    `throw new Error("page script failed");`,
    `Array.prototype.map = function () { return []; }; Object.keys = function () { return []; }; JSON.stringify = function () { return "{}"; };`,
    `window.getComputedStyle = function () { return { fontSize: "16px", opacity: "1", getPropertyValue: function () { return ""; } }; };`,
    `Object.defineProperty(HTMLInputElement.prototype, "checked", { get: function () { return false; }, configurable: true });`,
    `for (var i = 0; i < 3; i++) console.log("noise", i);`,
    `document.body && document.body.insertAdjacentHTML("beforeend", "<div style='position:fixed;inset:0;background:rgba(0,0,0,.5)'></div>");`,
    `var n = 0; var t = setInterval(function () { if (++n > 5) clearInterval(t); document.title = "tick " + n; }, 30);`,
    `history.pushState({}, "", "#step-2");`,
    `fetch("missing.json").catch(function () {});`,
    `requestAnimationFrame(function () { document.documentElement.style.zoom = "0.5"; });`,
  )
  .map((code) => () => `<script>${code}</script>`);

const BLOCK_TAGS = [
  "div",
  "p",
  "form",
  "fieldset",
  "section",
  "main",
  "aside",
  "footer",
  "header",
  "ul",
  "li",
  "dialog",
  "details",
  "summary",
  "table",
  "td",
  "label",
  "a",
  "button",
  "span",
  "b",
  "small",
  "i",
  "legend",
  "h2",
  "template",
  "noscript",
  "slot",
  "iframe-srcdoc",
] as const;

const elementAttrs = fc.record(
  {
    role: fc.constantFrom("dialog", "alertdialog", "region", "group", "presentation", "none", "banner", "checkbox"),
    hidden: fc.constant(""),
    "aria-hidden": fc.constantFrom("true", "false"),
    "aria-modal": fc.constant("true"),
    open: fc.constant(""),
    class: fc.constantFrom("sr-only", "visually-hidden", "cmp", "modal", "x"),
    lang: fc.constantFrom("en", "de", "zh-CN", "fr", "ja", "xx-invalid"),
    dir: fc.constantFrom("rtl", "ltr", "auto"),
    tabindex: fc.constantFrom("0", "-1"),
  },
  { requiredKeys: [] },
);

/** Words on a consent request's buttons and links: accept, refuse (plain and shaming), settings, acknowledge. */
const CHOICE_WORDS = [
  "Accept all",
  "Reject all",
  "Got it",
  "Cookie settings",
  "No thanks, I prefer paying full price",
  "Alle akzeptieren",
  "Nur notwendige",
  "以后再说",
  "残忍拒绝",
  "全部同意",
];

/** A cookie notice or consent dialog: text about optional processing, buttons and a link, sometimes over a blurred, scroll-locked page. */
const choiceArb: fc.Arbitrary<Renderer> = fc
  .record({
    text: fc.constantFrom(...CONSENT),
    buttons: fc.array(fc.tuple(fc.constantFrom(...CHOICE_WORDS), fc.option(styleArb, { nil: undefined })), { minLength: 1, maxLength: 3 }),
    link: fc.option(fc.constantFrom(...CHOICE_WORDS), { nil: undefined }),
    wall: fc.boolean(),
  })
  .map((c) => () => {
    const buttons = c.buttons
      .map(([t, style]) => `<button type="button"${style ? ` style="${attrText(style)}"` : ""}>${htmlText(t)}</button>`)
      .join("");
    const link = c.link ? `<a href="#">${htmlText(c.link)}</a>` : "";
    const layer = c.wall ? "position:fixed;inset:0;background:rgba(0,0,0,.6)" : "position:fixed;left:0;right:0;bottom:0;background:#fff";
    const lock = c.wall ? `<style>html,body{overflow:hidden}</style>` : "";
    return `${lock}<div role="dialog" aria-label="Cookies" style="${layer}"><p>${htmlText(c.text)}</p>${buttons}${link}</div>`;
  });

const { node } = fc.letrec<{ node: Renderer; element: Renderer }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    textArb.map((t) => () => htmlText(t)),
    controlArb,
    choiceArb,
    tie("element"),
    scriptArb,
  ),
  element: fc
    .record({
      tag: fc.constantFrom(...BLOCK_TAGS),
      attrs: elementAttrs,
      style: fc.option(styleArb, { nil: undefined }),
      children: fc.array(tie("node"), { maxLength: 4 }),
    })
    .map((e) => (ctx: Ctx) => {
      const inner = e.children.map((c) => c(ctx)).join("\n");
      const attrs = Object.entries(e.attrs)
        .map(([k, v]) => (v === "" ? ` ${k}` : ` ${k}="${attrText(v)}"`))
        .join("");
      const style = e.style ? ` style="${attrText(e.style)}"` : "";
      if (e.tag === "iframe-srcdoc") {
        const doc = `<!doctype html><html><body>${inner}</body></html>`;
        return `<iframe srcdoc="${attrText(doc)}"${style}></iframe>`;
      }
      return `<${e.tag}${attrs}${style}>${inner}</${e.tag}>`;
    }),
}));

export const ENCODINGS = ["utf-8", "utf-8-undeclared", "utf-16le", "gbk", "shift_jis", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface GeneratedPage {
  html: string;
  /** The page's title text, also used as a hostile target name and error message in reports. */
  title: string;
  encoding: Encoding;
  lang: string;
}

export const pageArb: fc.Arbitrary<GeneratedPage> = fc
  .record({
    lang: fc.constantFrom("en", "de", "zh-CN", "zh-TW", "fr", "ja", ""),
    encoding: fc.constantFrom(...ENCODINGS),
    headCss: fc.array(
      fc.tuple(
        fc.constantFrom(
          "label",
          "input",
          ".cmp",
          "form",
          "p",
          "*",
          "body",
          "[role=dialog]",
          "input:checked + label",
          "label::before",
          "@media (max-width: 500px) { label",
        ),
        styleArb,
      ),
      { maxLength: 3 },
    ),
    body: fc.array(node, { minLength: 1, maxLength: 5 }),
    button: fc.constantFrom("Create account", "Continue", "Accept all", "Pay now", "注册", "Weiter", ""),
    title: textArb,
  })
  .map((p) => {
    const ctx: Ctx = { id: 0 };
    const css = p.headCss.map(([sel, style]) => `${sel} { ${style} }${sel.startsWith("@media") ? " }" : ""}`).join("\n");
    const meta = p.encoding === "utf-8-undeclared" || p.encoding === "utf-16le" ? "" : `<meta charset="${p.encoding}">`;
    const html = `<!DOCTYPE html>
<html${p.lang ? ` lang="${p.lang}"` : ""}>
<head>${meta}<title>${htmlText(p.title.slice(0, 80))}</title><style>${css.replace(/<\//g, "<\\/")}</style></head>
<body>
<form action="#" method="post">
${p.body.map((n) => n(ctx)).join("\n")}
${p.button ? `<button type="submit">${htmlText(p.button)}</button>` : ""}
</form>
</body>
</html>`;
    return { html, title: p.title, encoding: p.encoding, lang: p.lang };
  });

// ---------------------------------------------------------------- encodings

const encoders = new Map<string, Map<string, number[]>>();

/** Characters of a legacy encoding and their bytes, learnt from the platform decoder. */
function tableOf(label: string): Map<string, number[]> {
  let table = encoders.get(label);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(label, { fatal: true });
  const learn = (bytes: number[]) => {
    try {
      const ch = decoder.decode(Uint8Array.from(bytes));
      if ([...ch].length === 1 && !table!.has(ch)) table!.set(ch, bytes);
    } catch {
      /* not a character in this encoding */
    }
  };
  for (let b = 0; b < 0x80; b++) learn([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) learn([lead, trail]);
  for (let b = 0x80; b <= 0xff; b++) learn([b]);
  encoders.set(label, table);
  return table;
}

/** The page's bytes in its encoding; characters the encoding lacks become character references, as an editor saving the page would write. */
export function encodePage(page: GeneratedPage): Buffer {
  if (page.encoding === "utf-8" || page.encoding === "utf-8-undeclared") return Buffer.from(page.html, "utf8");
  if (page.encoding === "utf-16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page.html, "utf16le")]);
  const table = tableOf(page.encoding);
  const out: number[] = [];
  for (const ch of page.html) {
    const bytes = table.get(ch);
    if (bytes) out.push(...bytes);
    else for (const b of Buffer.from(`&#${ch.codePointAt(0)};`, "ascii")) out.push(b);
  }
  return Buffer.from(out);
}

// ---------------------------------------------------------------- corpus mutations

/** Every corpus page (not the hostile ones: their endless loops are tested on their own). */
export function corpusPages(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "index.html") out.push(full);
    }
  };
  walk(root);
  return out;
}

type Mutation =
  | { kind: "delete" | "duplicate" | "truncate"; at: number; len: number }
  | { kind: "insert"; at: number; html: string }
  | { kind: "bytes"; at: number; bytes: number[] }
  | { kind: "toggle-checked" | "strip-styles" | "unclose" };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("delete" as const, "duplicate" as const, "truncate" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    html: node.map((r) => r({ id: 900 })),
  }),
  fc.record({
    kind: fc.constant("bytes" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constantFrom("toggle-checked" as const, "strip-styles" as const, "unclose" as const) }),
);

export function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let b = bytes;
  for (const m of mutations) {
    const at = "at" in m ? Math.floor(m.at * b.length) : 0;
    switch (m.kind) {
      case "delete":
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
        break;
      case "duplicate":
        b = Buffer.concat([b.subarray(0, at + m.len), b.subarray(at, at + m.len), b.subarray(at + m.len)]);
        break;
      case "truncate":
        b = b.subarray(0, Math.max(at, 1));
        break;
      case "insert":
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.html, "utf8"), b.subarray(at)]);
        break;
      case "bytes":
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
        break;
      case "toggle-checked": {
        const text = b.toString("latin1");
        b = Buffer.from(
          /\schecked\b/.test(text) ? text.replace(/\schecked\b/g, "") : text.replace(/<input\b/g, "<input checked"),
          "latin1",
        );
        break;
      }
      case "strip-styles":
        b = Buffer.from(b.toString("latin1").replace(/<style[\s\S]*?<\/style>/g, ""), "latin1");
        break;
      case "unclose":
        b = Buffer.from(b.toString("latin1").replace(/<\/(div|form|label|p|section)>/g, ""), "latin1");
        break;
    }
  }
  return b;
}
