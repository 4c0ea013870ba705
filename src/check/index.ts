/**
 * `checkHook`: audits a hook in one call with the attacks and edge cases real hooks fail:
 * every event and shape of user, signature probes, non-events, duplicates, order, concurrency,
 * latency, the provider console's test payloads, fuzzing with shrinking, and what the hook did
 * (effects). A provider brings its own catalogue (`Provider.checks`) or gets the generic one (`registry.ts`).
 */
import { systemClock } from '../core/clock.js';
import { UsageError } from '../core/errors.js';
import { parseOrUsageError } from '../core/options.js';
import { seedFromString } from '../core/random.js';
import { getEvent, getProvider } from '../providers/registry.js';
import { signingKeyOption } from '../providers/signing/binding.js';
import { transportFor, type Target } from '../transports/target.js';
import { effectClient, unknownEffectEvents, type EffectClient } from './effects.js';
import { checksFor } from './registry.js';
import type { CheckContext, CheckOptions, CheckReport, CheckResult, CheckStatus } from './types.js';

export type * from './types.js';
export { parseEffectsFile } from './effects.js';

/** Default fuzz runs: a few seconds at most against a local hook. */
export const DEFAULT_FUZZ_RUNS = 20;

function urlOf(target: Target): string | undefined {
  if (typeof target === 'string') return target;
  if (target instanceof URL) return target.href;
  if (typeof target === 'object' && 'url' in target) return String(target.url);
  return undefined;
}

function matches(id: string, only: readonly string[] | undefined, expanding: boolean): boolean {
  if (!only || only.length === 0) return true;
  return only.some((prefix) => id.startsWith(prefix) || (expanding && prefix.startsWith(id)));
}

/** Counts and the exit code: 1 on a fail, or on a warning under `strict`. */
export function summarise(checks: readonly CheckResult[], strict: boolean): Pick<CheckReport, 'summary' | 'exitCode'> {
  const summary: CheckReport['summary'] = { pass: 0, fail: 0, warn: 0, skip: 0, total: checks.length };
  for (const check of checks) summary[check.status] += 1;
  const exitCode = summary.fail > 0 || (strict && summary.warn > 0) ? 1 : 0;
  return { summary, exitCode };
}

/**
 * Runs every check of the provider against the hook and returns the report (secrets redacted).
 *
 * @example
 * const report = await checkHook({ provider: 'logto', target: app, signingKey });
 * expect(report).toPass();
 */
export async function checkHook(input: CheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const provider = typeof input.provider === 'string' ? getProvider(input.provider) : input.provider;
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`seed must be a whole number >= 0, got ${seed}`);
  const fuzzRuns = input.fuzz ?? DEFAULT_FUZZ_RUNS;
  if (!Number.isInteger(fuzzRuns) || fuzzRuns < 0) throw new UsageError(`fuzz must be a whole number >= 0, got ${fuzzRuns}`);
  const subscribed = input.events && input.events.length > 0 ? new Set(input.events.map((name) => getEvent(provider, name).name)) : undefined;
  const effects = input.effects ?? {};
  const unknown = unknownEffectEvents(effects, provider.events.map((event) => event.name));
  if (unknown.length > 0) throw new UsageError(`effects for unknown ${provider.name} event${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; see \`hooksim list\``);
  // The key goes to the option the provider names for it (a provider file's `keyOption`).
  const keyOption = signingKeyOption(provider);
  if (input.signingKey !== undefined && keyOption === undefined) throw new UsageError(`${provider.name} does not sign its requests: --signing-key does not apply`);
  const given = { ...(input.options ?? {}), ...(input.signingKey !== undefined ? { [keyOption!]: input.signingKey } : {}) };
  const parsed = parseOrUsageError(provider.optionsSchema, given, `${provider.name} options`) as Record<string, unknown>;
  // One hook for the whole audit: what the provider fixes for a run (Logto's hookId) stays the same across events, as it would.
  const providerOptions = (provider.runOptions ? provider.runOptions(seed, parsed) : parsed) as Record<string, unknown>;
  const fixedForRun = Object.entries(providerOptions).filter(([key, value]) => value !== undefined && value !== parsed[key]);
  const rawOptions = { ...given, ...Object.fromEntries(fixedForRun) };
  const clock = input.clock ?? systemClock;
  const transport = transportFor(input.target);
  let client: EffectClient | undefined | null = null;
  const context: CheckContext = {
    provider,
    transport,
    target: input.target,
    url: urlOf(input.target),
    providerOptions,
    rawOptions,
    secrets: provider.secrets(providerOptions),
    seed,
    now: clock.now(),
    clock,
    timeoutMs: provider.deliveryPolicy(providerOptions).timeoutMs,
    subscribed,
    fuzzRuns,
    replay: input.replay,
    effects,
    silent: 0,
    latencies: new Map(),
    effectClient: () => (client === null ? (client = effectClient(input.target)) : client),
    selected: (id) => matches(id, input.only, false),
    seedFor: (label) => (Math.imul(seed + 1, 0x9e3779b1) ^ seedFromString(label)) >>> 1,
  };

  const definitions = await checksFor(provider);
  const checks: CheckResult[] = [];
  try {
    for (const definition of definitions) {
      if (!matches(definition.id, input.only, definition.id.endsWith('.'))) continue;
      // Effects checks exist only for the events that have an effect.
      const results = (await definition.run(context)).filter((check) => matches(check.id, input.only, false));
      for (const check of results) {
        checks.push(check);
        input.onCheck?.(check);
      }
    }
  } finally {
    if (transport !== input.target) await transport.close();
    if (client) await client.close();
  }
  // A typo in --only would otherwise pass with nothing checked.
  const unmatched = (input.only ?? []).filter((prefix) => !checks.some((check) => check.id.startsWith(prefix)));
  if (unmatched.length > 0) {
    throw new UsageError(`--only ${unmatched.join(', ')}: no check id starts with ${unmatched.length > 1 ? 'these' : 'it'}; ids start with ${definitions.map((d) => d.id.endsWith('.') ? `${d.id}…` : d.id).join(', ')}`);
  }
  const strict = input.strict ?? false;
  return { provider: provider.name, target: transport.description, seed, strict, checks, ...summarise(checks, strict), durationMs: performance.now() - started };
}

/** Statuses in report order. */
export const STATUSES: readonly CheckStatus[] = ['fail', 'warn', 'pass', 'skip'];
