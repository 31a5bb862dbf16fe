/**
 * Cookie and storage names the behaviour rules know (rules.md, "Tracking
 * data"): names that analytics, advertising and cross-site tracking vendors
 * document for their tags, the consent managers' own choice cookies, and
 * the site's necessary cookies (session, CSRF, load balancer, bot defence,
 * language).
 *
 * Written by hand from each vendor's or library's own documentation or
 * source (docs/trackers.md says which and why); not copied from any
 * database. A pattern is the exact name, or with `*` standing for any run of
 * characters. Tracking and consent names are matched case-sensitively (as
 * cookie names are), necessary names case-insensitively.
 */

export type NameCategory = "analytics" | "advertising" | "consent" | "necessary";

export interface NameEntry {
  pattern: string;
  vendor: string;
  category: NameCategory;
  purpose: string;
  /** Only a cookie of these sites (registrable domains) carries this meaning; a short or generic name elsewhere is someone else's. Never matched for storage keys. */
  sites?: readonly string[];
}

const GOOGLE = "Google";
const GA = "Google Analytics";
const ADS = "Google Ads / Floodlight";

/** Names that serve analytics, advertising or cross-site tracking. */
export const TRACKING_NAMES: readonly NameEntry[] = [
  // Google Analytics (analytics.js, gtag.js, urchin) and Google Ads / Marketing Platform.
  { pattern: "_ga", vendor: GA, category: "analytics", purpose: "client id that tells visitors apart (2 years)" },
  { pattern: "_ga_*", vendor: GA, category: "analytics", purpose: "GA4 session state per measurement id" },
  { pattern: "_gid", vendor: GA, category: "analytics", purpose: "client id for 24 hours" },
  { pattern: "_gat*", vendor: GA, category: "analytics", purpose: "request throttling of a tracker" },
  { pattern: "_gac_*", vendor: GA, category: "advertising", purpose: "Google Ads campaign data linked to Analytics" },
  { pattern: "__utm*", vendor: GA, category: "analytics", purpose: "urchin.js / ga.js visitor, session and campaign ids" },
  { pattern: "_dc_gtm_*", vendor: GA, category: "analytics", purpose: "request throttling set through Google Tag Manager" },
  { pattern: "AMP_TOKEN", vendor: GA, category: "analytics", purpose: "client id from the AMP client id service" },
  {
    pattern: "_gcl_*",
    vendor: ADS,
    category: "advertising",
    purpose: "ad click and conversion ids (_gcl_au, _gcl_aw, _gcl_dc, _gcl_gb, _gcl_ls)",
  },
  {
    pattern: "IDE",
    vendor: "Google DoubleClick",
    category: "advertising",
    purpose: "ad targeting and measurement id",
    sites: ["doubleclick.net"],
  },
  {
    pattern: "DSID",
    vendor: "Google DoubleClick",
    category: "advertising",
    purpose: "signed-in user id for ads",
    sites: ["doubleclick.net"],
  },
  {
    pattern: "test_cookie",
    vendor: "Google DoubleClick",
    category: "advertising",
    purpose: "checks that the browser accepts ad cookies",
    sites: ["doubleclick.net"],
  },
  { pattern: "__gads", vendor: "Google AdSense / Ad Manager", category: "advertising", purpose: "ad serving and frequency id" },
  { pattern: "__gpi", vendor: "Google AdSense / Ad Manager", category: "advertising", purpose: "ad serving id" },
  { pattern: "__gsas", vendor: "Google AdSense", category: "advertising", purpose: "ad serving id" },
  { pattern: "NID", vendor: GOOGLE, category: "advertising", purpose: "preferences and ad personalisation id", sites: ["google.com"] },
  { pattern: "1P_JAR", vendor: GOOGLE, category: "advertising", purpose: "ad statistics", sites: ["google.com"] },
  { pattern: "ANID", vendor: GOOGLE, category: "advertising", purpose: "ad personalisation id", sites: ["google.com"] },
  { pattern: "AID", vendor: GOOGLE, category: "advertising", purpose: "links activity across devices for ads", sites: ["google.com"] },
  // Meta.
  { pattern: "_fbp", vendor: "Meta Pixel", category: "advertising", purpose: "browser id for ad delivery and measurement (3 months)" },
  { pattern: "_fbc", vendor: "Meta Pixel", category: "advertising", purpose: "last Facebook ad click id (fbclid)" },
  { pattern: "fr", vendor: "Meta", category: "advertising", purpose: "ad delivery and retargeting id", sites: ["facebook.com"] },
  // Microsoft.
  {
    pattern: "_uet*",
    vendor: "Microsoft Advertising UET",
    category: "advertising",
    purpose: "visit and visitor ids for conversion tracking (_uetsid, _uetvid)",
  },
  {
    pattern: "MUID",
    vendor: "Microsoft",
    category: "advertising",
    purpose: "browser id shared by Bing Ads and Clarity",
    sites: ["bing.com", "clarity.ms"],
  },
  { pattern: "_clck", vendor: "Microsoft Clarity", category: "analytics", purpose: "user id and preferences (1 year)" },
  { pattern: "_clsk", vendor: "Microsoft Clarity", category: "analytics", purpose: "joins page views into one recorded session" },
  { pattern: "CLID", vendor: "Microsoft Clarity", category: "analytics", purpose: "first and last visit of a user", sites: ["clarity.ms"] },
  // Hotjar.
  {
    pattern: "_hj*",
    vendor: "Hotjar",
    category: "analytics",
    purpose: "user and session ids of heatmaps and recordings (_hjSessionUser_*, _hjSession_*, _hjid)",
  },
  // Matomo / Piwik PRO.
  {
    pattern: "_pk_*",
    vendor: "Matomo / Piwik PRO",
    category: "analytics",
    purpose: "visitor id, session and referrer (_pk_id, _pk_ses, _pk_ref)",
  },
  // TikTok.
  { pattern: "_ttp", vendor: "TikTok Pixel", category: "advertising", purpose: "browser id for ad measurement" },
  { pattern: "_tt_enable_cookie", vendor: "TikTok Pixel", category: "advertising", purpose: "checks that the pixel may set cookies" },
  { pattern: "ttcsid*", vendor: "TikTok Pixel", category: "advertising", purpose: "session id for ad measurement" },
  // Product analytics libraries.
  { pattern: "ajs_*", vendor: "Segment", category: "analytics", purpose: "anonymous and user ids (ajs_anonymous_id, ajs_user_id)" },
  { pattern: "mp_*", vendor: "Mixpanel", category: "analytics", purpose: "distinct id and super properties (mp_<token>_mixpanel)" },
  { pattern: "amp_*", vendor: "Amplitude", category: "analytics", purpose: "device and session ids" },
  { pattern: "AMP_*", vendor: "Amplitude", category: "analytics", purpose: "device and session ids (Browser SDK 2)" },
  { pattern: "ph_*_posthog", vendor: "PostHog", category: "analytics", purpose: "distinct id and session" },
  { pattern: "_hp2_*", vendor: "Heap", category: "analytics", purpose: "user and session ids" },
  { pattern: "fs_uid", vendor: "FullStory", category: "analytics", purpose: "user id of session recordings" },
  { pattern: "fs_lua", vendor: "FullStory", category: "analytics", purpose: "time of the last user action" },
  { pattern: "mf_user", vendor: "Mouseflow", category: "analytics", purpose: "returning visitor id of recordings" },
  { pattern: "_ce.s", vendor: "Crazy Egg", category: "analytics", purpose: "visitor and session ids of heatmaps" },
  { pattern: "_ym_*", vendor: "Yandex Metrica", category: "analytics", purpose: "visitor id, first visit and session (_ym_uid, _ym_d)" },
  { pattern: "yandexuid", vendor: "Yandex", category: "advertising", purpose: "browser id", sites: ["yandex.ru", "yandex.com"] },
  { pattern: "__hstc", vendor: "HubSpot", category: "analytics", purpose: "visitor id and visit times" },
  { pattern: "hubspotutk", vendor: "HubSpot", category: "analytics", purpose: "visitor id passed to form submissions" },
  { pattern: "__hssc", vendor: "HubSpot", category: "analytics", purpose: "session page views" },
  { pattern: "__hssrc", vendor: "HubSpot", category: "analytics", purpose: "new session marker" },
  { pattern: "s_vi", vendor: "Adobe Analytics", category: "analytics", purpose: "visitor id" },
  { pattern: "s_fid", vendor: "Adobe Analytics", category: "analytics", purpose: "fallback visitor id" },
  { pattern: "s_cc", vendor: "Adobe Analytics", category: "analytics", purpose: "checks that cookies are enabled" },
  { pattern: "s_sq", vendor: "Adobe Analytics", category: "analytics", purpose: "last link clicked (ClickMap)" },
  { pattern: "AMCV_*", vendor: "Adobe Experience Cloud", category: "analytics", purpose: "Experience Cloud visitor id (ECID)" },
  { pattern: "AMCVS_*", vendor: "Adobe Experience Cloud", category: "analytics", purpose: "visitor id service session flag" },
  { pattern: "demdex", vendor: "Adobe Audience Manager", category: "advertising", purpose: "cross-site visitor id", sites: ["demdex.net"] },
  // Other advertising and social tags.
  { pattern: "li_fat_id", vendor: "LinkedIn Insight Tag", category: "advertising", purpose: "member id from an ad click, for conversions" },
  { pattern: "li_sugr", vendor: "LinkedIn", category: "advertising", purpose: "browser id for matching", sites: ["linkedin.com"] },
  { pattern: "bcookie", vendor: "LinkedIn", category: "advertising", purpose: "browser id", sites: ["linkedin.com"] },
  { pattern: "UserMatchHistory", vendor: "LinkedIn", category: "advertising", purpose: "ad id syncing", sites: ["linkedin.com"] },
  {
    pattern: "AnalyticsSyncHistory",
    vendor: "LinkedIn",
    category: "advertising",
    purpose: "time of the last id sync",
    sites: ["linkedin.com"],
  },
  { pattern: "_pin_unauth", vendor: "Pinterest Tag", category: "advertising", purpose: "browser id for conversions" },
  { pattern: "_pinterest_ct_ua", vendor: "Pinterest Tag", category: "advertising", purpose: "cross-site browser id" },
  { pattern: "_epik", vendor: "Pinterest Tag", category: "advertising", purpose: "ad click id" },
  { pattern: "_derived_epik", vendor: "Pinterest Tag", category: "advertising", purpose: "ad click id derived by the tag" },
  { pattern: "_scid", vendor: "Snap Pixel", category: "advertising", purpose: "browser id for conversions" },
  { pattern: "_scid_r", vendor: "Snap Pixel", category: "advertising", purpose: "browser id for conversions" },
  { pattern: "_sctr", vendor: "Snap Pixel", category: "advertising", purpose: "conversion sessions" },
  { pattern: "_twclid", vendor: "X (Twitter) Pixel", category: "advertising", purpose: "ad click id" },
  {
    pattern: "personalization_id",
    vendor: "X (Twitter)",
    category: "advertising",
    purpose: "ad and personalisation id",
    sites: ["twitter.com", "x.com"],
  },
  { pattern: "muc_ads", vendor: "X (Twitter)", category: "advertising", purpose: "ad id", sites: ["twitter.com", "x.com"] },
  { pattern: "_rdt_uuid", vendor: "Reddit Pixel", category: "advertising", purpose: "browser id for conversions" },
  { pattern: "cto_bundle", vendor: "Criteo", category: "advertising", purpose: "retargeting ids" },
  { pattern: "cto_bidid", vendor: "Criteo", category: "advertising", purpose: "bidding id" },
  { pattern: "__qca", vendor: "Quantcast", category: "advertising", purpose: "audience measurement id" },
  { pattern: "obuid", vendor: "Outbrain", category: "advertising", purpose: "recommendation and ad id" },
  { pattern: "t_gid", vendor: "Taboola", category: "advertising", purpose: "user id for recommendations and ads" },
  { pattern: "uuid2", vendor: "Xandr (AppNexus)", category: "advertising", purpose: "cross-site ad id", sites: ["adnxs.com"] },
  { pattern: "TDID", vendor: "The Trade Desk", category: "advertising", purpose: "cross-site ad id", sites: ["adsrvr.org"] },
];

