/**
 * What the engine does with a rule's meta: its options (defaults, with
 * config's over them, checked against the rule's own schema, as ESLint's
 * `meta.schema`) and its messages (`meta.messages`, `{{name}}` filled from a
 * finding's data).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { UsageError } from "../errors.js";
import { closestMatches } from "../config/edit-distance.js";
import type { MessageData, Rule, RuleMeta } from "../types.js";

const ajv = new Ajv({ allErrors: true, strict: true });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorOf(meta: RuleMeta): ValidateFunction | null {
  if (!meta.schema) return null;
  let validate = compiled.get(meta.schema);
  if (!validate) {
    validate = ajv.compile(meta.schema as Record<string, unknown>);
    compiled.set(meta.schema, validate);
  }
  return validate;
}

function optionName(error: ErrorObject): string {
  const path = error.instancePath.slice(1).replace(/\//g, ".");
  if (error.keyword === "additionalProperties") {
    const key = String((error.params as { additionalProperty: unknown }).additionalProperty);
    return path ? `${path}.${key}` : key;
  }
  return path;
}

function describe(error: ErrorObject, meta: RuleMeta, given: Record<string, unknown>): string {
  const name = optionName(error);
  if (error.keyword === "additionalProperties") {
    const known = Object.keys((meta.schema?.properties as Record<string, unknown> | undefined) ?? {});
    const near = closestMatches(name, known);
    return `unknown option "${name}"${near.length > 0 ? ` (did you mean "${near[0]}"?)` : ""}; its options are ${known.map((k) => `"${k}"`).join(", ")}`;
  }
  const value = name && !name.includes(".") ? ` (got ${JSON.stringify(given[name])})` : "";
  return `${name ? `option "${name}"` : "options"} ${error.message ?? error.keyword}${value}`;
}

/**
 * The options a rule runs with: its defaultOptions, then each layer's in
 * order, checked against its schema. A rule without a schema takes no
 * options; an error names the rule, where the options came from and the bad
 * option.
 */
export function resolveRuleOptions(
  rule: Pick<Rule, "meta">,
  layers: readonly { source: string; options: Record<string, unknown> }[],
): Record<string, unknown> {
  const meta = rule.meta;
  let options: Record<string, unknown> = { ...(meta.defaultOptions ?? {}) };
  for (const layer of layers) {
    const validate = validatorOf(meta);
    if (!validate) {
      const keys = Object.keys(layer.options);
      if (keys.length > 0)
        throw new UsageError(
          `Rule "${meta.id}" takes no options, but ${layer.source} gives it ${keys.map((k) => `"${k}"`).join(", ")}. Give only its severity: "${meta.id}": "error".`,
        );
      continue;
    }
    if (!validate(layer.options)) {
      const problems = (validate.errors ?? []).map((e) => describe(e, meta, layer.options));
      throw new UsageError(
        `Invalid options for rule "${meta.id}" in ${layer.source}: ${[...new Set(problems)].join("; ")}. See the rule's docs: ${meta.docsUrl}`,
      );
    }
    options = { ...options, ...layer.options };
  }
  return options;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * A rule's message by id with its placeholders filled. An unknown id or a
 * placeholder without data is a bug in the rule and throws, naming both.
 */
export function formatMessage(meta: RuleMeta, messageId: string, data: MessageData = {}): string {
  const template = meta.messages[messageId];
  if (template === undefined) {
    throw new Error(
      `Rule "${meta.id}" reported message id "${messageId}", which its meta.messages does not define (it has ${
        Object.keys(meta.messages)
          .map((k) => `"${k}"`)
          .join(", ") || "none"
      }).`,
    );
  }
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name];
    if (value === undefined)
      throw new Error(`Rule "${meta.id}" message "${messageId}" has a placeholder {{${name}}} that the finding's data does not fill.`);
    return String(value);
  });
}

/**
 * Options read from deprecated top-level config keys (`thresholds`), one
 * layer per rule that names its key as meta.deprecatedConfigKey: they go
 * under the config's `rules`, so old configs keep their meaning.
 */
export function deprecatedOptionLayers(
  rules: readonly Rule[],
  config: object,
  source: string,
): { source: string; options: Record<string, Record<string, unknown>> }[] {
  const layers: { source: string; options: Record<string, Record<string, unknown>> }[] = [];
  for (const rule of rules) {
    const key = rule.meta.deprecatedConfigKey;
    const value = key === undefined ? undefined : (config as Record<string, unknown>)[key];
    if (value === undefined || value === null || typeof value !== "object") continue;
    layers.push({
      source: `${source}, key "${key}" (deprecated: give them as options of "${rule.meta.id}" in \`rules\`)`,
      options: { [rule.meta.id]: value as Record<string, unknown> },
    });
  }
  return layers;
}
