/**
 * Generated pages for `npm run bench`: signup, checkout and spending-report
 * pages of realistic size and depth (site header with navigation, a form or
 * report, a long footer, a shared stylesheet; 1,000 to 3,000 elements), some
 * with consent boxes pre-checked, hidden or bundled, some with a consent box
 * or cookie dialog a timer adds after load.
 *
 * Deterministic: the same seed gives the same pages. Written to a folder the
 * caller chooses (never committed).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

/** Small seeded PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "account balance bill card cashback category coffee delivery discount energy entertainment gift grocery health " +
  "insurance invoice loyalty member monthly order payment points premium purchase receipt refund rent saving " +
  "shipping statement streaming subscription summary transfer travel utilities wallet yearly review spending plan"
).split(" ");
const CITIES = ["Berlin", "Lisbon", "Leeds", "Austin", "Osaka", "Lyon", "Porto", "Denver", "Malmo", "Graz"];
const COUNTRIES = Array.from({ length: 200 }, (_, i) => `Country ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`);

/** The site stylesheet every page links: a few hundred rules, as a real site's CSS. */
export function siteCss() {
  const rules = [
    "*,*::before,*::after{box-sizing:border-box}",
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2330;background:#fff}",
    ".site-header{display:flex;align-items:center;gap:24px;padding:12px 32px;border-bottom:1px solid #e3e6ea;background:#fff;position:sticky;top:0;z-index:10}",
    ".logo{font-weight:700;font-size:22px;color:#0b5cad;text-decoration:none}",
    ".main-nav ul{display:flex;gap:16px;list-style:none;margin:0;padding:0}",
    ".main-nav li{position:relative}",
    ".main-nav .mega{display:none;position:absolute;top:100%;left:0;background:#fff;box-shadow:0 4px 16px rgba(0,0,0,.12);padding:16px;width:560px}",
    ".main-nav li:hover .mega{display:grid;grid-template-columns:repeat(3,1fr)}",
    ".search input{padding:6px 10px;border:1px solid #c8ced6;border-radius:4px}",
    ".container{max-width:1120px;margin:0 auto;padding:24px 32px}",
    ".grid{display:grid;grid-template-columns:2fr 1fr;gap:32px}",
    ".card{border:1px solid #e3e6ea;border-radius:8px;padding:16px;background:#fff}",
    "h1{font-size:32px;margin:0 0 16px}h2{font-size:22px;margin:24px 0 12px}h3{font-size:17px}",
    "label{display:block;margin:8px 0 4px;font-weight:500}",
    "input[type=text],input[type=email],input[type=password],input[type=tel],select{width:100%;padding:8px 10px;border:1px solid #c8ced6;border-radius:4px;font-size:15px}",
    ".check{display:flex;gap:8px;align-items:flex-start;font-weight:400}",
    ".check input{margin-top:4px}",
    ".btn{display:inline-block;background:#0b5cad;color:#fff;border:0;border-radius:6px;padding:12px 24px;font-size:16px;cursor:pointer}",
    ".btn-secondary{background:#fff;color:#0b5cad;border:1px solid #0b5cad}",
    ".fine-print{font-size:9px;color:#c4c4c4;line-height:1.2}",
    ".muted{color:#5b6472;font-size:14px}",
    ".steps{display:flex;gap:8px;list-style:none;padding:0}.steps li{padding:4px 12px;border-radius:12px;background:#eef2f6}.steps .current{background:#0b5cad;color:#fff}",
    "table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #eef0f3;text-align:left;font-size:14px}",
    ".bar-chart{display:flex;align-items:flex-end;gap:4px;height:160px}.bar{background:#5b9bd5;width:100%}",
    ".stat{display:inline-block;margin-right:24px}.stat b{display:block;font-size:24px}",
    ".site-footer{background:#1d2330;color:#c8ced6;padding:32px}.site-footer a{color:#c8ced6;text-decoration:none;font-size:14px}",
    ".footer-cols{display:grid;grid-template-columns:repeat(5,1fr);gap:16px}.footer-cols ul{list-style:none;padding:0}",
    ".cookie-dialog{position:fixed;left:24px;right:24px;bottom:24px;background:#fff;box-shadow:0 8px 32px rgba(0,0,0,.25);padding:20px;border-radius:10px;z-index:100}",
    ".cookie-dialog .row{display:flex;justify-content:space-between;padding:6px 0;border-bottom:1px solid #eee}",
    ".toast{position:fixed;top:80px;right:24px;background:#fff;border:1px solid #ddd;padding:12px;z-index:50}",
    ".product{display:grid;grid-template-columns:64px 1fr auto auto;gap:12px;align-items:center;padding:8px 0;border-bottom:1px solid #f0f0f0}",
    ".thumb{width:64px;height:64px;background:#e9eef3;border-radius:4px}",
    "details summary{cursor:pointer;color:#0b5cad}",
    ".badge{display:inline-block;background:#ffe9a8;border-radius:4px;padding:0 6px;font-size:12px}",
    "@media (max-width:700px){.grid{grid-template-columns:1fr}.footer-cols{grid-template-columns:1fr 1fr}.main-nav{display:none}}",
  ];
  for (let i = 0; i < 240; i++) {
    rules.push(`.u-${i}{margin:${i % 7}px ${i % 5}px;color:rgb(${(i * 37) % 200},${(i * 53) % 200},${(i * 71) % 200})}`);
    rules.push(`.section-${i % 40} .item-${i % 12} > span{font-size:${12 + (i % 6)}px}`);
  }
  return rules.join("\n") + "\n";
}

