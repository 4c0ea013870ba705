import type { AnyProvider } from '../providers/types.js';
import type { Effects } from '../check/types.js';
import type { Target } from '../transports/target.js';

/**
 * hooksim's configuration (`hooksim.config.ts` / `.js` / `.json` in the working directory, or
 * `--config FILE`). Everything is optional.
 */
export interface HooksimConfig {
  /**
   * Named targets that scenario files refer to with `target: <name>`: a URL, an Express app or
   * Node handler (run in-process), `{ app, path }`, or `{ fetch, path }`.
   */
  targets?: Record<string, Target>;
  /** Target for scenarios that name none. */
  defaultTarget?: string;
  /** Files or folders `hooksim run` runs when given none. Default: `['scenarios']`. */
  scenarios?: string[];
  /** Seed replacing every scenario's own. */
  seed?: number;
  /** Reporters when `--reporter` is not given. Default: `['pretty']`. */
  reporters?: string[];
  /** Cap on the bytes read from each reply. Default 1 MiB. */
  maxReplyBytes?: number;
  /**
   * Provider options under each scenario's own options, by provider name: the place for secrets
   * from the environment (`logto: { signingKey: process.env.LOGTO_SIGNING_KEY }`).
   */
  providerOptions?: Record<string, Record<string, unknown>>;
  /**
   * What `hooksim check` verifies after a delivery, by event: a request to your app's API with the
   * answer expected (`{ request: 'GET /users/${data.id}', expect: { status: 200 } }`), or a
   * function that looks in your app's database. `--effects FILE` replaces them.
   */
  effects?: Effects;
  /**
   * More providers: provider files (YAML/JSON, relative to the config file) or `Provider` objects.
   * Scenario files and `--provider` flags then name them like the built-in ones.
   */
  providers?: (string | AnyProvider)[];
}

/** Declares a configuration with types, as vitest's `defineConfig` does. Returns it unchanged. */
export function defineConfig(config: HooksimConfig): HooksimConfig {
  return config;
}
