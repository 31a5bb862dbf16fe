/** Splitting targets across machines, as Playwright's --shard does: contiguous, deterministic, every target exactly once. */
import { UsageError } from "../errors.js";

export interface Shard {
  current: number;
  total: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const current = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || current < 1 || current > total) {
    throw new UsageError(`--shard expects i/n with 1 <= i <= n (e.g. 2/3), got "${value}".`);
  }
  return { current, total };
}

/** The slice of `items` that shard `current` of `total` lints. */
export function shardSlice<T>(items: T[], shard: Shard): T[] {
  const start = Math.floor(((shard.current - 1) * items.length) / shard.total);
  const end = Math.floor((shard.current * items.length) / shard.total);
  return items.slice(start, end);
}
