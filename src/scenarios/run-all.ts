import { basename, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { Reporter } from '../reporters/types.js';
import { transportFor, type Target } from '../transports/target.js';
import type { HooksimConfig } from '../config/define.js';
import { discoverScenarioFiles } from './discover.js';
import { ScenarioFileError } from './errors.js';
import { loadScenario, type LoadedScenario } from './load.js';
import { exitCodeOf, summarize, type RunResult, type ScenarioResult } from './result.js';
import { runScenario } from './run.js';
import type { MswServerLike } from '../mock-apis/msw.js';

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

/** Picks the scenario's target: --target, then the file's `target` (URL or config name), then the config default. */
function targetFor(loaded: LoadedScenario, options: RunScenariosOptions): Target {
  if (options.target !== undefined) {
    if (typeof options.target === 'string' && !options.target.includes('://')) return namedTarget(options.target, options.config, undefined);
    return options.target;
  }
  const named = loaded.spec.target ?? options.config?.defaultTarget;
  if (named === undefined) {
    throw new ScenarioFileError(loaded.locate([]), 'no target: set `target:` in the file (a URL or a config target name) or pass --target URL');
  }
  if (named.includes('://')) return named;
  return namedTarget(named, options.config, loaded);
}

function namedTarget(name: string, config: HooksimConfig | undefined, loaded: LoadedScenario | undefined): Target {
  const targets = config?.targets ?? {};
  const target = targets[name];
  if (target !== undefined) return target;
  const names = Object.keys(targets);
  const message = `unknown target "${name}"${didYouMean(name, names)}: ${names.length ? `the config defines ${names.join(', ')}` : 'no config file defines targets'}; a URL needs its scheme (http://...)`;
  if (loaded && loaded.spec.target === name) throw new ScenarioFileError(loaded.locate(['target']), message);
  throw new UsageError(message);
}

/**
 * Runs scenario files and reports through `reporters`. A file that cannot be loaded is reported
 * (with file:line:column) and the others still run; the result's `exitCode` is 2 then.
 */
export async function runScenarios(options: RunScenariosOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const reporters = options.reporters ?? [];
  const startedAt = new Date();
  const started = performance.now();
  const files = await discoverScenarioFiles(options.paths?.length ? options.paths : (options.config?.scenarios ?? ['scenarios']), cwd);
  for (const reporter of reporters) reporter.onRunStart?.(files);

  const scenarios: ScenarioResult[] = [];
  let bailed = false;
  for (const file of files) {
    let loaded: LoadedScenario;
    try {
      loaded = await loadScenario(resolve(cwd, file), file);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const result = configError(file, basename(file), error);
      scenarios.push(result);
      for (const reporter of reporters) reporter.onScenarioEnd?.(result);
      continue;
    }
    const { spec } = loaded;
    if (options.grep && !`${spec.name}\n${file}`.toLowerCase().includes(options.grep.toLowerCase())) continue;
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
      try {
        const transport = transportFor(targetFor(loaded, options));
        announce(transport.description);
        try {
          const providerDefaults = options.config?.providerOptions?.[loaded.provider.name];
          result = await runScenario(loaded, {
            transport,
            seed: options.seed ?? options.config?.seed,
            now: options.now,
            env: options.env,
            maxReplyBytes: options.config?.maxReplyBytes,
            defaultOptions: providerDefaults,
            msw: options.msw,
            onStep: (step) => {
              for (const reporter of reporters) reporter.onStepEnd?.(header, step);
            },
          });
        } finally {
          await transport.close();
        }
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        announce('');
        result = configError(file, spec.name, error);
      }
    }
    scenarios.push(result);
    for (const reporter of reporters) reporter.onScenarioEnd?.(result);
    if (options.bail && result.status !== 'passed' && result.status !== 'skipped') bailed = true;
  }

  if (options.grep && scenarios.length === 0) throw new UsageError(`no scenario matches --grep "${options.grep}"`);
  const summary = summarize(scenarios);
  return { startedAt: startedAt.toISOString(), durationMs: performance.now() - started, scenarios, summary, exitCode: exitCodeOf(summary) };
}
