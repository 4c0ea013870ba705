/**
 * The long-running provider emulator behind `hooksim serve` and `hooksim ui`: every provider API
 * a provider declares (`Provider.emulator.api`: a tenant, a database) on its own port, the users
 * events speak of kept there, and every delivery recorded. It names no provider: it asks them.
 * Transport-free: the control API and the dashboard are thin HTTP layers over this object.
 */
import type { HooksimConfig } from '../config/define.js';
import { systemClock, type Clock } from '../core/clock.js';
import { UsageError } from '../core/errors.js';
import { isJsonObject, type JsonObject } from '../core/json.js';
import { redact } from '../core/redact.js';
import type { WireRequest } from '../core/types.js';
import { serveMockApi, type ServedMockApi } from '../mock-apis/server.js';
import type { MockApi, MswServerLike } from '../mock-apis/types.js';
import { emulatedApiInfo, type EmulatedApi, type EmulatedApiInfo } from '../providers/emulation.js';
import { getProvider } from '../providers/registry.js';
import { signingKeyOption, signingOf } from '../providers/signing/binding.js';
import type { AnyProvider } from '../providers/types.js';
import { deliverPrepared, prepareEvent, type PreparedEvent, type SendResult } from '../send.js';
import { transportFor } from '../transports/target.js';
import { DeliveryLog, maskSignature, outcomeWords, type DeliveryEntry, type DeliverySource } from './history.js';
import { validateOverrides, type OverrideProblem } from './overrides.js';
import { signingKeyEnvName, signingKeyFromEnv } from './signing-env.js';
import { emulatedApis, type EmulatorState } from './state.js';
import { resolveTarget } from './targets.js';

/** What to build and where to send it. */
export interface TriggerInput {
  provider: string;
  event: string;
  variant?: string;
  /** Override lines: `path=value` (value parsed as JSON when it parses), `-path` removes a field. */
  set?: string[];
  /** A config target name or a URL. */
  target: string;
  /** Seed of the generated identity; default: the emulator's next seed (a new user each time). */
  seed?: number;
  /** The id of a user already in the provider's emulated API to speak of (a sign-in of someone who registered). */
  user?: string;
  /** Provider options over the config's `providerOptions` (signingKey, version, timeoutMs...). */
  options?: Record<string, unknown>;
}

/** The request an input builds, without sending it, and what is wrong with its overrides. */
export interface Preview {
  provider: string;
  event: string;
  variant: string;
  seed: number;
  payload: JsonObject;
  /** Signature masked, secrets redacted. */
  request: WireRequest;
  problems: OverrideProblem[];
  notes: string[];
}

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  config?: HooksimConfig;
  /** Port of each emulated API by its short name (`{ logto: 4401 }`; 0 or absent: any free port). */
  ports?: Record<string, number | undefined>;
  /** The state to start from (a loaded `--state` file). */
  state?: EmulatorState;
  clock?: Clock;
  env?: Record<string, string | undefined>;
  /**
   * An msw server to answer the in-process demo hooks' calls to the providers' public origins
   * (`https://default.logto.app`: the bundled config's callback hooks use those origins).
   */
  msw?: (apis: MockApi[]) => Promise<{ close(): void } | undefined>;
}

/** A provider API the emulator serves, and where. */
export interface RunningApi extends EmulatedApiInfo {
  /** The provider it belongs to. */
  provider: string;
  /** Where apps reach it. */
  url: string;
  api: MockApi;
}

