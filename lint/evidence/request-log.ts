/** The requests a page made while it was linted, for the evidence bundle. */
import type { Page, Request } from "playwright";

export interface RequestRecord {
  url: string;
  method: string;
  status: number | null;
  resourceType: string;
  thirdParty: boolean;
  failure?: string;
}

/** Records every request of a page, marking those to another site than the page's own. */
export class RequestLog {
  readonly records: RequestRecord[] = [];
  private pending = new Map<Request, RequestRecord>();

  constructor(page: Page) {
    page.on("request", (request) => {
      const record: RequestRecord = {
        url: request.url(),
        method: request.method(),
        status: null,
        resourceType: request.resourceType(),
        thirdParty: false,
      };
      this.pending.set(request, record);
      this.records.push(record);
    });
    page.on("requestfinished", (request) => {
      const record = this.pending.get(request);
      this.pending.delete(request);
      if (record)
        void request
          .response()
          .then((r) => (record.status = r?.status() ?? null))
          .catch(() => {});
    });
    page.on("requestfailed", (request) => {
      const record = this.pending.get(request);
      this.pending.delete(request);
      if (record) record.failure = request.failure()?.errorText ?? "failed";
    });
  }

  /** Marks third-party requests against the page's final URL (by registrable host suffix). */
  snapshot(pageUrl: string): RequestRecord[] {
    let host = "";
    try {
      host = new URL(pageUrl).hostname;
    } catch {
      host = "";
    }
    const site = host.split(".").slice(-2).join(".");
    return this.records.map((r) => {
      let h = "";
      try {
        h = new URL(r.url).hostname;
      } catch {
        h = "";
      }
      return { ...r, thirdParty: /^(https?|wss?):/.test(r.url) && site !== "" && !(h === site || h.endsWith("." + site)) };
    });
  }
}
