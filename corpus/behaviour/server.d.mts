/** Types of server.mjs: the loopback test site of the behaviour rules. */
export interface BehaviourSite {
  /** The site's pages: `http://127.0.0.1:<port>/`. */
  siteUrl: string;
  /** The tracker, another site on the same port: `http://localhost:<port>/`. */
  trackerUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the site and the tracker on 127.0.0.1 (`port` 0 or absent: a free port). */
export function startBehaviourSite(options?: { port?: number }): Promise<BehaviourSite>;
