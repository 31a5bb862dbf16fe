/**
 * The built-in list of tracker hosts: the major analytics and advertising
 * services whose tags most sites load, each from the vendor's own
 * documentation of where its tag loads from and sends to. It is the
 * baseline every run has; a maintained tracker database the user installs
 * adds to it (trackerdb.ts, docs/trackers.md).
 *
 * A host entry matches the host and every subdomain of it; an entry with a
 * path prefix matches only requests whose path starts with it (for vendors
 * whose tracking endpoint shares a host with their own site, such as
 * `www.facebook.com/tr`).
 */

export type HostCategory = "analytics" | "advertising";

export interface HostEntry {
  host: string;
  pathPrefix?: string;
  vendor: string;
  category: HostCategory;
  purpose: string;
}

export const TRACKER_HOSTS: readonly HostEntry[] = [
  // Google.
  {
    host: "google-analytics.com",
    vendor: "Google Analytics",
    category: "analytics",
    purpose: "analytics.js / gtag.js script and hits (/collect, /g/collect)",
  },
  {
    host: "analytics.google.com",
    vendor: "Google Analytics",
    category: "analytics",
    purpose: "GA4 hits (region1.analytics.google.com/g/collect)",
  },
  {
    host: "googletagmanager.com",
    vendor: "Google Tag Manager / Google tag",
    category: "analytics",
    purpose: "gtm.js and gtag.js, the loader of Analytics and Ads tags",
  },
  {
    host: "doubleclick.net",
    vendor: "Google DoubleClick / Marketing Platform",
    category: "advertising",
    purpose: "ad serving, Floodlight and remarketing (stats.g.doubleclick.net, ad.doubleclick.net)",
  },
  { host: "googlesyndication.com", vendor: "Google AdSense", category: "advertising", purpose: "ad scripts and ad frames" },
  { host: "googleadservices.com", vendor: "Google Ads", category: "advertising", purpose: "conversion tracking" },
  { host: "googletagservices.com", vendor: "Google Ad Manager", category: "advertising", purpose: "GPT ad tag" },
  { host: "adservice.google.com", vendor: "Google Ads", category: "advertising", purpose: "ad serving and conversion linker" },
  { host: "2mdn.net", vendor: "Google DoubleClick", category: "advertising", purpose: "ad creatives" },
  {
    host: "google.com",
    pathPrefix: "/pagead/",
    vendor: "Google Ads",
    category: "advertising",
    purpose: "remarketing and conversion pixels (www.google.com/pagead/1p-user-list)",
  },
  {
    host: "google.com",
    pathPrefix: "/ads/",
    vendor: "Google Ads",
    category: "advertising",
    purpose: "Analytics audiences for ads (www.google.com/ads/ga-audiences)",
  },
  {
    host: "google.com",
    pathPrefix: "/ccm/",
    vendor: "Google tag",
    category: "advertising",
    purpose: "conversion measurement (www.google.com/ccm/collect)",
  },
  // Meta.
  { host: "facebook.net", vendor: "Meta Pixel", category: "advertising", purpose: "pixel script (connect.facebook.net/.../fbevents.js)" },
  { host: "facebook.com", pathPrefix: "/tr", vendor: "Meta Pixel", category: "advertising", purpose: "pixel events (www.facebook.com/tr)" },
  // Microsoft.
  { host: "bat.bing.com", vendor: "Microsoft Advertising UET", category: "advertising", purpose: "UET tag script and events" },
  { host: "c.bing.com", vendor: "Microsoft", category: "advertising", purpose: "MUID cookie sync for UET and Clarity" },
  { host: "clarity.ms", vendor: "Microsoft Clarity", category: "analytics", purpose: "session recording and heatmaps" },
  // Other advertising and social tags.
  { host: "analytics.tiktok.com", vendor: "TikTok Pixel", category: "advertising", purpose: "pixel script and events" },
  { host: "ads.linkedin.com", vendor: "LinkedIn Insight Tag", category: "advertising", purpose: "conversion events (px.ads.linkedin.com)" },
  { host: "snap.licdn.com", vendor: "LinkedIn Insight Tag", category: "advertising", purpose: "insight tag script" },
  {
    host: "ads-twitter.com",
    vendor: "X (Twitter) Pixel",
    category: "advertising",
    purpose: "pixel script (static.ads-twitter.com/uwt.js)",
  },
  { host: "analytics.twitter.com", vendor: "X (Twitter) Pixel", category: "advertising", purpose: "pixel events" },
  { host: "t.co", pathPrefix: "/i/adsct", vendor: "X (Twitter) Pixel", category: "advertising", purpose: "pixel events" },
  { host: "ct.pinterest.com", vendor: "Pinterest Tag", category: "advertising", purpose: "conversion events" },
  { host: "tr.snapchat.com", vendor: "Snap Pixel", category: "advertising", purpose: "pixel events" },
  { host: "sc-static.net", vendor: "Snap Pixel", category: "advertising", purpose: "pixel script" },
  { host: "alb.reddit.com", vendor: "Reddit Pixel", category: "advertising", purpose: "pixel events" },
  { host: "redditstatic.com", pathPrefix: "/ads/", vendor: "Reddit Pixel", category: "advertising", purpose: "pixel script" },
  { host: "criteo.com", vendor: "Criteo", category: "advertising", purpose: "retargeting" },
  { host: "criteo.net", vendor: "Criteo", category: "advertising", purpose: "retargeting scripts" },
  { host: "taboola.com", vendor: "Taboola", category: "advertising", purpose: "sponsored content and pixel" },
  { host: "outbrain.com", vendor: "Outbrain", category: "advertising", purpose: "sponsored content and pixel" },
  { host: "adnxs.com", vendor: "Xandr (AppNexus)", category: "advertising", purpose: "ad exchange and id sync" },
  { host: "adsrvr.org", vendor: "The Trade Desk", category: "advertising", purpose: "ad buying and id sync" },
  { host: "rubiconproject.com", vendor: "Magnite (Rubicon Project)", category: "advertising", purpose: "ad exchange and id sync" },
  { host: "pubmatic.com", vendor: "PubMatic", category: "advertising", purpose: "ad exchange and id sync" },
  { host: "openx.net", vendor: "OpenX", category: "advertising", purpose: "ad exchange and id sync" },
  { host: "casalemedia.com", vendor: "Index Exchange", category: "advertising", purpose: "ad exchange and id sync" },
  { host: "amazon-adsystem.com", vendor: "Amazon Ads", category: "advertising", purpose: "ad serving and header bidding" },
  { host: "adform.net", vendor: "Adform", category: "advertising", purpose: "ad serving and tracking points" },
  { host: "rlcdn.com", vendor: "LiveRamp", category: "advertising", purpose: "identity matching" },
  { host: "demdex.net", vendor: "Adobe Audience Manager", category: "advertising", purpose: "audience data and id sync" },
  { host: "everesttech.net", vendor: "Adobe Advertising Cloud", category: "advertising", purpose: "ad measurement" },
  { host: "quantserve.com", vendor: "Quantcast", category: "advertising", purpose: "audience measurement tag" },
  { host: "moatads.com", vendor: "Oracle Moat", category: "advertising", purpose: "ad verification" },
  { host: "adsafeprotected.com", vendor: "Integral Ad Science", category: "advertising", purpose: "ad verification" },
  { host: "doubleverify.com", vendor: "DoubleVerify", category: "advertising", purpose: "ad verification" },
  // Analytics.
  { host: "hotjar.com", vendor: "Hotjar", category: "analytics", purpose: "heatmaps and session recording" },
  { host: "hotjar.io", vendor: "Hotjar", category: "analytics", purpose: "heatmaps and session recording" },
  { host: "omtrdc.net", vendor: "Adobe Analytics", category: "analytics", purpose: "analytics hits" },
  { host: "scorecardresearch.com", vendor: "Comscore", category: "analytics", purpose: "audience measurement beacon" },
  { host: "mc.yandex.ru", vendor: "Yandex Metrica", category: "analytics", purpose: "tag script, hits and session recording" },
  { host: "mc.yandex.com", vendor: "Yandex Metrica", category: "analytics", purpose: "tag script, hits and session recording" },
  { host: "segment.io", vendor: "Segment", category: "analytics", purpose: "events (api.segment.io)" },
  { host: "cdn.segment.com", vendor: "Segment", category: "analytics", purpose: "analytics.js" },
  { host: "mixpanel.com", vendor: "Mixpanel", category: "analytics", purpose: "events (api-js.mixpanel.com)" },
  { host: "mxpnl.com", vendor: "Mixpanel", category: "analytics", purpose: "library script" },
  { host: "amplitude.com", vendor: "Amplitude", category: "analytics", purpose: "events (api2.amplitude.com)" },
  { host: "heapanalytics.com", vendor: "Heap", category: "analytics", purpose: "script and events" },
  { host: "fullstory.com", vendor: "FullStory", category: "analytics", purpose: "session recording" },
  { host: "mouseflow.com", vendor: "Mouseflow", category: "analytics", purpose: "session recording" },
  { host: "crazyegg.com", vendor: "Crazy Egg", category: "analytics", purpose: "heatmaps and recordings" },
  { host: "contentsquare.net", vendor: "Contentsquare", category: "analytics", purpose: "session analytics" },
  { host: "matomo.cloud", vendor: "Matomo Cloud", category: "analytics", purpose: "hosted Matomo script and hits" },
  { host: "hs-analytics.net", vendor: "HubSpot", category: "analytics", purpose: "analytics script" },
  { host: "hs-scripts.com", vendor: "HubSpot", category: "analytics", purpose: "tracking code loader" },
  { host: "track.hubspot.com", vendor: "HubSpot", category: "analytics", purpose: "page view hits" },
  { host: "nr-data.net", vendor: "New Relic Browser", category: "analytics", purpose: "real user monitoring beacons" },
  {
    host: "cloudflareinsights.com",
    vendor: "Cloudflare Web Analytics",
    category: "analytics",
    purpose: "beacon script and hits (no cookies)",
  },
];

/** The entry for a request to `host` with `path`, host entries matching subdomains too; path entries before host-wide ones. */
export function findHost(table: readonly HostEntry[], host: string, path: string): HostEntry | null {
  let best: HostEntry | null = null;
  for (const entry of table) {
    if (host !== entry.host && !host.endsWith(`.${entry.host}`)) continue;
    if (entry.pathPrefix !== undefined) {
      if (path.startsWith(entry.pathPrefix)) return entry;
      continue;
    }
    if (!best || entry.host.length > best.host.length) best = entry;
  }
  return best;
}
