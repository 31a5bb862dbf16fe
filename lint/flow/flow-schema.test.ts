import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { schemaPath } from "../package-info.js";
import { FLOW_ACTION_NAMES } from "./types.js";

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(schemaPath("flow.schema.json"), "utf8")) as Schema;

function resolveRef(node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const name = ref.replace("#/definitions/", "");
  return (schema.definitions as Record<string, Schema>)[name];
}

/** Every schema object in the file with the JSON path to it. */
function walk(node: unknown, path: string, out: [string, Schema][] = []): [string, Schema][] {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`, out));
  else if (node && typeof node === "object") {
    out.push([path, node as Schema]);
    for (const [k, v] of Object.entries(node)) if (k !== "enum") walk(v, `${path}.${k}`, out);
  }
  return out;
}

describe("schemas/flow.schema.json", () => {
  it("is draft-07 and compiles under ajv's strict mode", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(() => new Ajv({ strict: true, strictTypes: false, strictRequired: false }).compile(schema)).not.toThrow();
  });

  it("gives every property a title and a description (for editors), directly or through its $ref", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, node] of walk(schema, "$")) {
      const properties = node.properties as Record<string, Schema> | undefined;
      if (!properties || path.endsWith(".properties")) continue;
      for (const [key, property] of Object.entries(properties)) {
        checked++;
        const target = resolveRef(property);
        const title = property.title ?? target.title;
        const description = property.description ?? target.description;
        if (typeof title !== "string" || typeof description !== "string") missing.push(`${path}.properties.${key}`);
      }
    }
    expect(missing).toEqual([]);
    // url, steps, every action, every locator field of each locator shape, viewport size...
    expect(checked).toBeGreaterThan(40);
  });

  it("closes every object schema that lists properties (additionalProperties: false)", () => {
    const open = walk(schema, "$")
      .filter(([path, node]) => node.properties && !path.endsWith(".properties") && node.additionalProperties !== false)
      .map(([path]) => path);
    expect(open).toEqual([]);
  });

  it("lists exactly the actions the runner knows, one key per action", () => {
    const action = (schema.definitions as Record<string, Schema>).action;
    expect(Object.keys(action.properties as object)).toEqual([...FLOW_ACTION_NAMES]);
    expect(action.minProperties).toBe(1);
    expect(action.maxProperties).toBe(1);
  });
});
