/**
 * The command line: `consentlint lint|merge|diff|verify-evidence|init|rules`. Exit codes as ESLint: 0 clean,
 * 1 error-severity findings (or too many warnings), 2 the run itself failed.
 *
 * The browser driver, the rules and the formatters are loaded by the
 * commands that use them, so `verify-evidence`, `diff` and `init` start
 * quickly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { writeOutputFile } from "../output-file.js";
import { UsageError } from "../errors.js";
import { TOOL_VERSION } from "../package-info.js";
import { REPORT_FORMATS, type ReportFormat } from "../report/formats.js";
import { formatBatchSummary, summarizeBatch } from "../report/batch-summary.js";
import { createProgressBar, wantsProgressBar } from "../report/progress.js";
import type { RuleSettingInput, ViewportInput } from "../config/config.js";
import type { LintReport, Thresholds } from "../types.js";
import type { ConsentMode } from "../consent-flow/steps.js";
import { terminalSafe } from "../report/terminal-text.js";
import { mergeReports, readReport } from "../run/merge.js";
import { parseShard } from "../run/shard.js";
import { formatVerify, MANIFEST_HASH_NAME, verifyEvidence } from "../evidence/manifest.js";
import { readTargetsFile } from "../targets/targets-file.js";

const FORMATS = REPORT_FORMATS;
type Format = ReportFormat;

function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}".`);
    return n;
  };
}

/** `--rule id=severity`, or `--rule 'id=["severity", {options}]'` as in config (options are checked against the rule's schema later). */
function collectRule(value: string, previous: Record<string, RuleSettingInput>): Record<string, RuleSettingInput> {
  const text = value.trim();
  const plain = /^([a-z0-9-]+)=(off|warn|error)$/.exec(text);
  if (plain) return { ...previous, [plain[1]]: plain[2] as RuleSettingInput };
  const withOptions = /^([a-z0-9-]+)=(\[.*\])$/s.exec(text);
  if (withOptions) {
    let setting: unknown;
    try {
      setting = JSON.parse(withOptions[2]);
    } catch (error) {
      throw new InvalidArgumentError(
        `--rule ${withOptions[1]}: the setting is not valid JSON (${(error as Error).message}); expected e.g. ${withOptions[1]}='["error",{"minContrast":4.5}]'.`,
      );
    }
    const [severity, options, ...rest] = setting as unknown[];
    const severityOk = severity === "off" || severity === "warn" || severity === "error";
    const optionsOk = options === undefined || (typeof options === "object" && options !== null && !Array.isArray(options));
    if (!severityOk || !optionsOk || rest.length > 0) {
      throw new InvalidArgumentError(
        `--rule ${withOptions[1]}: expected ["off"|"warn"|"error"] or ["off"|"warn"|"error", {options}], got ${withOptions[2]}.`,
      );
    }
    return { ...previous, [withOptions[1]]: setting as RuleSettingInput };
  }
  throw new InvalidArgumentError(`--rule expects <id>=off|warn|error or <id>=["severity",{options}], got "${value}".`);
}

export function exitCodeFor(report: LintReport, maxWarnings: number | undefined): number {
  if (report.results.some((r) => r.error)) return 2;
  // With snapshots, findings accepted in the baseline (persisting) do not fail the run; new ones do.
  const failing = report.results.reduce(
    (n, r) => n + r.findings.filter((f) => f.severity === "error" && !(r.snapshot?.persisting ?? []).includes(f.fingerprint)).length,
    0,
  );
  if (failing > 0) return 1;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return 1;
  return 0;
}

async function ruleMetas() {
  const { allRules } = await import("../rule-set.js");
  return allRules.map((r) => r.meta);
}

async function render(
  report: LintReport,
  format: Format,
  opts: { quiet: boolean; color: boolean; thresholds?: Thresholds },
): Promise<string> {
  const { renderReport } = await import("../report/render.js");
  const text = renderReport(report, format, { rules: await ruleMetas(), cwd: process.cwd(), ...opts });
  if (format !== "stylish") return text;
  // A batch of sites: which rules and patterns are how widespread, after the findings.
  const batch = summarizeBatch(report);
  return batch.targets > 1 ? `${text}\n${formatBatchSummary(batch)}` : text;
}

/** The HTML report is a file to open, mail or publish, never a stream on stdout. */
function requireOutputFor(format: Format, output: string | undefined): void {
  if (format === "html" && !output) {
    throw new UsageError("--format html writes a file: give it with --output <file>, e.g. --output consent-report.html.");
  }
}

