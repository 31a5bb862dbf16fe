import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Deadline, TimeoutError } from "./deadline.js";

describe("Deadline: one budget per state, handed down", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("gives each step what is left of the one budget, keeping back what later steps need", () => {
    const deadline = new Deadline(30_000);
    // Fresh: settling is capped at 10 s; loading and reading may use all of it; actions leave 2 s for reading.
    expect(deadline.forSettle()).toBe(10_000);
    expect(deadline.forNavigation()).toBe(30_000);
    expect(deadline.forActions()).toBe(28_000);
    expect(deadline.forExtract()).toBe(30_000);
    vi.advanceTimersByTime(25_000);
    expect(deadline.remaining()).toBe(5_000);
    expect(deadline.forSettle()).toBe(4_000);
    expect(deadline.forActions()).toBe(3_000);
    expect(deadline.forExtract()).toBe(5_000);
    vi.advanceTimersByTime(4_800);
    // Nearly spent: no time to settle, and the least a step is given (the state's own timer still ends it).
    expect(deadline.forSettle()).toBe(0);
    expect(deadline.forNavigation()).toBe(1_000);
    expect(deadline.forActions()).toBe(1_000);
    expect(deadline.elapsed()).toBe(29_800);
  });

  it("opening a context may take 10 s at least, or the whole budget when that is longer", () => {
    expect(Deadline.forOpen(3_000)).toBe(10_000);
    expect(Deadline.forOpen(45_000)).toBe(45_000);
  });

  it("ends work that outlives the budget with a TimeoutError naming the state and the option", async () => {
    const deadline = new Deadline(5_000, "--timeout");
    vi.advanceTimersByTime(2_000);
    const never = new Promise<string>(() => {});
    const raced = deadline.race(never, "pages/a.html");
    const caught = raced.catch((e: unknown) => e);
    vi.advanceTimersByTime(2_999);
    await Promise.resolve();
    vi.advanceTimersByTime(1);
    const error = await caught;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("pages/a.html did not finish within 5000 ms (--timeout).");
  });

  it("passes on work that finishes in time, and a failure that comes first", async () => {
    const deadline = new Deadline(5_000);
    await expect(deadline.race(Promise.resolve("read"), "x")).resolves.toBe("read");
    const crash = Promise.reject(new Error("tab crashed"));
    await expect(deadline.race(new Promise<string>(() => {}), "x", [crash])).rejects.toThrow("tab crashed");
  });
});
