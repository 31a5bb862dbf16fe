/**
 * The site boundary of the behaviour rules (rules.md): the registrable
 * domain by the public suffix list (`tldts`). An IP address is a site of its
 * own, and `localhost` (with its subdomains) is one site: `127.0.0.1` and
 * `localhost` are different sites. A URL with no host (data:, blob:,
 * about:) names no site ("").
 */
import { getDomain, parse } from "tldts";
import type { Party } from "./types.js";

/** The registrable domain of a host name (a cookie's domain may start with a dot). */
export function siteOfHost(host: string): string {
  const h = host.trim().toLowerCase().replace(/^\./, "").replace(/\.$/, "");
  if (h === "") return "";
  if (h.startsWith("[") || parse(h).isIp) return h;
  if (h === "localhost" || h.endsWith(".localhost")) return "localhost";
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
}

/** The host of a URL ("" when it has none). */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

export function siteOfUrl(url: string): string {
  return siteOfHost(hostOfUrl(url));
}

/** Another site than the page's is a third party; no site (data:, blob:) is the page's own. */
export function partyOf(site: string, topSite: string): Party {
  return site === "" || topSite === "" || site === topSite ? "first" : "third";
}