/** Where the evidence went and the manifest's hash, to be kept apart from the bundle so later changes to it show. */
function reportEvidence(dir: string): void {
  let hash = "";
  try {
    hash = readFileSync(join(dir, MANIFEST_HASH_NAME), "utf8").split(/\s+/)[0] ?? "";
  } catch {
    hash = "";
  }
  process.stderr.write(
    `consentlint: evidence written to ${dir}${hash ? `; manifest.json sha256 ${hash} (keep it apart from the bundle; \`consentlint verify-evidence ${dir} --manifest-sha256 ${hash}\` checks the bundle against it)` : ""}\n`,
  );
}

/** The readability thresholds the rules ran with (their options, from config and --rule), for the HTML report's "readable text needs" sentences. */
async function ruleThresholds(configPath: string | undefined, rules: Record<string, RuleSettingInput>): Promise<Thresholds | undefined> {
  try {
    const [{ prepareRun }, { allRules }, { readabilityThresholds }] = await Promise.all([
      import("../run/runner.js"),
      import("../rule-set.js"),
      import("../report/measures.js"),
    ]);
    return readabilityThresholds(
      prepareRun({ config: configPath, rules }, allRules)
        .rulesFor(null)
        .map((s) => s.options),
    );
  } catch {
    return undefined;
  }
}

interface LintCliOptions {
  format: Format;
  output?: string;
  config?: string;
  rule: Record<string, RuleSettingInput>;
  timeout?: number;
  concurrency?: number;
  quiet?: boolean;
  maxWarnings?: number;
  viewport?: string;
  locale?: string;
  static?: boolean;
  browser?: string;
  color?: boolean;
  targets?: string;
  shard?: string;
  snapshotDir?: string;
  updateSnapshots?: string;
  evidence?: string;
  consent?: ConsentMode;
}

const CONSENT_MODES: readonly ConsentMode[] = ["reject", "accept", "both"];

/** `--consent reject|accept|both`. */
function parseConsentMode(value: string): ConsentMode {
  if ((CONSENT_MODES as readonly string[]).includes(value)) return value as ConsentMode;
  throw new InvalidArgumentError(`expected reject, accept or both, got ${JSON.stringify(value)}.`);
}

function useColor(explicit: boolean | undefined, toFile: boolean): boolean {
  if (explicit !== undefined) return explicit;
  if (toFile || process.env.NO_COLOR) return false;
  return Boolean(process.stdout.isTTY) || Boolean(process.env.FORCE_COLOR);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("consentlint")
    .description("Lint consent flows in a real browser for pre-checked opt-ins, hidden consent text and bundled consent.")
    .version(TOOL_VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  addLintCommand(program);
  addMergeCommand(program);
  addDiffCommand(program);
  addVerifyEvidenceCommand(program);
  addInitCommand(program);
  addRulesCommand(program);
  return program;
}

/** `consentlint lint`: lint pages and flows, report, exit 0/1/2. */
function addLintCommand(program: Command): void {
  program
    .command("lint")
    .description("lint pages: http(s) or file URLs, .html files, directories (recursive)")
    .argument("[targets...]", "pages to lint (default: `targets` from the config)")
    .addOption(new Option("-f, --format <format>", "output format").choices([...FORMATS]).default("stylish"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("-c, --config <file>", "config file (default: consentlint.config.json/.yaml found upward)")
    .option("--rule <id=severity>", "set a rule to off, warn or error, or to [severity, options] as JSON (repeatable)", collectRule, {})
    .option("--timeout <ms>", "time allowed per page, in ms (default 30000)", parsePositiveInt("--timeout"))
    .option("--concurrency <n>", "pages linted at once (default: from the CPU count)", parsePositiveInt("--concurrency"))
    .option(
      "--viewport <list>",
      "desktop (1280x800, default), mobile (390x844), tablet or WIDTHxHEIGHT; a comma list lints every target in each",
    )
    .option("--locale <list>", "browser locale, e.g. zh-CN; a comma list (zh-CN,en-US) lints every target in each")
    .option(
      "--consent <mode>",
      "drive each page's consent manager (autoconsent, else the page's own buttons) and lint the first visit, the page after refusing, accepting or both, and after a reload: reject | accept | both",
      parseConsentMode,
    )
    .option("--static", "no browser: lint the HTML with inline and <style> styles; what needs a browser is reported as incomplete")
    .option("--browser <path>", "Chrome/Chromium binary to use")
    .option("-q, --quiet", "report errors only")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parsePositiveInt("--max-warnings"))
    .option("--targets <file>", "read targets from a file, one URL or path per line (# comments)")
    .option("--shard <i/n>", "lint only shard i of n of the targets (deterministic, as Playwright's --shard)")
    .option("--snapshot-dir <dir>", "compare each state with its stored snapshot in this folder")
    .option("--update-snapshots <mode>", "none | missing | changed | all (default missing; none when CI is set)")
    .option(
      "--evidence <dir>",
      "write an evidence bundle (screenshots, DOM, aria snapshot, requests, hashed manifest; with --static: the HTML, model and findings)",
    )
    .option("--no-color", "plain output")
    .action(async (targets: string[], options: LintCliOptions) => {
      requireOutputFor(options.format, options.output);
      const viewport = parseViewportOption(options.viewport);
      const progress = wantsProgressBar() ? createProgressBar(process.stderr) : null;
      const log = (line: string) => (progress ? progress.log(line) : process.stderr.write(line + "\n"));
      const fromFile = options.targets ? readTargetsFile(options.targets, process.cwd()) : [];
      const [{ lint }, { parseUpdateMode }, { allRules }] = await Promise.all([
        import("../run/runner.js"),
        import("../snapshot/snapshot.js"),
        import("../rule-set.js"),
      ]);
      const report = await lint(
        [...targets, ...fromFile],
        {
          shard: options.shard ? parseShard(options.shard) : undefined,
          snapshotDir: options.snapshotDir,
          updateSnapshots: parseUpdateMode(options.updateSnapshots, Boolean(process.env.CI)),
          evidenceDir: options.evidence,
          commandLine: process.argv.slice(1),
          config: options.config,
          rules: options.rule,
          timeout: options.timeout,
          concurrency: options.concurrency === 0 ? undefined : options.concurrency,
          viewport,
          locale: parseLocaleOption(options.locale),
          static: options.static,
          browserPath: options.browser,
          consent: options.consent,
          log,
          onResult: progress ? (result, done, total) => progress.onResult(result, done, total) : undefined,
          // The HTML report pictures each finding's element in context.
          screenshots: options.format === "html",
        },
        allRules,
      ).finally(() => progress?.stop());
      if (options.quiet) {
        for (const r of report.results) r.findings = r.findings.filter((f) => f.severity === "error");
        report.summary.warnings = 0;
      }
      const color = useColor(options.color === false ? false : undefined, Boolean(options.output));
      const thresholds = options.format === "html" ? await ruleThresholds(options.config, options.rule) : undefined;
      const text = await render(report, options.format, { quiet: Boolean(options.quiet), color, thresholds });
      if (options.output) {
        writeOutputFile(options.output, text);
        const { errors, warnings, targets } = report.summary;
        process.stderr.write(
          `consentlint: ${targets} targets, ${errors} errors, ${warnings} warnings; report written to ${options.output}\n`,
        );
      } else {
        process.stdout.write(text);
      }
      if (options.evidence) reportEvidence(options.evidence);
      process.exitCode = exitCodeFor(report, options.maxWarnings);
    });
}

/** `consentlint merge`: join JSON reports (of --shard runs) into one. */
function addMergeCommand(program: Command): void {
  program
    .command("merge")
    .description("join JSON reports (e.g. of --shard runs) into one report")
    .argument("<reports...>", "JSON reports written by `lint --format json`")
    .addOption(new Option("-f, --format <format>", "output format").choices([...FORMATS]).default("json"))
    .option("-o, --output <file>", "write the merged report to a file")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parsePositiveInt("--max-warnings"))
    .action(async (paths: string[], options: { format: Format; output?: string; maxWarnings?: number }) => {
      requireOutputFor(options.format, options.output);
      const report = mergeReports(paths.map(readReport));
      const text = await render(report, options.format, { quiet: false, color: useColor(undefined, Boolean(options.output)) });
      if (options.output) writeOutputFile(options.output, text);
      else process.stdout.write(text);
      process.exitCode = exitCodeFor(report, options.maxWarnings);
    });
}

/** `consentlint diff`: compare two reports or snapshot folders. */
function addDiffCommand(program: Command): void {
  program
    .command("diff")
    .description("compare two JSON reports or two snapshot folders: fixed / introduced / persisting, and a verdict")
    .argument("<before>", "the earlier JSON report or --snapshot-dir folder")
    .argument("<after>", "the later JSON report or --snapshot-dir folder")
    .addOption(new Option("-f, --format <format>", "output format").choices(["stylish", "json"]).default("stylish"))
    .action(async (beforePath: string, afterPath: string, options: { format: string }) => {
      const { diffExitCode, diffReports, formatDiffText, readDiffInput } = await import("../snapshot/diff.js");
      const diff = diffReports(readDiffInput(beforePath), readDiffInput(afterPath));
      if (options.format === "json") process.stdout.write(JSON.stringify(diff, null, 2) + "\n");
      else
        process.stdout.write(
          formatDiffText(diff)
            .trimEnd()
            .split("\n")
            .map((l) => terminalSafe(l, 1000))
            .join("\n") + "\n",
        );
      process.exitCode = diffExitCode(diff);
    });
}

/** `consentlint verify-evidence`: recompute an evidence bundle's hashes. */
function addVerifyEvidenceCommand(program: Command): void {
  program
    .command("verify-evidence")
    .description("recompute every hash of an evidence bundle; exit 1 naming any file changed, missing or added")
    .argument("<dir>", "the evidence folder")
    .option("--manifest-sha256 <hash>", "also check manifest.json against the hash printed when the bundle was written")
    .action((dir: string, options: { manifestSha256?: string }) => {
      const outcome = verifyEvidence(dir, options.manifestSha256);
      process.stdout.write(formatVerify(dir, outcome));
      process.exitCode = outcome.ok ? 0 : 1;
    });
}

/** `consentlint init`: write a starter config and flow. */
function addInitCommand(program: Command): void {
  program
    .command("init")
    .description("write a starter consentlint.config.json and example.flow.yaml into the current folder")
    .option("--force", "overwrite those files when they exist")
    .action(async (options: { force?: boolean }) => {
      const { writeStarterFiles } = await import("./init.js");
      const { written } = writeStarterFiles(process.cwd(), Boolean(options.force));
      process.stdout.write(`Wrote ${written.join(" and ")}.\nNext: edit the flow's url and steps, then run \`npx consentlint lint\`.\n`);
    });
}

