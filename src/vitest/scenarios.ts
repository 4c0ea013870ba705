import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'vitest';
import type { HooksimConfig } from '../config/define.js';
import type { MswServerLike } from '../mock-apis/types.js';
import { formatLocation } from '../scenarios/source.js';
import { ScenarioFileError } from '../scenarios/errors.js';
import { parseScenario, type LoadedScenario } from '../scenarios/load.js';
import type { ScenarioResult } from '../scenarios/result.js';
import { runScenario } from '../scenarios/run.js';
import { scenarioTarget } from '../scenarios/target.js';
import { transportFor, type Target } from '../transports/target.js';

/** Options of {@link describeScenarios}. */
export interface DescribeScenariosOptions {
  /**
   * Your hooksim config (`import config from './hooksim.config.js'`): targets, `defaultTarget`,
   * seed and provider options resolve exactly as `hooksim run` resolves them.
   */
  config?: HooksimConfig;
  /** Named targets the files refer to (in-process apps, handlers, URLs), added to the config's. */
  targets?: HooksimConfig['targets'];
  /** Replaces every scenario's target. */
  target?: Target;
  seed?: number;
  /** Pins the provider clock at the first step of scenarios without `start`. */
  now?: number;
  env?: Record<string, string | undefined>;
  providerOptions?: HooksimConfig['providerOptions'];
  /** Base for relative paths. Default: the working directory. */
  cwd?: string;
  /** Your tests' running msw server: `mockApi: { serve: msw }` joins it instead of starting a second one. */
  msw?: MswServerLike;
}

function listFiles(paths: string[], cwd: string): string[] {
  const walk = (path: string): string[] => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .sort()
      .filter((name) => !name.startsWith('.'))
      .flatMap((name) => {
        const child = join(path, name);
        return statSync(child).isDirectory() || /\.(ya?ml|json)$/i.test(name) ? walk(child) : [];
      });
  };
  return paths.flatMap((path) => walk(resolve(cwd, path)));
}

/** The failure text of a scenario: each step, and under failed ones what was expected and what came. */
export function describeFailure(result: ScenarioResult): string {
  const lines = [`scenario "${result.name}" ${result.status}`];
  for (const step of result.steps) {
    const mark = { passed: '✔', failed: '✘', errored: '!', skipped: '-' }[step.status];
    lines.push(`  ${mark} ${step.name} (${step.event})${step.message ? `: ${step.message}` : ''}`);
    for (const expectation of step.expectations.filter((e) => !e.pass)) {
      lines.push(`      ${expectation.name}: expected ${expectation.expected}, got ${expectation.actual}  (${formatLocation(expectation.location)})`);
    }
  }
  if (result.error) lines.push(`  ${result.error.message}`);
  return lines.join('\n');
}

/** The configuration these options stand for: `config`, with `targets` added to its targets. */
function configOf(options: DescribeScenariosOptions): HooksimConfig {
  const config = options.config ?? {};
  return {
    ...config,
    targets: { ...(config.targets ?? {}), ...(options.targets ?? {}) },
    providerOptions: { ...(config.providerOptions ?? {}), ...(options.providerOptions ?? {}) },
  };
}

/**
 * Declares one vitest test per scenario file (found in files or folders), run against
 * in-process apps or URLs. A failing test's message lists each step and each failed
 * expectation with its `file:line:column`; a malformed file is a failing test with its message.
 *
 * @example
 * describeScenarios('scenarios/dexie-cloud', { targets: { 'dexie-domain': createDexieDomainHook({ prodDomain: 'acme.test' }) } });
 */
export function describeScenarios(paths: string | string[], options: DescribeScenariosOptions = {}): void {
  const cwd = options.cwd ?? process.cwd();
  for (const file of listFiles(Array.isArray(paths) ? paths : [paths], cwd)) {
    const display = relative(cwd, file) || file;
    let loaded: LoadedScenario | undefined;
    let loadError: Error | undefined;
    try {
      loaded = parseScenario(readFileSync(file, 'utf8'), display);
    } catch (error) {
      loadError = error instanceof ScenarioFileError ? error : new Error(`${display}: ${(error as Error).message}`);
    }
    describe(display, () => {
      if (!loaded) {
        test('loads', () => {
          throw loadError;
        });
        return;
      }
      const scenario = loaded;
      test(scenario.spec.name, async () => {
        const config = configOf(options);
        const transport = transportFor(scenarioTarget(scenario, { target: options.target, config }));
        try {
          const result = await runScenario(scenario, {
            transport,
            seed: options.seed ?? config.seed,
            now: options.now,
            env: options.env ?? process.env,
            defaultOptions: config.providerOptions?.[scenario.provider.name],
            maxReplyBytes: config.maxReplyBytes,
            msw: options.msw,
          });
          if (result.status !== 'passed') throw new Error(describeFailure(result));
        } finally {
          await transport.close();
        }
      });
    });
  }
}
