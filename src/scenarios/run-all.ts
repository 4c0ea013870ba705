import { basename, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { describeFailure, isolateReporter, type ReporterFailure } from '../reporters/isolate.js';
import type { Reporter } from '../reporters/types.js';
import { transportFor, type Target } from '../transports/target.js';
import type { HooksimConfig } from '../config/define.js';
import { discoverScenarioFiles } from './discover.js';
import { ScenarioFileError, unexpectedMessage } from './errors.js';
import { loadScenario, type LoadedScenario } from './load.js';
import { exitCodeOf, summarize, type RunResult, type RunSummary, type ScenarioResult, type StepResult } from './result.js';
import { runScenario } from './run.js';
import { namedTarget, scenarioTarget } from './target.js';
import type { MswServerLike } from '../mock-apis/types.js';

/** What `hooksim run` (and the vitest helper) hands the runner. */
export interface RunScenariosOptions {
  /** Files or folders; default: `config.scenarios` or `['scenarios']`. */
  paths?: string[];
  config?: HooksimConfig;
  /** Replaces every scenario's target (a URL or a config target name). */
  target?: Target;
  /** Only scenarios whose name (or file) contains this text, case-insensitive. */
  grep?: string;
  seed?: number;
  /** Stop after the first scenario that does not pass; the rest are reported as skipped. */
  bail?: boolean;
  /** Pins the provider clock at the first step of scenarios without `start`. */
  now?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
  reporters?: Reporter[];
  /** Your tests' running msw server: `serve: msw` mock APIs join it instead of starting a second one. */
  msw?: MswServerLike;
  /**
   * Keep every finished scenario's steps and deliveries in `run.scenarios` (default true).
   * `false`: results stream to the reporters and are then dropped (each scenario stays with its
   * status and error, `steps: []`), so memory does not grow with the number of events; the
   * summary counts everything either way. The CLI keeps them only for a reporter that
   * {@link Reporter.keepsResults | needs them}.
   */
  keepResults?: boolean;
  /** Stops the run: the scenario in flight ends `errored` ("interrupted"), the rest are not run, `run.interrupted` is set. */
  signal?: AbortSignal;
  /** A reporter threw: it is switched off and the run goes on. Default: one line on stderr. */
  onReporterError?: (failure: ReporterFailure) => void;
}

function runtimeError(file: string, name: string, provider: string, target: string, steps: StepResult[], message: string): ScenarioResult {
  return { name, file, provider, target, seed: 0, status: 'errored', steps, error: { kind: 'runtime', message }, durationMs: 0 };
}

/** Adds one scenario's counts to the run's. */
function addTo(total: RunSummary, scenario: ScenarioResult): void {
  const one = summarize([scenario]);
  for (const key of ['scenarios', 'steps'] as const) {
    for (const status of ['passed', 'failed', 'errored', 'skipped'] as const) total[key][status] += one[key][status];
  }
  for (const field of ['sent', 'passed', 'failed', 'errored'] as const) total.events[field] += one.events[field];
  total.configErrors += one.configErrors;
}

/**
 * `work`, or `'aborted'` as soon as the signal aborts. The listener is removed when the work
 * settles: racing every scenario against one never-settling promise would keep each scenario's
 * result (every delivery's bytes) reachable until the run ends.
 */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'aborted'> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function configError(file: string, name: string, error: ScenarioFileError | UsageError): ScenarioResult {
  return {
    name,
    file,
    provider: '',
    target: '',
    seed: 0,
    status: 'errored',
    steps: [],
    error: { kind: 'config', message: error.message, ...(error instanceof ScenarioFileError ? { location: error.location } : {}) },
    durationMs: 0,
  };
}

/** The scenario's transport; a malformed URL written in the file is reported where it is written. */
function transportOf(loaded: LoadedScenario, options: RunScenariosOptions): ReturnType<typeof transportFor> {
  const target = scenarioTarget(loaded, options);
  try {
    return transportFor(target);
  } catch (error) {
    if (error instanceof UsageError && !(error instanceof ScenarioFileError) && options.target === undefined && loaded.spec.target === target) {
      throw new ScenarioFileError(loaded.locate(['target']), error.message);
    }
    throw error;
  }
}

/**
 * Runs scenario files and reports through `reporters`. A file that cannot be loaded is reported
 * (with file:line:column) and the others still run; the result's `exitCode` is 2 then. Nothing
 * in one scenario stops the run: an unexpected error (a bug, a mock API port in use) errors that
 * scenario with a one-line message, a reporter that throws is switched off. Every event sent is
 * counted in `summary.events` (sent = passed + failed + errored).
 */
export async function runScenarios(options: RunScenariosOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const onReporterError = options.onReporterError ?? ((failure: ReporterFailure) => process.stderr.write(`hooksim: ${describeFailure(failure)}\n`));
  const reporters = (options.reporters ?? []).map((reporter) => isolateReporter(reporter, onReporterError));
  const keep = options.keepResults ?? true;
  const signal = options.signal;
  const startedAt = new Date();
  const started = performance.now();
  // A --target that names nothing, or a malformed URL, is the command line's mistake: said once, before anything runs.
  if (typeof options.target === 'string') {
    const probe = transportFor(options.target.includes('://') ? options.target : namedTarget(options.target, options.config, undefined));
    await probe.close();
  }
  const files = await discoverScenarioFiles(options.paths?.length ? options.paths : (options.config?.scenarios ?? ['scenarios']), cwd);
  for (const reporter of reporters) reporter.onRunStart?.(files, { startedAt: startedAt.toISOString() });

  const scenarios: ScenarioResult[] = [];
  const summary = summarize([]);
  let interrupted = false;
  let matched = 0;
  const finish = (result: ScenarioResult) => {
    addTo(summary, result);
    // Reporters get the whole result once; the run keeps it only when asked to.
    scenarios.push(keep ? result : { ...result, steps: [] });
    for (const reporter of reporters) reporter.onScenarioEnd?.(result);
  };
  let bailed = false;
  for (const file of files) {
    if (signal?.aborted) {
      interrupted = true;
      break;
    }
    let loaded: LoadedScenario;
    try {
      loaded = await loadScenario(resolve(cwd, file), file);
    } catch (error) {
      // Whatever went wrong reading this file is this file's problem only.
      const result = configError(file, basename(file), error instanceof UsageError ? error : new UsageError(`${file}: ${unexpectedMessage(error)}`));
      matched += 1;
      finish(result);
      continue;
    }
    const { spec } = loaded;
    if (options.grep && !`${spec.name}\n${file}`.toLowerCase().includes(options.grep.toLowerCase())) continue;
    matched += 1;
    const header = { name: spec.name, file };
    // Each scenario is announced once, when its target is known (or known to be missing).
    let announced = false;
    const announce = (target: string) => {
      if (announced) return;
      announced = true;
      for (const reporter of reporters) reporter.onScenarioStart?.({ ...header, target, provider: loaded.provider.name });
    };

    let result: ScenarioResult;
    if (bailed) {
      announce('');
      result = {
        name: spec.name,
        file,
        provider: loaded.provider.name,
        target: '',
        seed: 0,
        status: 'skipped',
        steps: spec.steps.map((step, index) => ({
          index,
          name: step.name ?? `${step.send} #${index + 1}`,
          event: step.send,
          variant: step.variant ?? '',
          location: loaded.locate(['steps', index]),
          status: 'skipped' as const,
          deliveries: [],
          expectations: [],
          message: 'not run: --bail after an earlier failure',
          durationMs: 0,
        })),
        durationMs: 0,
      };
    } else {
      // Steps as they end: what a scenario that crashes or is interrupted still reports.
      const done: StepResult[] = [];
      let target = '';
      try {
        const transport = transportOf(loaded, options);
        target = transport.description;
        announce(transport.description);
        const scenarioStarted = performance.now();
        const providerDefaults = options.config?.providerOptions?.[loaded.provider.name];
        const running = runScenario(loaded, {
          transport,
          seed: options.seed ?? options.config?.seed,
          now: options.now,
          env: options.env,
          maxReplyBytes: options.config?.maxReplyBytes,
          defaultOptions: providerDefaults,
          msw: options.msw,
          signal,
          onStep: (step) => {
            done.push(step);
            for (const reporter of reporters) reporter.onStepEnd?.(header, step);
          },
        });
        const outcome = await unlessAborted(running, signal).finally(() => {
          // On Ctrl-C the delivery in flight is abandoned, not awaited; its sockets go with the process.
          const closing = transport.close().catch(() => undefined);
          return signal?.aborted ? undefined : closing;
        });
        if (outcome === 'aborted') {
          running.catch(() => undefined);
          interrupted = true;
          const stepNumber = done.length + 1;
          result = runtimeError(file, spec.name, loaded.provider.name, target, [...done], `interrupted (Ctrl-C) during step ${stepNumber} of ${spec.steps.length}`);
          result.durationMs = performance.now() - scenarioStarted;
        } else {
          result = outcome;
        }
      } catch (error) {
        announce(target);
        if (error instanceof UsageError) result = configError(file, spec.name, error);
        else result = runtimeError(file, spec.name, loaded.provider.name, target, [...done], unexpectedMessage(error));
      }
    }
    finish(result);
    if (interrupted) break;
    if (options.bail && result.status !== 'passed' && result.status !== 'skipped') bailed = true;
  }

  if (options.grep && matched === 0 && !interrupted) throw new UsageError(`no scenario matches --grep "${options.grep}"`);
  return {
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    scenarios,
    summary,
    exitCode: exitCodeOf(summary),
    ...(interrupted ? { interrupted: true } : {}),
  };
}