/** `consentlint rules`: list the rules with their docs. */
function addRulesCommand(program: Command): void {
  program
    .command("rules")
    .description("list the rules with their docs")
    .addOption(new Option("-f, --format <format>", "output format").choices(["stylish", "json"]).default("stylish"))
    .action(async (options: { format: string }) => {
      const { allRules } = await import("../rule-set.js");
      if (options.format === "json") {
        process.stdout.write(
          JSON.stringify(
            allRules.map((r) => r.meta),
            null,
            2,
          ) + "\n",
        );
        return;
      }
      for (const r of allRules) {
        process.stdout.write(
          `${r.meta.id}  (${r.meta.severity}, v${r.meta.version})\n  ${r.meta.description}\n  ${r.meta.docsUrl}\n  ${r.meta.legal.map((l) => l.id).join("; ")}\n\n`,
        );
      }
    });
}

function parseViewportOption(value: string | undefined): ViewportInput[] | undefined {
  if (value === undefined) return undefined;
  return listOption(value, "--viewport").map((item): ViewportInput => {
    if (item === "desktop" || item === "mobile" || item === "tablet") return item;
    const match = /^(\d{2,5})x(\d{2,5})$/.exec(item);
    if (!match)
      throw new UsageError(
        `--viewport expects desktop, mobile, tablet or WIDTHxHEIGHT (e.g. 390x844), or a comma list of them; got "${item}".`,
      );
    return { width: Number(match[1]), height: Number(match[2]) };
  });
}

function parseLocaleOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return listOption(value, "--locale").map((item) => {
    try {
      return Intl.getCanonicalLocales(item)[0];
    } catch {
      throw new UsageError(`--locale expects BCP 47 language tags such as zh-CN or en-US, or a comma list of them; got "${item}".`);
    }
  });
}

/** A comma-separated option value: trimmed, without repeats, never empty. */
function listOption(value: string, flag: string): string[] {
  const items = [
    ...new Set(
      value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length === 0) throw new UsageError(`${flag} needs a value.`);
  return items;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes exit 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    // BrowserNotFoundError by name: lint/browser/launch.js (and Playwright with it) is only loaded by lint.
    if (error instanceof UsageError || (error instanceof Error && error.name === "BrowserNotFoundError")) {
      process.stderr.write(`consentlint: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`consentlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
