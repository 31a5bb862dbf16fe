/**
 * The site boundary of the behaviour rules (rules.md): a host's site is its
 * registrable domain by the public suffix list, private section included (as
 * browsers use it, so `a.github.io` and `b.github.io` are different sites);
 * an IP address, `localhost` or a name without a registrable domain is its
 * own site. So `127.0.0.1` and `localhost` are different sites.
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

/** The site of a URL, host or cookie domain: its registrable domain, or the host itself for an IP address, `localhost` and names without one. */
export function siteOf(urlOrHost: string): string {
  const host = hostOf(urlOrHost);
  if (host === "") return "";
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return host;
  return info.domain ?? host;
}

/** First party when `site` is the page's site, third party otherwise. */
export function partyOf(site: string, pageSite: string): Party {
  return site !== "" && site === pageSite ? "first" : "third";
}
