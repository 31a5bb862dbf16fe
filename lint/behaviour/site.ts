/**
 * The site boundary of the behaviour rules (rules.md): a host's site is its
 * registrable domain by the public suffix list, private section included (as
 * browsers use it, so `a.github.io` and `b.github.io` are different sites);
 * an IP address or a name without a registrable domain is its own site, and
 * `localhost` with its subdomains is one site. So `127.0.0.1` and
 * `localhost` are different sites. A URL with no host (data:, blob:,
 * about:) names no site (""), and counts as the page's own.
 */
import { parse } from "tldts";
import type { Party } from "./types.js";

/** The lower-case host name of a URL, a host, or a cookie domain (a leading dot dropped); "" when there is none. */
export function hostOf(urlOrHost: string): string {
  const text = urlOrHost.trim();
  if (text === "") return "";
  const bare = text.includes("://") ? text : text.replace(/^\.+/, "");
  const host = parse(bare, { allowPrivateDomains: true }).hostname ?? "";
  return host.toLowerCase().replace(/^\.+/, "").replace(/\.$/, "");
}

/** The site of a URL, host or cookie domain: its registrable domain; the host itself for an IP address and names without one; "localhost" for it and its subdomains. */
export function siteOf(urlOrHost: string): string {
  const host = hostOf(urlOrHost);
  if (host === "") return "";
  if (host === "localhost" || host.endsWith(".localhost")) return "localhost";
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return host;
  return info.domain ?? host;
}

/** The site of a host name or cookie domain. */
export function siteOfHost(host: string): string {
  return siteOf(host.includes("://") ? host : host.replace(/^\.+/, ""));
}

/** The host of a URL ("" when it has none). */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/** The site of a URL ("" when it has no host). */
export function siteOfUrl(url: string): string {
  const host = hostOfUrl(url);
  return host === "" ? "" : siteOf(host);
}

/** First party when `site` is the page's site, or names none (data:, blob:); third party otherwise. */
export function partyOf(site: string, pageSite: string): Party {
  return site === "" || pageSite === "" || site === pageSite ? "first" : "third";
}