/** A running emulator. */
export interface Emulator {
  /** The provider APIs it serves, in listing order. */
  readonly apis: readonly RunningApi[];
  /** Where apps reach the mock APIs, by short name (`{ logto, dexie }`). */
  readonly urls: Record<string, string>;
  readonly deliveries: DeliveryLog;
  readonly config: HooksimConfig;
  /** The emulated API called `name` (`logto`), as its provider made it; a UsageError when there is none. */
  mockApi(name: string): MockApi;
  /** Builds a request and checks its overrides, sending nothing. */
  preview(input: Omit<TriggerInput, 'target'>): Preview;
  /** Builds, sends, judges and records one event. Bad input is a UsageError. */
  trigger(input: TriggerInput, source?: DeliverySource): Promise<DeliveryEntry>;
  /**
   * Calls the hook made to the mock APIs from this delivery's start to the next one's (a hook
   * that answers first and calls back afterwards has its calls counted here, as they arrive).
   */
  callsOf(id: number): DeliveryEntry['apiCalls'];
  /** Sends a recorded delivery again: the same bytes, or rebuilt with other overrides. */
  replay(id: number, edit?: { set?: string[]; target?: string }): Promise<DeliveryEntry>;
  /** Every API's state as JSON (secrets included: for the state file only). */
  snapshot(): EmulatorState;
  /** The state as the page may see it. */
  publicSnapshot(): EmulatorState;
  /** Replaces every API's state with a saved one (an API the state leaves out keeps its own). */
  load(state: EmulatorState): void;
  /** An msw-compatible view for scenario runs in this process (undefined when no msw runs). */
  mswServer?: MswServerLike;
  close(): Promise<void>;
}

/** Who is being built for a trigger, kept so a replay with edits speaks of the same identity. */
interface Built {
  input: TriggerInput;
  seed: number;
  actor: JsonObject | undefined;
  prepared: PreparedEvent;
}

/** The options a send uses: config's providerOptions, the input's, and a signing key from the environment. */
function optionsFor(provider: AnyProvider, config: HooksimConfig, env: Record<string, string | undefined>, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const options: Record<string, unknown> = { ...(config.providerOptions?.[provider.name] ?? {}), ...(given ?? {}) };
  const keyOption = signingKeyOption(provider);
  const envKey = signingKeyFromEnv(provider, env);
  if (keyOption !== undefined && options[keyOption] === undefined && envKey) options[keyOption] = envKey;
  return options;
}

/** The user an event speaks of: as its provider says, else the actor's `user.id`. */
function userIdOf(provider: AnyProvider, payload: JsonObject, actor: JsonObject): string | undefined {
  if (provider.emulator?.userIdOf) return provider.emulator.userIdOf(payload, actor);
  const user = actor.user;
  return isJsonObject(user) && typeof user.id === 'string' ? user.id : undefined;
}

/** One emulated API, started and served. */
interface Started extends RunningApi {
  emulated: EmulatedApi;
}

