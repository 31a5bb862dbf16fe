/**
 * Writing files atomically: a temp file beside the target, then a rename, so
 * a failed or interrupted run never leaves half a file where a whole one is
 * expected (reports, snapshots, evidence).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./errors.js";

let written = 0;

/** Temp files of writeFileAtomic end like this (a write that was interrupted leaves one behind). */
export const ATOMIC_TEMP_FILE = /\.\d+\.[a-z0-9]+\.tmp$/;

/** Writes `content` to `path` through a temp file in the same folder (created if missing); errors are thrown as they are. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const target = resolve(path);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${(written++).toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes an output file the user named (--output): a failure is a usage error naming the file. */
export function writeOutputFile(path: string, content: string | Buffer): void {
  try {
    writeFileAtomic(path, content);
  } catch (error) {
    throw new UsageError(`Cannot write ${path}: ${(error as Error).message}`);
  }
}
