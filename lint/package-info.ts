/** Where the package's own files are, and its version, whether run from source or from dist/. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "schemas"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("consentlint: cannot find its package root (package.json beside schemas/)");
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();

export const TOOL_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;

export function schemaPath(name: string): string {
  return join(PACKAGE_ROOT, "schemas", name);
}