/** A small shared script (analytics-like): reads the page, sends nothing. */
export function siteJs() {
  return `(function(){var n=document.querySelectorAll('a').length;window.__siteLinks=n;})();\n`;
}

function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  const s = out.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function header(r, site) {
  const sections = ["Products", "Plans", "Business", "Help", "Offers", "About"];
  const nav = sections
    .map((s, i) => {
      const links = Array.from(
        { length: 16 + Math.floor(r() * 10) },
        (_, k) => `<li><a href="/${s.toLowerCase()}/${k}"><span>${words(r, 2)}</span></a></li>`,
      ).join("");
      return `<li><a href="/${s.toLowerCase()}">${s}</a><div class="mega"><ul class="u-${i}">${links}</ul></div></li>`;
    })
    .join("");
  return `<header class="site-header"><a class="logo" href="/">${site}</a>
<nav class="main-nav" aria-label="Main"><ul>${nav}</ul></nav>
<form class="search" role="search"><input type="search" name="q" placeholder="Search ${site}" aria-label="Search"></form>
<a href="/account">My account</a></header>`;
}

function footer(r, site) {
  const cols = ["Company", "Support", "Legal", "Products", "Community"]
    .map(
      (c) =>
        `<div><h3>${c}</h3><ul>${Array.from({ length: 14 + Math.floor(r() * 12) }, (_, k) => `<li><a href="/${c.toLowerCase()}/${k}">${words(r, 2)}</a></li>`).join("")}</ul></div>`,
    )
    .join("");
  return `<footer class="site-footer"><div class="footer-cols">${cols}</div>
<p class="muted">&copy; 2024 ${site} Ltd. Registered office: 1 Example Street, ${CITIES[Math.floor(r() * CITIES.length)]}. <a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></p></footer>`;
}

/** Consent variants a page can carry. */
const VARIANTS = ["clean", "prechecked", "hidden", "bundled", "injected", "prechecked+hidden", "injected-cookie"];

/** One consent block: the boxes under the form, readable and unticked when clean. */
function consentBlock(variant, r) {
  const partner = ["our insurance partners", "selected advertisers", "our credit-scoring partner", "travel partners"][Math.floor(r() * 4)];
  const checked = variant.includes("prechecked") ? " checked" : "";
  const labelClass = variant.includes("hidden") ? ' class="fine-print"' : "";
  return `<fieldset class="consents"><legend>Your choices</legend>
<label class="check"><input type="checkbox" name="terms" required> I accept the <a href="/terms">terms of service</a></label>
<label class="check"><input type="checkbox" name="marketing"${checked}><span${labelClass}>Send me offers by email and share my details with ${partner} for marketing</span></label>
<label class="check"><input type="checkbox" name="remember" checked> Remember me on this device</label></fieldset>`;
}

function bundledStatement(action) {
  return `<p class="muted">By clicking ${action} you agree that we may share your purchase history with our advertising partners for personalised offers.</p>`;
}

