/**
 * Turning ajv's errors on a YAML/JSON document into one readable problem per
 * place: the line and column in the file, the path inside it
 * (`steps[1].actions[0].click`) and what was expected. ajv reports every
 * branch of a oneOf/anyOf/if; those are collapsed to the error that explains
 * the value best. Best with ajv's `verbose: true` (titles and allowed keys
 * come from the schema).
 */
import type { ErrorObject } from "ajv";
import { isMap, isScalar, isSeq, type LineCounter, type Node as YamlNode } from "yaml";
import { closestMatches } from "./edit-distance.js";

export interface SchemaProblem {
  /** JSON pointer of the value at fault (of the key, for an unknown key). */
  pointer: string;
  /** Path inside the file as people write it: `steps[1].actions[0]`, or `(top level)`. */
  path: string;
  /** 1-based line and column of the value (or key) in the file. */
  line: number;
  col: number;
  message: string;
}

export interface DescribeOptions {
  /** What an object at this pointer is called in messages ("action": `unknown action "tap"`). Default "key". */
  nounFor?: (pointer: string) => string | undefined;
}

type SchemaObject = Record<string, unknown>;

export function pointerParts(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `/steps/1/actions/0` -> `steps[1].actions[0]`; the root is `(top level)`. */
export function readablePath(pointer: string): string {
  let out = "";
  for (const part of pointerParts(pointer)) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || "(top level)";
}

export function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointerParts(pointer)) {
    if (Array.isArray(value)) value = value[Number(part)];
    else if (value !== null && typeof value === "object") value = (value as Record<string, unknown>)[part];
    else return undefined;
  }
  return value;
}

/**
 * The YAML node at a JSON pointer, or the deepest node on the way when the
 * pointer goes further than the document. With `key`, the last part names a
 * key whose key node (not its value) is wanted.
 */
export function yamlNodeAt(root: unknown, pointer: string, key = false): YamlNode | null {
  let node = root as YamlNode | null;
  const parts = pointerParts(pointer);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === part);
      if (!pair) return node;
      const last = i === parts.length - 1;
      node = (last && key ? (pair.key as YamlNode | null) : ((pair.value as YamlNode | null) ?? (pair.key as YamlNode | null))) ?? node;
    } else if (isSeq(node)) {
      const next = node.items[Number(part)] as YamlNode | undefined;
      if (!next) return node;
      node = next;
    } else {
      return node;
    }
  }
  return node;
}

/** 1-based line and column where a node starts (1:1 when unknown). */
export function positionOf(node: YamlNode | null, counter: LineCounter): { line: number; col: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, col: 1 };
  const pos = counter.linePos(offset);
  return { line: pos.line, col: pos.col };
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function listOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function listAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function titleOf(schema: unknown): string | undefined {
  if (schema && typeof schema === "object" && typeof (schema as SchemaObject).title === "string")
    return (schema as SchemaObject).title as string;
  return undefined;
}

function allowedKeys(parentSchema: unknown): string[] {
  if (!parentSchema || typeof parentSchema !== "object") return [];
  const properties = (parentSchema as SchemaObject).properties;
  return properties && typeof properties === "object" ? Object.keys(properties).filter((k) => k !== "$schema") : [];
}

/** Keys each branch of a oneOf/anyOf requires, when every branch is only `{ required: [k] }`; else null. */
function requiredOnlyBranches(schema: unknown): string[] | null {
  if (!Array.isArray(schema)) return null;
  const keys: string[] = [];
  for (const branch of schema) {
    if (!branch || typeof branch !== "object") return null;
    const entries = Object.keys(branch as SchemaObject);
    const required = (branch as SchemaObject).required;
    if (entries.some((k) => k !== "required") || !Array.isArray(required) || required.length !== 1) return null;
    keys.push(String(required[0]));
  }
  return keys;
}