/** The consent managers' own cookies and storage entries that keep the person's choice: not tracking. */
export const CONSENT_NAMES: readonly NameEntry[] = [
  { pattern: "klaro", vendor: "Klaro", category: "consent", purpose: "per-service choices (cookie or localStorage)" },
  { pattern: "cc_cookie", vendor: "vanilla-cookieconsent", category: "consent", purpose: "accepted categories and revision" },
  { pattern: "tarteaucitron", vendor: "tarteaucitron", category: "consent", purpose: "per-service choices" },
  { pattern: "cookieconsent_status", vendor: "Osano cookieconsent", category: "consent", purpose: "allow, deny or dismiss" },
  {
    pattern: "cookie-consent-tracking-allowed",
    vendor: "cookie-consent-js",
    category: "consent",
    purpose: "true when tracking was accepted",
  },
  { pattern: "hasConsent", vendor: "cookies-eu-banner", category: "consent", purpose: "true or false" },
  { pattern: "cookie_notice", vendor: "cookie-notice", category: "consent", purpose: "the notice was acknowledged" },
  { pattern: "cookie_notice_accepted", vendor: "Cookie Notice (WordPress)", category: "consent", purpose: "true or false" },
  {
    pattern: "CookieConsent",
    vendor: "Cookiebot or react-cookie-consent",
    category: "consent",
    purpose: "the stored choice (both use this name)",
  },
  {
    pattern: "CookieConsent-legacy",
    vendor: "react-cookie-consent",
    category: "consent",
    purpose: "the stored choice for browsers without SameSite=None",
  },
  { pattern: "CookieConsentBulkSetting-*", vendor: "Cookiebot", category: "consent", purpose: "bulk consent across a group of sites" },
  { pattern: "OptanonConsent", vendor: "OneTrust", category: "consent", purpose: "consented groups" },
  { pattern: "OptanonAlertBoxClosed", vendor: "OneTrust", category: "consent", purpose: "when the banner was answered" },
  { pattern: "euconsent-v2", vendor: "IAB TCF v2 (any CMP)", category: "consent", purpose: "the TC string: the choice, not an identifier" },
  { pattern: "euconsent", vendor: "IAB TCF v1 (any CMP)", category: "consent", purpose: "the v1 consent string" },
  { pattern: "eupubconsent-v2", vendor: "IAB TCF v2 (any CMP)", category: "consent", purpose: "publisher purposes TC string" },
  {
    pattern: "addtl_consent",
    vendor: "Google Additional Consent (TCF CMPs)",
    category: "consent",
    purpose: "consent to Google ATP vendors",
  },
  { pattern: "usprivacy", vendor: "IAB CCPA framework", category: "consent", purpose: "US privacy string" },
  { pattern: "didomi_token", vendor: "Didomi", category: "consent", purpose: "the stored choice" },
  { pattern: "uc_settings", vendor: "Usercentrics", category: "consent", purpose: "per-service choices (localStorage)" },
  { pattern: "uc_user_interaction", vendor: "Usercentrics", category: "consent", purpose: "the person answered" },
  { pattern: "ucData", vendor: "Usercentrics", category: "consent", purpose: "per-service choices (localStorage)" },
  { pattern: "_sp_user_consent_*", vendor: "Sourcepoint", category: "consent", purpose: "the stored choice (localStorage)" },
  { pattern: "borlabs-cookie", vendor: "Borlabs Cookie", category: "consent", purpose: "the stored choice" },
  { pattern: "cmplz_*", vendor: "Complianz", category: "consent", purpose: "per-category choices" },
  { pattern: "cookieyes-consent", vendor: "CookieYes", category: "consent", purpose: "the stored choice" },
  { pattern: "CookieScriptConsent", vendor: "Cookie-Script", category: "consent", purpose: "the stored choice" },
  { pattern: "cookielawinfo-checkbox-*", vendor: "CookieLawInfo (WordPress)", category: "consent", purpose: "per-category choices" },
  { pattern: "viewed_cookie_policy", vendor: "CookieLawInfo (WordPress)", category: "consent", purpose: "the person answered" },
  { pattern: "moove_gdpr_popup", vendor: "GDPR Cookie Compliance (WordPress)", category: "consent", purpose: "per-category choices" },
  { pattern: "axeptio_*", vendor: "Axeptio", category: "consent", purpose: "the stored choice" },
  { pattern: "_iub_cs-*", vendor: "iubenda", category: "consent", purpose: "the stored choice" },
  { pattern: "__cmpconsent*", vendor: "consentmanager.net", category: "consent", purpose: "the stored choice" },
  { pattern: "__cmpcc*", vendor: "consentmanager.net", category: "consent", purpose: "the stored choice" },
  { pattern: "mtm_consent", vendor: "Matomo", category: "consent", purpose: "tracking consent given" },
  { pattern: "mtm_consent_removed", vendor: "Matomo", category: "consent", purpose: "tracking consent withdrawn" },
  { pattern: "mtm_cookie_consent", vendor: "Matomo", category: "consent", purpose: "cookie consent given" },
  { pattern: "ppms_privacy_*", vendor: "Piwik PRO", category: "consent", purpose: "the stored choice" },
];

