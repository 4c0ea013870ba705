import type { Attempt, Reply, TransportError, Verdict, WireRequest } from '../core/types.js';
import type { SourceLocation } from './source.js';

/** One delivery of a step's event (a step that repeats a delivery has several). */
export interface DeliveryResult {
  request: WireRequest;
  response?: Reply;
  error?: TransportError;
  attempts: Attempt[];
  verdict: Verdict;
  outcome: unknown;
  /** The provider's decision in a few words, for report lines. */
  decision?: string;
  /**
   * Set on a delivery the provider made on its own because of what the hook did through the
   * mock API (Logto's data events): the event it sent.
   */
  followUp?: string;
}

/** One checked expectation, with expected vs actual as text and where it is written. */
export interface ExpectationResult {
  /** What was checked: `status`, `contract`, `body.action`, `outcome.login`, `latency`... */
  name: string;
  pass: boolean;
  expected: string;
  actual: string;
  location: SourceLocation;
}

/**
 * `passed`: every expectation held. `failed`: an expectation did not hold. `errored`: the hook
 * could not be reached or the step could not be built. `skipped`: not run (after an error, or --bail).
 */
export type Status = 'passed' | 'failed' | 'errored' | 'skipped';

export interface StepResult {
  /** 0-based position in the scenario. */
  index: number;
  /** The step's name, or `<event> #<n>` when it has none. */
  name: string;
  event: string;
  variant: string;
  location: SourceLocation;
  status: Status;
  /** Every event sent for this step (empty when skipped or when it could not be built). */
  deliveries: DeliveryResult[];
  expectations: ExpectationResult[];
  /** Why the step errored or was skipped. */
  message?: string;
  durationMs: number;
}

export interface ScenarioResult {
  name: string;
  file: string;
  provider: string;
  /** Where the events went (URL or in-process description). */
  target: string;
  seed: number;
  status: Status;
  steps: StepResult[];
  /** For a scenario that could not run at all: a malformed file, an unknown target. */
  error?: { message: string; location?: SourceLocation; kind: 'config' | 'runtime' };
  durationMs: number;
}

/** Counts for the summary line. */
export interface Counts {
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

export interface RunSummary {
  scenarios: Counts;
  steps: Counts;
  /** Every event sent: judged by its step's status (a repeated delivery counts each time). */
  events: { sent: number; passed: number; failed: number; errored: number };
  /** Files that could not be loaded (exit code 2). */
  configErrors: number;
}

export interface RunResult {
  /** ISO time the run started. */
  startedAt: string;
  durationMs: number;
  scenarios: ScenarioResult[];
  summary: RunSummary;
  /** 0 all passed, 1 a scenario failed, 2 a file or the configuration was invalid. */
  exitCode: 0 | 1 | 2;
  /** The run was stopped (Ctrl-C): the scenarios listed are the ones that ran; the CLI exits 130. */
  interrupted?: boolean;
}

/** Tallies a run's results. */
export function summarize(scenarios: readonly ScenarioResult[]): RunSummary {
  const zero = (): Counts => ({ passed: 0, failed: 0, errored: 0, skipped: 0 });
  const summary: RunSummary = { scenarios: zero(), steps: zero(), events: { sent: 0, passed: 0, failed: 0, errored: 0 }, configErrors: 0 };
  for (const scenario of scenarios) {
    summary.scenarios[scenario.status] += 1;
    if (scenario.error?.kind === 'config') summary.configErrors += 1;
    for (const step of scenario.steps) {
      summary.steps[step.status] += 1;
      for (const delivery of step.deliveries) {
        summary.events.sent += 1;
        if (delivery.error && step.status === 'errored') summary.events.errored += 1;
        else if (step.status === 'passed') summary.events.passed += 1;
        else summary.events.failed += 1;
      }
    }
  }
  return summary;
}

/** The exit code a run ends with. */
export function exitCodeOf(summary: RunSummary): 0 | 1 | 2 {
  if (summary.configErrors > 0) return 2;
  return summary.scenarios.failed + summary.scenarios.errored > 0 ? 1 : 0;
}
