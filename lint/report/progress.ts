/**
 * A progress bar on a terminal's stderr while targets are linted, so stdout
 * carries nothing but the report. Log lines written meanwhile appear above
 * the bar instead of tearing it.
 */
import cliProgress from "cli-progress";
import type { LintResult } from "../types.js";
import { terminalSafe } from "./terminal-text.js";

export interface Progress {
  /** The `onResult` callback of `lint()`. */
  onResult(result: LintResult, done: number, total: number): void;
  /** Writes a log line without breaking the bar. */
  log(line: string): void;
  /** Removes the bar; call before writing the report. */
  stop(): void;
}

/** Whether to show a bar: stderr is a terminal and the run is not in CI. */
export function wantsProgressBar(stream: { isTTY?: boolean } = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.CI;
}

export function createProgressBar(stream: NodeJS.WritableStream = process.stderr): Progress {
  let bars: cliProgress.MultiBar | null = null;
  let bar: cliProgress.SingleBar | null = null;
  return {
    onResult(result, done, total) {
      const target = terminalSafe(`${result.target}${result.step ? ` › ${result.step}` : ""}`, 50);
      if (!bars) {
        bars = new cliProgress.MultiBar(
          {
            stream,
            format: " {bar} {value}/{total} targets  {target}",
            hideCursor: true,
            clearOnComplete: true,
            stopOnComplete: false,
            barsize: 24,
            fps: 10,
            autopadding: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar = bars.create(total, done, { target });
      }
      bar?.setTotal(total);
      bar?.update(done, { target });
      // Draw now rather than at the next frame: a target finishing is the news.
      bars.update();
    },
    log(line) {
      if (bars) bars.log(`${line}\n`);
      else stream.write(`${line}\n`);
    },
    stop() {
      // Flush log lines still waiting for the next frame, which stop() alone would drop.
      bars?.update();
      bars?.stop();
      bars = null;
      bar = null;
    },
  };
}
