/** Tracker knowledge of the behaviour rules: cookie and storage names, tracker hosts, and the optional tracker database. */
export { classifyCookie, classifyRequest, classifyStorageKey } from "./classify.js";
export type { DataVerdict, RequestVerdict, TrackingCategory } from "./classify.js";
export { TRACKER_HOSTS } from "./hosts.js";
export type { HostEntry } from "./hosts.js";
export { CONSENT_NAMES, NECESSARY_NAMES, TRACKING_NAMES } from "./names.js";
export type { NameEntry } from "./names.js";
export { loadTrackerDb, trackerDbFromJson, TRACKERDB_PACKAGE } from "./trackerdb.js";
export type { TrackerDb, TrackerDbLoad, TrackerDbMatch } from "./trackerdb.js";
