/**
 * Throughput of static mode: lints generated pages (a styled article with a
 * signup form and a cookie dialog, about the size of a real landing page)
 * through the state pipeline as `lint --static` does, and logs pages per
 * second, by the clock and by this process's CPU time (which a busy machine
 * inflates less), with the CPU time of building the model and of the rules
 * taken from the pipeline's phases. Run after `npm run build`:
 *
 *   node dist/lint/static/bench.js [pages] [rounds]
 *
 * It measures; it asserts nothing.
 */
import { pathToFileURL } from "node:url";
import { selectRules } from "../run/engine.js";
import { Deadline } from "../run/deadline.js";
import { emptyResult } from "../run/results.js";
import { StaticState } from "../run/static-source.js";
import { lintState, NO_OUTPUTS, type Phase } from "../run/state.js";
import { allRules } from "../rule-set.js";

const PURPOSES = [
  ["Marketing emails", "Send me offers and news from selected partners by email"],
  ["Personalised ads", "Show me personalised advertising based on my browsing"],
  ["Analytics", "Allow analytics cookies to measure how the site is used"],
  ["Partner sharing", "Share my contact details with our insurance partners"],
  ["Location", "Use my precise location to suggest nearby stores"],
];

function colour(i: number): string {
  const v = (i * 37) % 200;
  return `rgb(${v}, ${(v * 3) % 255}, ${(v * 7) % 255})`;
}

/** One generated page; `seed` varies colours, sizes, which boxes are ticked and which parts are hidden. */
export function generatePage(seed: number): string {
  const rules: string[] = [];
  for (let i = 0; i < 120; i++) {
    rules.push(`.c${i} .item-${i % 9} > span { color: ${colour(i + seed)}; font-size: ${10 + (i % 8)}px; }`);
    rules.push(`#sec-${i % 20} p.note-${i % 5} { opacity: ${(0.5 + (i % 5) / 10).toFixed(1)}; }`);
  }
  rules.push(
    ".dialog { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; padding: 16px; }",
    ".fine { font-size: 9px; color: #bbb; }",
    ".sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }",
    `@media (max-width: 600px) { .dialog { font-size: 14px; } }`,
    "details.more > p { margin: 0; }",
    ".btn { background: #0a58ca; color: #fff; padding: 8px 16px; border-radius: 4px; }",
  );
  const sections: string[] = [];
  for (let s = 0; s < 20; s++) {
    const items = Array.from({ length: 6 }, (_, i) => `<li class="item-${i}"><span>Item ${s}-${i}</span> with <a href="/p/${i}">details</a></li>`).join("");
    sections.push(
      `<section id="sec-${s}" class="c${(s + seed) % 120}"><h2>Section ${s}</h2><p class="note-${s % 5}">Paragraph ${s} about the product, with <strong>emphasis</strong> and <em>more words</em> for a realistic length of text in the block.</p><ul>${items}</ul></section>`,
    );
  }
  const toggles = PURPOSES.map(
    ([name, text], i) =>
      `<div class="row"><label for="p${i}">${name}</label><input type="checkbox" role="switch" id="p${i}" ${(seed + i) % 3 === 0 ? "checked" : ""}><p class="desc ${i === seed % 5 ? "fine" : ""}">${text}</p></div>`,
  ).join("");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bench page ${seed}</title><style>${rules.join("\n")}</style></head>
<body><header><h1>Shop ${seed}</h1><nav><a href="/">Home</a> <a href="/deals" class="btn">Deals</a></nav></header>
<main>${sections.join("")}
<form id="signup"><h2>Create your account</h2>
<label>Email <input type="email" name="email" required></label>
<label>Password <input type="password" name="password" required></label>
<label class="agree"><input type="checkbox" name="terms" required> I accept the <a href="/terms">terms of service</a></label>
<label class="agree"><input type="checkbox" name="share" ${seed % 2 === 0 ? "checked" : ""}> <span class="fine">Share my details with partners for marketing</span></label>
<details class="more"><summary>More options</summary><p><label><input type="checkbox" name="ads" checked> Personalised ads</label></p></details>
<button type="submit" class="btn">Sign up</button></form></main>
<div class="dialog" role="dialog" aria-label="Cookie settings"><h2>We value your privacy</h2>${toggles}
<span class="sr-only">Choose which cookies we may set</span><button class="btn">Accept all</button> <button>Save choices</button></div>
<iframe srcdoc="&lt;p&gt;Embedded offer &lt;label&gt;&lt;input type=checkbox checked&gt; Send me partner offers&lt;/label&gt;&lt;/p&gt;"></iframe>
</body></html>`;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function run(pages: number, rounds: number): Promise<void> {
  const html = Array.from({ length: pages }, (_, i) => generatePage(i));
  const bytes = html.reduce((n, h) => n + h.length, 0);
  process.stderr.write(`static mode: ${pages} generated pages, ${Math.round(bytes / pages / 1024)} KiB each\n`);
  const viewport = { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false };
  const engine = { rules: selectRules(allRules, []), languages: [], ignore: [] };
  for (let round = 1; round <= rounds; round++) {
    const start = performance.now();
    let model = 0;
    let rules = 0;
    let controls = 0;
    for (let i = 0; i < html.length; i++) {
      const url = `https://bench.example/${i}`;
      const source = new StaticState({ kind: "html", html: html[i], url }, { viewport, locale: null, input: url, timeoutMs: 60_000 });
      const base = emptyResult({ target: url, url, viewport, locale: null });
      let mark = cpuMs();
      const onPhase = (phase: Phase) => {
        const now = cpuMs();
        if (phase === "read") model += now - mark;
        if (phase === "rules") rules += now - mark;
        mark = now;
      };
      const { result } = await lintState(source, { base, label: url, engine, keepModel: true }, NO_OUTPUTS, new Deadline(60_000), { onPhase });
      if (result.error !== undefined) throw new Error(result.error);
      controls += result.model?.controls.length ?? 0;
    }
    const ms = performance.now() - start;
    const heap = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    process.stderr.write(
      `round ${round}: ${(pages / (ms / 1000)).toFixed(1)} pages/s by the clock, ${(pages / ((model + rules) / 1000)).toFixed(1)} by CPU time (model ${(model / pages).toFixed(1)} ms, rules ${(rules / pages).toFixed(1)} ms per page; ${controls} controls, heap ${heap} MiB)\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pages = Number(process.argv[2] ?? 50) || 50;
  const rounds = Number(process.argv[3] ?? 3) || 3;
  await run(pages, rounds);
}
