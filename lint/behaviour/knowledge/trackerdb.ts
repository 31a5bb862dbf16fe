/**
 * Optional enrichment: the Ghostery Tracker Database (`@ghostery/trackerdb`,
 * CC-BY-NC-SA-4.0). Its licence forbids commercial use, so consentlint does
 * not depend on it: a user who may use it installs it beside consentlint
 * (docs/trackers.md), and then every request host is also looked up there.
 * Absent, the built-in list (hosts.ts) is all there is, and the load says so.
 *
 * The package's `dist/trackerdb.json` (categories, organizations, patterns
 * and a map of domains to patterns) is read directly: the same data as its
 * SDK, without loading the adblocker engine the SDK needs.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const TRACKERDB_PACKAGE = "@ghostery/trackerdb";

/** Ghostery categories that are tracking (rules.md: advertising or analytics), and what the behaviour rules call them. */
const TRACKING_CATEGORIES: Readonly<Record<string, "advertising" | "analytics">> = {
  advertising: "advertising",
  site_analytics: "analytics",
  pornvertising: "advertising",
};

export interface TrackerDbMatch {
  /** The database's name for the service (a pattern's name). */
  vendor: string;
  organization: string | null;
  /** The database's category key (advertising, site_analytics, consent, utilities, ...). */
  dbCategory: string;
  /** The category as the behaviour rules use it, for advertising and analytics; null for other categories, which are not tracking by host. */
  category: "advertising" | "analytics" | null;
  /** The listed domain that matched. */
  domain: string;
}

export interface TrackerDb {
  /** Package and version, for notes and evidence. */
  source: string;
  licence: string;
  lookup(host: string): TrackerDbMatch | null;
}

export interface TrackerDbLoad {
  db: TrackerDb | null;
  /** What was loaded, or why not. */
  note: string;
}

interface RawPattern {
  name?: unknown;
  category?: unknown;
  organization?: unknown;
}

interface RawDb {
  patterns?: Record<string, RawPattern>;
  organizations?: Record<string, { name?: unknown }>;
  domains?: Record<string, string>;
}

/** A database over the package's JSON export. */
export function trackerDbFromJson(raw: unknown, source: string, licence: string): TrackerDb {
  const data = (raw ?? {}) as RawDb;
  const domains = data.domains ?? {};
  const patterns = data.patterns ?? {};
  const organizations = data.organizations ?? {};
  const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
  return {
    source,
    licence,
    lookup(host: string): TrackerDbMatch | null {
      const labels = host.toLowerCase().replace(/\.$/, "").split(".");
      for (let i = 0; i < labels.length; i++) {
        const domain = labels.slice(i).join(".");
        if (!own(domains, domain)) continue;
        const key = domains[domain];
        const pattern = own(patterns, key) ? patterns[key] : undefined;
        if (!pattern) continue;
        const dbCategory = typeof pattern.category === "string" ? pattern.category : "misc";
        const orgKey = typeof pattern.organization === "string" ? pattern.organization : null;
        const orgName = orgKey && own(organizations, orgKey) ? organizations[orgKey].name : null;
        return {
          vendor: typeof pattern.name === "string" ? pattern.name : key,
          organization: typeof orgName === "string" ? orgName : orgKey,
          dbCategory,
          category: own(TRACKING_CATEGORIES, dbCategory) ? TRACKING_CATEGORIES[dbCategory] : null,
          domain,
        };
      }
      return null;
    },
  };
}

/** The package's folder as Node would resolve it from `from` (a folder), or null when it is not installed there. */
function packageDir(from: string): string | null {
  try {
    const require = createRequire(pathToFileURL(join(from, "noop.js")));
    // The package's "require" export is dist/cjs/index.js.
    return dirname(dirname(dirname(require.resolve(TRACKERDB_PACKAGE))));
  } catch {
    return null;
  }
}

/**
 * Loads the Ghostery Tracker Database when the user has installed it:
 * looked for from each folder of `searchFrom` (by default consentlint's own
 * folder, then the working directory). Never throws: absent or unreadable,
 * the answer is no database and a note saying so.
 */
export async function loadTrackerDb(searchFrom?: readonly string[]): Promise<TrackerDbLoad> {
  const folders = searchFrom ?? [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const from of folders) {
    const dir = packageDir(from);
    if (!dir) continue;
    try {
      const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { version?: string; license?: string };
      const raw: unknown = JSON.parse(await readFile(join(dir, "dist", "trackerdb.json"), "utf8"));
      const source = `${TRACKERDB_PACKAGE}@${pkg.version ?? "unknown"}`;
      const licence = pkg.license ?? "CC-BY-NC-SA-4.0";
      return {
        db: trackerDbFromJson(raw, source, licence),
        note: `tracker hosts: built-in list and ${source} (${licence}, installed by the user)`,
      };
    } catch (err) {
      return {
        db: null,
        note: `tracker hosts: built-in list only; ${TRACKERDB_PACKAGE} is installed at ${dir} but could not be read (${(err as Error).message})`,
      };
    }
  }
  return {
    db: null,
    note: `tracker hosts: built-in list only; the optional ${TRACKERDB_PACKAGE} (CC-BY-NC-SA-4.0, non-commercial) is not installed (docs/trackers.md)`,
  };
}
