#!/usr/bin/env node
// Runs the fuzz test at a larger scale: `npm run fuzz [-- runs [seed]]`.
// CONSENTLINT_FUZZ_RUNS (default 200) scales every part of test/fuzz.test.ts
// (20 means the `npm test` size); CONSENTLINT_FUZZ_SEED picks another seed;
// CONSENTLINT_FUZZ_SHRINK=1 shrinks a failing static case; failing pages are
// kept in the temporary folder the failure names.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [runs, seed] = process.argv.slice(2);
const env = {
  ...process.env,
  CONSENTLINT_FUZZ_RUNS: runs ?? process.env.CONSENTLINT_FUZZ_RUNS ?? "200",
  CONSENTLINT_FUZZ_SEED: seed ?? process.env.CONSENTLINT_FUZZ_SEED ?? String(Date.now() % 2 ** 31),
};
process.stderr.write(`fuzz: scale ${env.CONSENTLINT_FUZZ_RUNS}, seed ${env.CONSENTLINT_FUZZ_SEED}\n`);
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", "test/fuzz.test.ts", "--testTimeout", "0"], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
