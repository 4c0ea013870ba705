import type { RunResult, ScenarioResult, StepResult } from '../scenarios/result.js';

/**
 * A reporter, in the manner of vitest's: optional live hooks while the run goes, and a final
 * rendering. Reporters never decide the exit code.
 */
export interface Reporter {
  readonly name: string;
  /**
   * The reporter reads every result in full when the run ends (`run.scenarios` with their
   * deliveries). Without it, the runner does not keep the deliveries of finished scenarios: a
   * reporter gets each result once, as it comes (`onStepEnd`, `onScenarioEnd`), and memory stays
   * flat however many events a run sends.
   */
  readonly keepsResults?: boolean;
  /** The files about to run, and when the run started (ISO time). */
  onRunStart?(files: readonly string[], run?: { startedAt: string }): void;
  /** `provider` and `target` are shown in headers when the runner knows them. */
  onScenarioStart?(scenario: { name: string; file: string; provider?: string; target?: string }): void;
  onStepEnd?(scenario: { name: string; file: string }, step: StepResult): void;
  onScenarioEnd?(scenario: ScenarioResult): void;
  /** The reporter's document (JSON, XML, text) for the run, written to stdout or `--out`. */
  onRunEnd(run: RunResult): string;
}

/** Where reporters write live output (progress, pretty lines). */
export interface ReporterOutput {
  write(text: string): void;
  /** A terminal: live progress lines may be rewritten in place. */
  isTty: boolean;
  colour: boolean;
}