function quoteList(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

function didYouMean(value: string, allowed: string[]): string {
  const near = closestMatches(value, allowed, 1);
  return near.length ? ` (did you mean "${near[0]}"?)` : "";
}

export function describeSchemaError(error: ErrorObject, data: unknown, opts: DescribeOptions = {}): string {
  const params = error.params as Record<string, unknown>;
  const value = error.data !== undefined ? error.data : valueAt(data, error.instancePath);
  const noun = opts.nounFor?.(error.instancePath) ?? "key";
  const title = titleOf(error.parentSchema);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(error.parentSchema);
      if (allowed.length === 0) return `unknown ${noun} "${key}"`;
      return `unknown ${noun} "${key}"${didYouMean(key, allowed)}; expected one of ${allowed.join(", ")}`;
    }
    case "required":
      return `missing required key "${String(params.missingProperty)}"`;
    case "dependencies":
      return `"${String(params.property)}" needs "${String(params.missingProperty)}" beside it`;
    case "type": {
      const types = String(params.type).split(",");
      const expected = types.length > 1 && title ? title : listOr(types);
      return `expected ${expected}, got ${kindOf(value)}`;
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      if (allowed.length <= 12) return `expected one of ${quoteList(allowed)}, got ${kindOf(value)}`;
      const near = typeof value === "string" ? closestMatches(value, allowed.map(String), 3) : [];
      return `${kindOf(value)} is not allowed${near.length ? `; did you mean ${listOr(near.map((v) => JSON.stringify(v)))}?` : ""}`;
    }
    case "const":
      return `expected ${JSON.stringify(params.allowedValue)}, got ${kindOf(value)}`;
    case "pattern":
      return `expected ${title ?? `a value matching ${String(params.pattern)}`}, got ${kindOf(value)}`;
    case "minLength":
      return Number(params.limit) === 1 ? "must not be empty" : `expected at least ${String(params.limit)} characters`;
    case "maxLength":
      return `expected at most ${String(params.limit)} characters`;
    case "minItems":
      return `expected at least ${String(params.limit)} item${Number(params.limit) === 1 ? "" : "s"}`;
    case "maxItems":
      return `expected at most ${String(params.limit)} items`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `expected a number ${String(params.comparison)} ${String(params.limit)}, got ${kindOf(value)}`;
    case "minProperties": {
      const allowed = allowedKeys(error.parentSchema);
      return `empty ${noun === "key" ? "object" : noun}${allowed.length ? `; expected one of ${allowed.join(", ")}` : ""}`;
    }
    case "maxProperties": {
      const keys = value && typeof value === "object" ? Object.keys(value) : [];
      if (noun !== "key" && Number(params.limit) === 1)
        return `an ${noun} has exactly one key, found ${listAnd(keys)}; put each in its own ${noun}`;
      return `expected at most ${String(params.limit)} keys, found ${listAnd(keys)}`;
    }
    case "oneOf":
    case "anyOf": {
      const kinds = requiredOnlyBranches(error.schema);
      if (kinds) {
        const present = value && typeof value === "object" ? kinds.filter((k) => k in (value as object)) : [];
        const wanted = title ?? `one of ${kinds.join(", ")}`;
        if (present.length > 1) return `found ${listAnd(present)}; expected ${wanted}`;
        return `expected ${wanted}`;
      }
      const branches = Array.isArray(error.schema) ? error.schema.map(titleOf).filter((t): t is string => !!t) : [];
      if (title) return `expected ${title}, got ${kindOf(value)}`;
      if (branches.length) return `expected ${listOr(branches)}, got ${kindOf(value)}`;
      return "does not match any of the allowed shapes";
    }
    default:
      return error.message ?? error.keyword;
  }
}

/** How telling an error is when several concern the same place (lower first). */
const KEYWORD_RANK: Record<string, number> = {
  type: 0,
  additionalProperties: 1,
  required: 2,
  dependencies: 3,
  enum: 4,
  const: 4,
  maxProperties: 5,
  minProperties: 5,
  oneOf: 9,
  anyOf: 9,
};