/** A script that adds a consent box (or a cookie dialog) a while after load, as consent tools do. */
function injectedScript(variant, r) {
  const delay = 200 + Math.floor(r() * 1000);
  if (variant === "injected-cookie") {
    const rows = ["Strictly necessary", "Analytics", "Advertising", "Personalisation"]
      .map(
        (p, i) =>
          `<div class="row"><span>${p}</span><input type="checkbox" role="switch" aria-label="${p}"${i === 0 ? " checked disabled" : i === 2 ? " checked" : ""}></div>`,
      )
      .join("");
    return `<script>setTimeout(function(){var d=document.createElement('div');d.className='cookie-dialog';d.setAttribute('role','dialog');d.setAttribute('aria-label','Cookie settings');d.innerHTML=${JSON.stringify(
      `<h2>We value your privacy</h2><p>We use cookies for analytics and advertising.</p>${rows}<button class="btn">Accept all</button> <button class="btn btn-secondary">Save choices</button>`,
    )};document.body.appendChild(d);},${delay});</script>`;
  }
  return `<script>setTimeout(function(){var f=document.querySelector('form.main-form .consents')||document.querySelector('form');var l=document.createElement('label');l.className='check';l.innerHTML=${JSON.stringify(
    `<input type="checkbox" name="partner-share"> Share my details with our car-rental partner`,
  )};f.appendChild(l);l.querySelector('input').checked=true;},${delay});</script>`;
}

function signupPage(r, site, variant) {
  const features = Array.from(
    { length: 16 + Math.floor(r() * 16) },
    (_, i) =>
      `<div class="card section-${i % 40}"><h3>${words(r, 3)}</h3><ul>${Array.from({ length: 5 }, (_, k) => `<li class="item-${k}"><span>${words(r, 6)}</span></li>`).join("")}</ul></div>`,
  ).join("");
  const faq = Array.from({ length: 14 }, () => `<details><summary>${words(r, 6)}?</summary><p>${words(r, 30)}.</p></details>`).join("");
  const countries = COUNTRIES.map((c) => `<option>${c}</option>`).join("");
  const days = Array.from({ length: 31 }, (_, i) => `<option>${i + 1}</option>`).join("");
  const years = Array.from({ length: 90 }, (_, i) => `<option>${2010 - i}</option>`).join("");
  return {
    title: `Create your ${site} account`,
    main: `<div class="container"><h1>Create your ${site} account</h1><div class="grid">
<form class="main-form card" action="/signup" method="post">
<label for="n">Full name</label><input type="text" id="n" name="name" autocomplete="name" required>
<label for="e">Email</label><input type="email" id="e" name="email" required>
<label for="p">Password</label><input type="password" id="p" name="password" required>
<label for="c">Country</label><select id="c" name="country">${countries}</select>
<label>Date of birth</label><select name="day" aria-label="Day">${days}</select><select name="year" aria-label="Year">${years}</select>
${consentBlock(variant, r)}
${variant === "bundled" ? bundledStatement("Create account") : ""}
<button class="btn" type="submit">Create account</button></form>
<aside><div class="card"><h2>Why join?</h2><p>${words(r, 40)}.</p></div></aside></div>
<h2>What you get</h2><div class="grid">${features}</div><h2>Questions</h2>${faq}</div>`,
  };
}

function checkoutPage(r, site, variant) {
  const items = Array.from({ length: 20 + Math.floor(r() * 40) }, (_, i) => {
    const qty = Array.from({ length: 10 }, (_, k) => `<option${k === 0 ? " selected" : ""}>${k + 1}</option>`).join("");
    return `<div class="product section-${i % 40}"><div class="thumb" role="img" aria-label="${words(r, 2)}"></div><div><span class="item-${i % 12}"><span>${words(r, 4)}</span></span><div class="muted">Sold by ${site}, ${words(r, 3)}</div></div><select aria-label="Quantity">${qty}</select><b>&euro;${(r() * 90 + 5).toFixed(2)}</b></div>`;
  }).join("");
  const shipping = ["Standard (3-5 days)", "Express (1-2 days)", "Pick up in store"]
    .map((s, i) => `<label class="check"><input type="radio" name="ship"${i === 0 ? " checked" : ""}> ${s}</label>`)
    .join("");
  const addr = ["Street", "House number", "Postcode", "City", "Phone"]
    .map((f, i) => `<label for="a${i}">${f}</label><input type="text" id="a${i}" name="a${i}">`)
    .join("");
  return {
    title: `Checkout - ${site}`,
    main: `<div class="container"><ol class="steps"><li>Basket</li><li>Address</li><li class="current">Payment</li><li>Done</li></ol>
<h1>Review and pay</h1><div class="grid"><div><h2>Your basket</h2>${items}</div>
<form class="main-form card" action="/pay" method="post"><h2>Delivery</h2>${addr}${shipping}
<h2>Payment</h2><label for="cc">Card number</label><input type="text" id="cc" name="cc" autocomplete="cc-number">
<label for="ex">Expiry</label><input type="text" id="ex" name="exp">
${consentBlock(variant, r)}
${variant === "bundled" ? bundledStatement("Pay now") : `<p class="muted">By clicking Pay now you agree to our <a href="/terms">Terms of Sale</a>.</p>`}
<button class="btn" type="submit">Pay now</button></form></div></div>`,
  };
}

