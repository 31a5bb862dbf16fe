/**
 * What the behaviour rules call tracking data (rules.md, "Tracking data"):
 * pure verdicts on one cookie, storage key or request, each with the reason
 * the evidence gives.
 */
import type { Party } from "../types.js";
import { hostOf, siteOf } from "../site.js";
import { findHost, TRACKER_HOSTS } from "./hosts.js";
import { CONSENT_NAMES, findName, NECESSARY_NAMES, TRACKING_NAMES, type NameEntry } from "./names.js";
import type { TrackerDb } from "./trackerdb.js";

export type TrackingCategory = "analytics" | "advertising";

export interface DataVerdict {
  tracking: boolean;
  /**
   * known-name: a name analytics or advertising vendors use; third-party-cookie: any cookie of another site;
   * consent-choice: a consent manager's own record of the choice; necessary: session, CSRF, load balancer,
   * bot defence or language; unlisted: a first-party name nothing lists.
   */
  reason: "known-name" | "third-party-cookie" | "consent-choice" | "necessary" | "unlisted";
  vendor?: string;
  category?: TrackingCategory;
  /** What the name is for, as its vendor documents it. */
  purpose?: string;
}

/** The verdict on a name analytics or advertising vendors use. */
function knownName(known: NameEntry): DataVerdict {
  return {
    tracking: true,
    reason: "known-name",
    vendor: known.vendor,
    category: known.category as TrackingCategory,
    purpose: known.purpose,
  };
}

/**
 * A cookie's verdict. `domain` is the cookie's domain, `site` the page's
 * site, `party` whether the cookie's site is the page's. A known tracking
 * name is tracking whoever sets it; any other third-party cookie is
 * tracking (it can follow the person across sites); a first-party consent
 * choice, necessary or unlisted cookie is not.
 */
export function classifyCookie(name: string, domain: string, site: string, party: Party): DataVerdict {
  const cookieSite = siteOf(domain) || site;
  const known = findName(TRACKING_NAMES, name, cookieSite);
  if (known) return knownName(known);
  if (party === "third") {
    const consent = findName(CONSENT_NAMES, name, cookieSite);
    return { tracking: true, reason: "third-party-cookie", ...(consent ? { vendor: consent.vendor, purpose: consent.purpose } : {}) };
  }
  const consent = findName(CONSENT_NAMES, name, cookieSite);
  if (consent) return { tracking: false, reason: "consent-choice", vendor: consent.vendor, purpose: consent.purpose };
  const necessary = findName(NECESSARY_NAMES, name, cookieSite);
  if (necessary) return { tracking: false, reason: "necessary", vendor: necessary.vendor, purpose: necessary.purpose };
  return { tracking: false, reason: "unlisted" };
}

/** A localStorage or sessionStorage key's verdict: known tracking names (the same vendors keep the same ids there), consent choices, or unlisted. */
export function classifyStorageKey(key: string): DataVerdict {
  const known = findName(TRACKING_NAMES, key, null);
  if (known) return knownName(known);
  const consent = findName(CONSENT_NAMES, key, null);
  if (consent) return { tracking: false, reason: "consent-choice", vendor: consent.vendor, purpose: consent.purpose };
  return { tracking: false, reason: "unlisted" };
}

export interface RequestVerdict {
  tracker: boolean;
  /**
   * listed-host: a third-party host the built-in list or the installed database lists as advertising or analytics;
   * identifier-cookie: a third-party request carrying a cookie that can identify the person; first-party: the
   * page's own site; listed-other: the database lists the host in another category (consent, utilities, ...);
   * unlisted: a third party nothing lists, without identifier cookies.
   */
  reason: "listed-host" | "identifier-cookie" | "first-party" | "listed-other" | "unlisted";
  host: string;
  vendor?: string;
  category?: TrackingCategory;
  /** Where the listing came from: "built-in" or the database's package and version. */
  source?: string;
  /** The identifier cookies the request carried. */
  cookies?: string[];
}

/** The path of a URL, "" when it is not one. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

/**
 * A request's verdict. `site` is the page's site, `party` whether the
 * request's site is the page's, `cookiesSent` the names of the cookies it
 * carried; `db` the optional tracker database (trackerdb.ts). Only a third
 * party can be a tracker. A cookie carried to a third party identifies the
 * person unless it is a consent choice or a necessary cookie by name.
 */
export function classifyRequest(
  url: string,
  site: string,
  party: Party,
  cookiesSent: readonly string[],
  db?: TrackerDb | null,
): RequestVerdict {
  const host = hostOf(url);
  if (party === "first") return { tracker: false, reason: "first-party", host };
  const listed = findHost(TRACKER_HOSTS, host, pathOf(url));
  if (listed) return { tracker: true, reason: "listed-host", host, vendor: listed.vendor, category: listed.category, source: "built-in" };
  const match = db?.lookup(host) ?? null;
  if (match?.category)
    return { tracker: true, reason: "listed-host", host, vendor: match.vendor, category: match.category, source: db?.source };
  const requestSite = siteOf(host) || site;
  const identifiers = cookiesSent.filter((name) => {
    const verdict = classifyCookie(name, requestSite, requestSite, "first");
    return verdict.reason === "known-name" || verdict.reason === "unlisted";
  });
  if (identifiers.length > 0) return { tracker: true, reason: "identifier-cookie", host, cookies: identifiers };
  if (match) return { tracker: false, reason: "listed-other", host, vendor: match.vendor, source: db?.source };
  return { tracker: false, reason: "unlisted", host };
}
