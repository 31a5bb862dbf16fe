/** `--targets <file>`: one URL or path per line; blank lines and `#` comments ignored. Paths are relative to the file. */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { UsageError } from "../errors.js";

export function readTargetsFile(path: string, cwd: string): string[] {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `Targets file not found: ${path}.` : `Cannot read targets file ${path}: ${(error as Error).message}`,
    );
  }
  const targets: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(line) && !/^[a-z]:[\\/]/i.test(line)) targets.push(line);
    else targets.push(isAbsolute(line) ? line : resolve(dirname(file), line));
  }
  if (targets.length === 0) throw new UsageError(`Targets file ${path} lists no targets.`);
  return targets;
}
