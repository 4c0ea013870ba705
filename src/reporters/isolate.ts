import type { RunResult } from '../scenarios/result.js';
import type { Reporter } from './types.js';

/** Why a reporter stopped: its name, the hook that threw, the error's first line. */
export interface ReporterFailure {
  reporter: string;
  hook: string;
  message: string;
}

const ISOLATED = Symbol('hooksim.isolated');

/** Whether a reporter was wrapped by {@link isolateReporter} (wrapping twice would report twice). */
export const isIsolated = (reporter: Reporter) => (reporter as { [ISOLATED]?: true })[ISOLATED] === true;

/**
 * Wraps a reporter so that an exception in it never reaches the run: the failure is reported
 * once through `onFailure`, the reporter is switched off (a reporter that failed half-way would
 * write half a document), and the run and the other reporters go on.
 */
export function isolateReporter(reporter: Reporter, onFailure: (failure: ReporterFailure) => void): Reporter {
  if (isIsolated(reporter)) return reporter;
  let failed = false;
  const guard =
    <A extends unknown[], R>(hook: string, call: ((...args: A) => R) | undefined, fallback: R) =>
    (...args: A): R => {
      if (failed || !call) return fallback;
      try {
        return call.apply(reporter, args);
      } catch (error) {
        failed = true;
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
        onFailure({ reporter: reporter.name, hook, message });
        return fallback;
      }
    };
  return {
    name: reporter.name,
    ...(reporter.keepsResults ? { keepsResults: true } : {}),
    [ISOLATED]: true,
    onRunStart: guard('onRunStart', reporter.onRunStart, undefined),
    onScenarioStart: guard('onScenarioStart', reporter.onScenarioStart, undefined),
    onStepEnd: guard('onStepEnd', reporter.onStepEnd, undefined),
    onScenarioEnd: guard('onScenarioEnd', reporter.onScenarioEnd, undefined),
    onRunEnd: guard('onRunEnd', reporter.onRunEnd as (run: RunResult) => string, ''),
  } as Reporter;
}

/** `reporter junit failed in onRunEnd: message; its output is left out`. */
export function describeFailure(failure: ReporterFailure): string {
  return `reporter ${failure.reporter} failed in ${failure.hook}: ${failure.message}; its output is left out`;
}
