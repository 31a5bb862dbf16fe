#!/usr/bin/env node
// Makes a fresh clone ready, idempotently: installs dependencies, builds,
// and finds (or installs) Chromium and CJK fonts. Uses only Node built-ins
// until the dependencies are there.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const log = (line) => process.stderr.write(`setup: ${line}\n`);
const run = (command) => execSync(command, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, mtime(full));
  }
  return newest;
}

// 1. Dependencies (npm ci also builds, through the prepare script).
const installed = join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || mtime(join(root, "package-lock.json")) > mtime(installed)) {
  log("installing dependencies (npm ci)...");
  run("npm ci --no-audit --no-fund");
}

// 2. Build when a source is newer than the build.
const built = join(root, "dist", "lint", "cli", "cli.js");
if (!existsSync(built) || Math.max(newestSource(join(root, "lint")), newestSource(join(root, "rules"))) > mtime(built)) {
  log("building...");
  run("npx tsc -p tsconfig.build.json");
}

// 3. A browser and CJK fonts.
const { findBrowser, ensureCjkFonts } = await import(new URL("../dist/lint/browser/launch.js", import.meta.url).href);
try {
  const location = findBrowser({ install: true, log });
  ensureCjkFonts(log);
  log(`browser: ${location.executablePath ?? "Playwright's managed Chromium"} (${location.source})`);
} catch (error) {
  log(error.message);
  process.exit(2);
}
