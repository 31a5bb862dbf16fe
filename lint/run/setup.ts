/** A run's settings: the config file, and which rules run on each target at what severity. */
import { loadConfig, overridesFor, type LoadedConfig, type RuleSettingInput } from "../config/config.js";
import type { Rule } from "../types.js";
import { selectRules } from "./engine.js";
import { deprecatedOptionLayers } from "./rule-options.js";

export interface RunSetup {
  loaded: LoadedConfig;
  rulesFor: (targetPath: string | null) => ReturnType<typeof selectRules>;
}

/** Checks config and rule settings before any browser starts, so bad input fails fast with exit 2. */
export function prepareRun(
  opts: { cwd?: string; config?: string; rules?: Record<string, RuleSettingInput> },
  rules: readonly Rule[],
): RunSetup {
  const cwd = opts.cwd ?? process.cwd();
  const loaded = loadConfig(opts.config, cwd);
  const configSource = loaded.path ?? "config";
  const baseLayers = [...deprecatedOptionLayers(rules, loaded.config, configSource), { source: configSource, rules: loaded.config.rules }];
  // Validate every layer once up front so a typo fails before linting.
  selectRules(rules, [...baseLayers, { source: "--rule", rules: opts.rules }]);
  for (const o of loaded.config.overrides ?? []) selectRules(rules, [{ source: `${configSource} overrides`, rules: o.rules }]);
  return {
    loaded,
    rulesFor: (targetPath) => {
      const override = targetPath ? overridesFor(loaded, targetPath) : {};
      return selectRules(rules, [
        ...baseLayers,
        { source: `${configSource} overrides`, rules: override.rules },
        { source: "--rule", rules: opts.rules },
      ]);
    },
  };
}