/** The site's necessary cookies: sessions, CSRF tokens, load balancing, bot defence, language. Matched case-insensitively. */
export const NECESSARY_NAMES: readonly NameEntry[] = [
  { pattern: "PHPSESSID", vendor: "PHP", category: "necessary", purpose: "server session" },
  { pattern: "JSESSIONID", vendor: "Java servlet containers", category: "necessary", purpose: "server session" },
  { pattern: "ASP.NET_SessionId", vendor: "ASP.NET", category: "necessary", purpose: "server session" },
  { pattern: "ASPSESSIONID*", vendor: "Classic ASP", category: "necessary", purpose: "server session" },
  { pattern: "CFID", vendor: "ColdFusion", category: "necessary", purpose: "server session" },
  { pattern: "CFTOKEN", vendor: "ColdFusion", category: "necessary", purpose: "server session" },
  { pattern: "connect.sid", vendor: "Express session", category: "necessary", purpose: "server session" },
  { pattern: "sessionid", vendor: "Django and others", category: "necessary", purpose: "server session" },
  { pattern: "session", vendor: "generic", category: "necessary", purpose: "server session" },
  { pattern: "session_id", vendor: "generic", category: "necessary", purpose: "server session" },
  { pattern: "sid", vendor: "generic", category: "necessary", purpose: "server session" },
  { pattern: "*_session", vendor: "Rails / Laravel", category: "necessary", purpose: "server session (_app_session, laravel_session)" },
  { pattern: "SESS*", vendor: "Drupal", category: "necessary", purpose: "server session (SESS<hash>, SSESS<hash>)" },
  { pattern: "SSESS*", vendor: "Drupal", category: "necessary", purpose: "server session over HTTPS" },
  { pattern: "wordpress_logged_in_*", vendor: "WordPress", category: "necessary", purpose: "signed-in user" },
  { pattern: "wordpress_sec_*", vendor: "WordPress", category: "necessary", purpose: "signed-in user" },
  { pattern: "wordpress_test_cookie", vendor: "WordPress", category: "necessary", purpose: "cookies enabled check" },
  { pattern: "csrftoken", vendor: "Django", category: "necessary", purpose: "CSRF token" },
  { pattern: "XSRF-TOKEN", vendor: "Angular / Laravel", category: "necessary", purpose: "CSRF token" },
  { pattern: "*csrf*", vendor: "generic", category: "necessary", purpose: "CSRF token" },
  { pattern: "*xsrf*", vendor: "generic", category: "necessary", purpose: "CSRF token" },
  { pattern: "__RequestVerificationToken*", vendor: "ASP.NET", category: "necessary", purpose: "CSRF token" },
  { pattern: "AWSALB", vendor: "AWS Elastic Load Balancing", category: "necessary", purpose: "load balancer stickiness" },
  { pattern: "AWSALBCORS", vendor: "AWS Elastic Load Balancing", category: "necessary", purpose: "load balancer stickiness" },
  { pattern: "AWSALBTG*", vendor: "AWS Elastic Load Balancing", category: "necessary", purpose: "load balancer stickiness" },
  { pattern: "AWSELB*", vendor: "AWS Elastic Load Balancing", category: "necessary", purpose: "load balancer stickiness" },
  { pattern: "BIGipServer*", vendor: "F5 BIG-IP", category: "necessary", purpose: "load balancer persistence" },
  { pattern: "SERVERID", vendor: "HAProxy", category: "necessary", purpose: "load balancer persistence" },
  { pattern: "ROUTEID", vendor: "Apache mod_proxy_balancer", category: "necessary", purpose: "load balancer persistence" },
  { pattern: "ARRAffinity*", vendor: "Azure App Service", category: "necessary", purpose: "load balancer affinity" },
  { pattern: "__cf_bm", vendor: "Cloudflare", category: "necessary", purpose: "bot management" },
  { pattern: "_cfuvid", vendor: "Cloudflare", category: "necessary", purpose: "rate limiting" },
  { pattern: "cf_clearance", vendor: "Cloudflare", category: "necessary", purpose: "passed challenge" },
  { pattern: "incap_ses_*", vendor: "Imperva", category: "necessary", purpose: "bot defence session" },
  { pattern: "lang", vendor: "generic", category: "necessary", purpose: "language" },
  { pattern: "language", vendor: "generic", category: "necessary", purpose: "language" },
  { pattern: "locale", vendor: "generic", category: "necessary", purpose: "language" },
  { pattern: "django_language", vendor: "Django", category: "necessary", purpose: "language" },
  { pattern: "NEXT_LOCALE", vendor: "Next.js", category: "necessary", purpose: "language" },
  { pattern: "i18next", vendor: "i18next", category: "necessary", purpose: "language" },
  { pattern: "pll_language", vendor: "Polylang (WordPress)", category: "necessary", purpose: "language" },
  { pattern: "wp-wpml_current_language", vendor: "WPML (WordPress)", category: "necessary", purpose: "language" },
];

const compiled = new WeakMap<NameEntry, RegExp>();

/** Whether `name` matches an entry's pattern (`*` for any run of characters). */
export function matchesPattern(entry: NameEntry, name: string): boolean {
  let re = compiled.get(entry);
  if (!re) {
    const body = entry.pattern
      .split("*")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    re = new RegExp(`^${body}$`, entry.category === "necessary" ? "is" : "s");
    compiled.set(entry, re);
  }
  return re.test(name);
}

/** The first entry of `table` that `name` matches, among those that apply to a cookie of `site` (null: a storage key, where entries limited to sites never apply). */
export function findName(table: readonly NameEntry[], name: string, site: string | null): NameEntry | null {
  for (const entry of table) {
    if (entry.sites && (site === null || !entry.sites.includes(site))) continue;
    if (matchesPattern(entry, name)) return entry;
  }
  return null;
}
