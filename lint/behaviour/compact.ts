/**
 * The compact form of a state's behaviour a snapshot stores: which cookies
 * (name, site, party), storage keys (area, key, party) and request sites
 * (site, party, resource type) the state had, each list sorted and without
 * duplicates, and nothing that moves between runs of an unchanged page
 * (times, URLs with their query strings, ports, ids, statuses, order).
 */
import type { Behaviour } from "./types.js";

export interface CompactBehaviour {
  cookies: string[];
  storage: string[];
  requests: string[];
}

const sortedUnique = (values: string[]) => [...new Set(values)].sort();

export function compactBehaviour(behaviour: Behaviour): CompactBehaviour {
  return {
    cookies: sortedUnique(behaviour.cookies.map((c) => `${c.name} ${c.site} ${c.party}`)),
    storage: sortedUnique(behaviour.storage.map((s) => `${s.area} ${s.key} ${s.party}`)),
    requests: sortedUnique(behaviour.requests.map((r) => `${r.site || "(no site)"} ${r.party} ${r.resourceType}`)),
  };
}
