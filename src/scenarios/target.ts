import type { HooksimConfig } from '../config/define.js';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { Target } from '../transports/target.js';
import { ScenarioFileError } from './errors.js';
import type { LoadedScenario } from './load.js';

// One implementation for `hooksim run` and `describeScenarios`: a scenario reaches the same hook
// from the command line and from a vitest file.

/** Picks the scenario's target: --target, then the file's `target` (URL or config name), then the config default. */
export function scenarioTarget(loaded: LoadedScenario, options: { target?: Target; config?: HooksimConfig }): Target {
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

/** The config's target called `name`, or an error naming the known ones (at the file's `target:` when it came from there). */
export function namedTarget(name: string, config: HooksimConfig | undefined, loaded: LoadedScenario | undefined): Target {
  const targets = config?.targets ?? {};
  const target = targets[name];
  if (target !== undefined) return target;
  const names = Object.keys(targets);
  const message = `unknown target "${name}"${didYouMean(name, names)}: ${names.length ? `the config defines ${names.join(', ')}` : 'no config file defines targets'}; a URL needs its scheme (http://...)`;
  if (loaded && loaded.spec.target === name) throw new ScenarioFileError(loaded.locate(['target']), message);
  throw new UsageError(message);
}