function reportPage(r, site, variant) {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const bars = months.map((m) => `<div class="bar" style="height:${Math.floor(20 + r() * 140)}px" title="${m}"></div>`).join("");
  const categories = ["Groceries", "Travel", "Dining", "Bills", "Shopping", "Health"];
  const table = months
    .map((m) => `<tr><th scope="row">${m}</th>${categories.map(() => `<td>&euro;${(r() * 900).toFixed(2)}</td>`).join("")}</tr>`)
    .join("");
  const tx = Array.from(
    { length: 100 + Math.floor(r() * 250) },
    (_, i) =>
      `<tr class="section-${i % 40}"><td>${1 + (i % 28)} ${months[i % 12]}</td><td><span class="item-${i % 12}"><span>${words(r, 3)}</span></span></td><td>${categories[i % 6]}</td><td>&euro;${(r() * 200).toFixed(2)}</td></tr>`,
  ).join("");
  const consent =
    variant === "clean"
      ? `<div class="card"><h2>Share your report?</h2>${consentBlock(variant, r).replace("required", "")}<button class="btn btn-secondary" type="button">Save choices</button></div>`
      : `<form class="main-form card"><h2>Keep your report</h2>${consentBlock(variant, r).replace(" required", "")}${
          variant === "bundled"
            ? `<p class="muted">To view your full year in review you agree that we share your statement data with our credit-scoring partner.</p>`
            : ""
        }<button class="btn" type="submit">View my full report</button></form>`;
  return {
    title: `Your 2024 year in review - ${site}`,
    main: `<div class="container"><h1>Your 2024 year in review</h1>
<div class="card"><span class="stat"><b>&euro;${(r() * 30000).toFixed(0)}</b>spent</span><span class="stat"><b>${Math.floor(r() * 2000)}</b>payments</span><span class="stat"><b>${Math.floor(r() * 400)}</b>points</span></div>
<h2>Month by month</h2><div class="bar-chart" role="img" aria-label="Spending per month">${bars}</div>
<table><thead><tr><th>Month</th>${categories.map((c) => `<th scope="col">${c}</th>`).join("")}</tr></thead><tbody>${table}</tbody></table>
<h2>All payments</h2><table><thead><tr><th>Date</th><th>Merchant</th><th>Category</th><th>Amount</th></tr></thead><tbody>${tx}</tbody></table>
${consent}</div>`,
  };
}

const KINDS = [signupPage, checkoutPage, reportPage];
const SITES = ["Brightwater", "Northwind", "Lumen Bank", "Parcelly", "Fjord Air", "Kestrel", "Orchard Pay", "Tallyho"];

/** The HTML of generated page `i`, and what it holds (for the record). */
export function generatePage(i, seed = 1) {
  const r = rng(seed * 100_003 + i * 7919);
  const kind = KINDS[i % KINDS.length];
  const variant = VARIANTS[Math.floor(r() * VARIANTS.length)];
  const site = SITES[Math.floor(r() * SITES.length)];
  const body = kind(r, site, variant);
  const injected = variant.startsWith("injected") ? injectedScript(variant, r) : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${body.title}</title><link rel="stylesheet" href="site.css"><script src="site.js" defer></script></head>
<body>${header(r, site)}<main>${body.main}</main>${footer(r, site)}${injected}</body></html>\n`;
  return { html, kind: kind.name.replace(/Page$/, ""), variant };
}

/**
 * Writes `count` pages (plus the shared site.css and site.js) into `dir`,
 * reusing the folder when it already holds the same set.
 */
export function writePages(dir, count, seed = 1) {
  const stamp = join(dir, ".generated.json");
  const want = JSON.stringify({ count, seed, version: 1 });
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return listPages(dir, count);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "site.css"), siteCss());
  writeFileSync(join(dir, "site.js"), siteJs());
  for (let i = 0; i < count; i++) writeFileSync(join(dir, pageName(i)), generatePage(i, seed).html);
  writeFileSync(stamp, want);
  return listPages(dir, count);
}

function pageName(i) {
  return `page-${String(i).padStart(4, "0")}.html`;
}

function listPages(dir, count) {
  return Array.from({ length: count }, (_, i) => join(dir, pageName(i)));
}

/** Element count of a page's HTML (start tags), for describing the set. */
export function elementCount(html) {
  return (html.match(/<[a-z][a-z0-9-]*[\s>]/gi) ?? []).length;
}