function branchIndexOf(parent: ErrorObject, child: ErrorObject): number | null {
  const prefix = `${parent.schemaPath}/`;
  if (!child.schemaPath.startsWith(prefix) || !child.instancePath.startsWith(parent.instancePath)) return null;
  const index = Number(child.schemaPath.slice(prefix.length).split("/")[0]);
  return Number.isInteger(index) ? index : null;
}

/**
 * Drops what only repeats a better error: `if` (its then/else errors say why),
 * the branches of a failing oneOf/anyOf (the branch the value was meant for
 * is kept; for "exactly one of these keys" the oneOf itself says it), and
 * "too many keys" where a key is unknown anyway.
 */
export function collapseSchemaErrors(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) if (error.keyword === "if") dropped.add(error);
  for (const parent of errors) {
    if (parent.keyword !== "oneOf" && parent.keyword !== "anyOf") continue;
    const byBranch = new Map<number, ErrorObject[]>();
    for (const child of errors) {
      if (child === parent) continue;
      const index = branchIndexOf(parent, child);
      if (index === null) continue;
      byBranch.set(index, [...(byBranch.get(index) ?? []), child]);
    }
    if (byBranch.size === 0) continue;
    const children = [...byBranch.values()].flat();
    if (requiredOnlyBranches(parent.schema) || children.every((c) => c.keyword === "required" && c.instancePath === parent.instancePath)) {
      for (const child of children) dropped.add(child);
      continue;
    }
    const fitting = [...byBranch.values()].filter(
      (list) => !list.some((c) => c.keyword === "type" && c.instancePath === parent.instancePath),
    );
    if (fitting.length === 0) {
      for (const child of children) dropped.add(child);
      continue;
    }
    const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
    for (const child of children) if (!best.includes(child)) dropped.add(child);
    dropped.add(parent);
  }
  const kept = errors.filter((e) => !dropped.has(e));
  const hasUnknownKeyAt = new Set(kept.filter((e) => e.keyword === "additionalProperties").map((e) => e.instancePath));
  return kept.filter((e) => !(e.keyword === "maxProperties" && hasUnknownKeyAt.has(e.instancePath)));
}

function problemKey(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties") return `${error.instancePath}\u0000key:${String(params.additionalProperty)}`;
  if (error.keyword === "required") return `${error.instancePath}\u0000required:${String(params.missingProperty)}`;
  return error.instancePath;
}

/**
 * One problem per place, the most telling error for each, in file order.
 * `root` is the parsed document's contents (`doc.contents`), `counter` the
 * LineCounter it was parsed with.
 */
export function schemaProblems(
  errors: ErrorObject[],
  data: unknown,
  root: unknown,
  counter: LineCounter,
  opts: DescribeOptions = {},
): SchemaProblem[] {
  const best = new Map<string, ErrorObject>();
  for (const error of collapseSchemaErrors(errors)) {
    const key = problemKey(error);
    const current = best.get(key);
    const rank = (e: ErrorObject) => KEYWORD_RANK[e.keyword] ?? 6;
    if (!current || rank(error) < rank(current)) best.set(key, error);
  }
  // A value of the wrong type has no useful deeper problems to report.
  const wrongType = [...best.values()].filter((e) => e.keyword === "type").map((e) => e.instancePath);
  const problems: SchemaProblem[] = [];
  for (const error of best.values()) {
    if (wrongType.some((p) => error.instancePath.startsWith(`${p}/`))) continue;
    if (error.keyword !== "type" && wrongType.includes(error.instancePath)) continue;
    const unknownKey =
      error.keyword === "additionalProperties" ? String((error.params as Record<string, unknown>).additionalProperty) : null;
    const pointer =
      unknownKey !== null ? `${error.instancePath}/${unknownKey.replace(/~/g, "~0").replace(/\//g, "~1")}` : error.instancePath;
    const node = yamlNodeAt(root, pointer, unknownKey !== null);
    const { line, col } = positionOf(node, counter);
    problems.push({ pointer, path: readablePath(error.instancePath), line, col, message: describeSchemaError(error, data, opts) });
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path));
}