/** Starts the mock APIs and returns the emulator. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = options.config ?? {};
  const clock = options.clock ?? systemClock;
  const env = options.env ?? {};
  const now = () => clock.now();
  let nextSeed = options.state?.nextSeed ?? 1;
  const plugins = emulatedApis();
  const apis: Started[] = [];
  const served: ServedMockApi[] = [];
  try {
    for (const { provider, plugin } of plugins) {
      // A state file brings each API's own state; an API it leaves out starts fresh.
      const emulated = await plugin.create({ now, seed: nextSeed, ...(options.state?.[plugin.name] !== undefined ? { saved: options.state[plugin.name] } : {}) });
      const server = await serveMockApi(emulated.api, { port: options.ports?.[plugin.name] ?? 0 });
      served.push(server);
      apis.push({ ...emulatedApiInfo(plugin), provider, url: server.url, api: emulated.api, emulated });
    }
  } catch (error) {
    await Promise.all(served.map((server) => server.close()));
    const code = (error as { code?: string }).code;
    const flags = plugins.map(({ plugin }) => `--${plugin.name}-port`).join(' / ');
    if (code === 'EADDRINUSE') throw new UsageError(`a mock API port is in use (${(error as Error).message.replace(/^.*EADDRINUSE:?\s*/, '')}): pick others with ${flags}, or 0 for any`);
    throw error;
  }
  const urls = Object.fromEntries(apis.map((api) => [api.name, api.url]));
  // The in-process demo hooks call the providers' public origins; those calls land here too.
  const delegate = ({ api, emulated }: Started): MockApi => ({ provider: api.provider, baseUrl: emulated.publicOrigin, calls: api.calls, handle: (request) => api.handle(request), stateView: () => api.stateView() });
  const interceptor = options.msw && apis.length > 0 ? await options.msw(apis.map(delegate)) : undefined;

  const deliveries = new DeliveryLog();
  const built = new Map<number, Built>();
  /** Per delivery id: how many calls each API had recorded when it started. */
  const marks = new Map<number, number[]>();
  const apiOf = (provider: string): Started | undefined => apis.find((api) => api.provider === provider);

  function build(input: Omit<TriggerInput, 'target'>): { prepared: PreparedEvent; seed: number; actor: JsonObject | undefined; problems: OverrideProblem[] } {
    const provider = getProvider(input.provider);
    const seed = input.seed ?? nextSeed;
    const providerOptions = optionsFor(provider, config, env, input.options);
    let actor: JsonObject | undefined;
    if (input.user !== undefined) {
      const emulated = apiOf(provider.name)?.emulated;
      if (!emulated?.actorFor) {
        const able = apis.filter((api) => api.emulated.actorFor).map((api) => api.provider);
        throw new UsageError(`user applies to ${able.length ? `${able.join(', ')} events` : 'no provider\'s events'} only: ${provider.name} events cannot name a user of the emulator`);
      }
      actor = emulated.actorFor(input.user, provider.createActor(seed, now(), providerOptions));
    }
    const base = prepareEvent({ provider, event: input.event, variant: input.variant, seed, options: providerOptions, actor, now: now() });
    const { overrides, problems } = validateOverrides(provider, base.payload, input.set ?? []);
    const prepared = problems.some((problem) => problem.line > 0 && /^invalid|cannot set/.test(problem.message))
      ? base
      : prepareEvent({ provider, event: input.event, variant: input.variant, seed, options: providerOptions, actor, now: now(), set: overrides });
    return { prepared, seed, actor, problems };
  }

  async function deliver(entry: { input: TriggerInput; seed: number; actor: JsonObject | undefined; prepared: PreparedEvent }, source: DeliverySource, replayOf?: number): Promise<DeliveryEntry> {
    const { label, target } = resolveTarget(config, entry.input.target);
    const { prepared } = entry;
    const own = apiOf(prepared.provider.name)?.emulated;
    own?.beforeDelivery?.({ payload: prepared.payload, actor: prepared.actor });
    const mark = apis.map((api) => api.api.calls.mark());
    const transport = transportFor(target);
    const at = new Date(now()).toISOString();
    let result: SendResult;
    try {
      result = await deliverPrepared(prepared, transport, { clock });
    } finally {
      if (transport !== target) await transport.close();
    }
    if (result.outcome !== undefined) own?.afterDelivery?.(result.outcome);
    const apiCalls = callsBetween(mark, undefined, prepared.secrets);
    const userId = userIdOf(prepared.provider, prepared.payload, prepared.actor);
    const stored = deliveries.add({
      at,
      source,
      provider: result.provider,
      event: result.event,
      variant: result.variant,
      target: label,
      seed: entry.seed,
      set: entry.input.set ?? [],
      ...(userId ? { userId } : {}),
      request: maskSignature(result.request, prepared.provider),
      ...(result.response ? { response: result.response } : {}),
      ...(result.error ? { error: result.error } : {}),
      attempts: result.attempts,
      verdict: result.verdict,
      outcome: result.outcome,
      ...outcomeWords(prepared.provider, result.outcome),
      latencyMs: Math.round(result.attempts.at(-1)?.durationMs ?? 0),
      apiCalls,
      ...(result.notes ? { notes: result.notes } : {}),
      ...(replayOf !== undefined ? { replayOf } : {}),
    });
    built.set(stored.id, entry);
    marks.set(stored.id, mark);
    return stored;
  }

  function callsBetween(from: readonly number[], to: readonly number[] | undefined, secrets: readonly string[]): DeliveryEntry['apiCalls'] {
    const calls = apis.flatMap((api, index) => api.api.calls.calls.slice(from[index], to?.[index])).sort((a, b) => a.at - b.at);
    return redact(calls, secrets);
  }

  const snapshot = (): EmulatorState => {
    const state: EmulatorState = { hooksimState: 1, nextSeed };
    for (const api of apis) {
      const saved = api.emulated.save();
      // An API with nothing to save (a scenario mock API played as is) has no part.
      if (saved !== undefined) state[api.name] = saved;
    }
    return state;
  };

  const emulator: Emulator = {
    apis: apis.map(({ emulated: _emulated, ...running }) => running),
    urls,
    deliveries,
    config,
    mockApi(name) {
      const found = apis.find((api) => api.name === name);
      if (!found) throw new UsageError(`no emulated API "${name}"; known: ${apis.map((api) => api.name).join(', ')}`);
      return found.api;
    },
    preview(input) {
      const { prepared, seed, problems } = build(input);
      const signing = signingOf(prepared.provider);
      const keyOption = signingKeyOption(prepared.provider);
      const unsigned = signing !== undefined && signing.key(prepared.providerOptions) === '';
      return {
        provider: prepared.provider.name,
        event: prepared.event,
        variant: prepared.variant,
        seed,
        payload: redact(prepared.payload, prepared.secrets),
        request: maskSignature(redact(prepared.request, prepared.secrets), prepared.provider),
        problems,
        notes: unsigned ? [`unsigned: no signing key is configured (config providerOptions.${prepared.provider.name}.${keyOption ?? 'signingKey'}, ${signingKeyEnvName(prepared.provider)} or HOOKSIM_SIGNING_KEY)`] : [],
      };
    },
    async trigger(input, source = 'trigger') {
      resolveTarget(config, input.target);
      const { prepared, seed, actor, problems } = build(input);
      if (problems.length > 0) throw new UsageError(`overrides: ${problems.map((problem) => problem.message).join('; ')}`);
      // The next generated user is a new one, also after a send that named its seed (the dashboard sends the previewed one).
      nextSeed = Math.max(nextSeed, seed + 1);
      return deliver({ input, seed, actor, prepared }, source);
    },
    async replay(id, edit) {
      const original = built.get(id);
      if (!original) throw new UsageError(`no delivery #${id} to replay (story deliveries and ones from before a restart cannot be replayed)`);
      const input = { ...original.input, ...(edit?.target ? { target: edit.target } : {}) };
      if (edit?.set === undefined) return deliver({ ...original, input }, 'replay', id);
      // The same seed (and user) rebuild the same identity: the edit changes the payload, not who it speaks of.
      const rebuilt = build({ ...input, set: edit.set, seed: original.seed });
      if (rebuilt.problems.length > 0) throw new UsageError(`overrides: ${rebuilt.problems.map((problem) => problem.message).join('; ')}`);
      const prepared = rebuilt.prepared;
      return deliver({ input: { ...input, set: edit.set }, seed: original.seed, actor: original.actor, prepared }, 'replay', id);
    },
    callsOf(id) {
      const from = marks.get(id);
      if (!from) return deliveries.get(id)?.apiCalls ?? [];
      const later = [...marks.entries()].filter(([other]) => other > id).sort(([a], [b]) => a - b)[0]?.[1];
      return callsBetween(from, later, built.get(id)?.prepared.secrets ?? []);
    },
    snapshot,
    publicSnapshot: () => {
      const state = snapshot();
      for (const api of apis) if (state[api.name] !== undefined) state[api.name] = api.emulated.redact(state[api.name]);
      return state;
    },
    load(state) {
      for (const api of apis) if (state[api.name] !== undefined) api.emulated.load(state[api.name], state.nextSeed);
      nextSeed = state.nextSeed;
    },
    ...(interceptor && 'use' in interceptor ? { mswServer: interceptor as unknown as MswServerLike } : {}),
    async close() {
      interceptor?.close();
      await Promise.all(served.map((server) => server.close()));
    },
  };
  return emulator;
}
