/**
 * The long-running provider emulator behind `hooksim serve` and `hooksim ui`: the mock provider
 * APIs on fixed ports, a tenant whose users the events speak of, and every delivery recorded.
 * Transport-free: the control API and the dashboard are thin HTTP layers over this object.
 */
import type { HooksimConfig } from '../config/define.js';
import { systemClock, type Clock } from '../core/clock.js';
import { UsageError } from '../core/errors.js';
import { isJsonObject, type JsonObject } from '../core/json.js';
import { REDACTED, redact } from '../core/redact.js';
import type { WireRequest } from '../core/types.js';
import { createDexieMockApi, type DexieMockApi } from '../providers/dexie-cloud/mock-api/index.js';
import { createLogtoMockApi, type LogtoMockApi } from '../providers/logto/mock-api/index.js';
import { serveMockApi, type ServedMockApi } from '../mock-apis/server.js';
import type { MockApi, MswServerLike } from '../mock-apis/types.js';
import type { DexieOutcome } from '../providers/dexie-cloud/outcome.js';
import { getProvider } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';
import { deliverPrepared, prepareEvent, type PreparedEvent, type SendResult } from '../send.js';
import { transportFor } from '../transports/target.js';
import { DeliveryLog, maskSignature, type DeliveryEntry, type DeliverySource } from './history.js';
import { validateOverrides, type OverrideProblem } from './overrides.js';
import { publicState, restoreState, snapshotState, type EmulatorState } from './state.js';
import { resolveTarget } from './targets.js';
import { signingKeyOption } from '../providers/signing/binding.js';

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
  /** Logto: the id of a user already in the tenant to speak of (a sign-in of someone who registered). */
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
  /** Port of the Logto mock API (0: any free port). Default 0. */
  logtoPort?: number;
  /** Port of the Dexie Cloud mock API (0: any free port). Default 0. */
  dexiePort?: number;
  /** The tenant to start from (a loaded `--state` file). */
  state?: EmulatorState;
  clock?: Clock;
  env?: Record<string, string | undefined>;
  /**
   * An msw server to answer the in-process demo hooks' calls to `https://default.logto.app` and
   * `https://hooksim.dexie.cloud` (the bundled config's callback hooks use those origins).
   */
  msw?: (apis: MockApi[]) => Promise<{ close(): void } | undefined>;
}

/** A running emulator. */
export interface Emulator {
  readonly logto: LogtoMockApi;
  readonly dexie: DexieMockApi;
  /** Where apps reach the mock APIs. */
  readonly urls: { logto: string; dexie: string };
  readonly deliveries: DeliveryLog;
  readonly config: HooksimConfig;
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
  /** The tenant and database as JSON (secrets included: for the state file only). */
  snapshot(): EmulatorState;
  /** The tenant as the page may see it. */
  publicSnapshot(): EmulatorState;
  /** Replaces the tenant and database with a saved state. */
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
  const envKey = env.HOOKSIM_SIGNING_KEY ?? env.LOGTO_SIGNING_KEY;
  if (keyOption !== undefined && options[keyOption] === undefined && envKey) options[keyOption] = envKey;
  return options;
}

function userIdOf(provider: string, payload: JsonObject, actor: JsonObject): string | undefined {
  if (provider === 'dexie-cloud') return typeof payload.userId === 'string' ? payload.userId : undefined;
  const user = actor.user;
  return isJsonObject(user) && typeof user.id === 'string' ? user.id : undefined;
}

/** Starts the mock APIs and returns the emulator. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = options.config ?? {};
  const clock = options.clock ?? systemClock;
  const env = options.env ?? {};
  const now = () => clock.now();
  let nextSeed = options.state?.nextSeed ?? 1;
  const restored = options.state ? restoreState(options.state, now) : undefined;
  // A fresh tenant has the roles the bundled callback hooks assign; a state file brings its own.
  const logto = createLogtoMockApi({ tenant: restored?.tenant ?? { now, roles: [{ name: 'member', description: 'Default role for new users' }, { name: 'admin', description: 'Administrators' }] } });
  const dexie = createDexieMockApi({ database: restored?.database ?? { now } });
  const served: ServedMockApi[] = [];
  try {
    served.push(await serveMockApi(logto, { port: options.logtoPort ?? 0 }));
    served.push(await serveMockApi(dexie, { port: options.dexiePort ?? 0 }));
  } catch (error) {
    await Promise.all(served.map((server) => server.close()));
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`a mock API port is in use (${(error as Error).message.replace(/^.*EADDRINUSE:?\s*/, '')}): pick others with --logto-port / --dexie-port, or 0 for any`);
    throw error;
  }
  const urls = { logto: served[0]!.url, dexie: served[1]!.url };
  // The in-process demo hooks call the providers' public origins; those calls land here too.
  const delegate = (api: MockApi, baseUrl: string): MockApi => ({ provider: api.provider, baseUrl, calls: api.calls, handle: (request) => api.handle(request), stateView: () => api.stateView() });
  const interceptor = options.msw ? await options.msw([delegate(logto, `https://${logto.tenant.tenantId}.logto.app`), delegate(dexie, 'https://hooksim.dexie.cloud')]) : undefined;

  const deliveries = new DeliveryLog();
  const built = new Map<number, Built>();
  const marks = new Map<number, { logto: number; dexie: number }>();

  function build(input: Omit<TriggerInput, 'target'>): { prepared: PreparedEvent; seed: number; actor: JsonObject | undefined; problems: OverrideProblem[] } {
    const provider = getProvider(input.provider);
    const seed = input.seed ?? nextSeed;
    const providerOptions = optionsFor(provider, config, env, input.options);
    let actor: JsonObject | undefined;
    if (input.user !== undefined) {
      if (provider.name !== 'logto') throw new UsageError('user applies to logto events only (Dexie Cloud users arrive by their first login)');
      const user = logto.tenant.users.get(input.user);
      if (!user) throw new UsageError(`no user "${input.user}" in the emulator's Logto tenant; known: ${[...logto.tenant.users.keys()].slice(0, 10).join(', ') || 'none yet (send a PostRegister first)'}`);
      actor = { ...provider.createActor(seed, now(), providerOptions), user: structuredClone(user) as unknown as JsonObject };
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
    if (prepared.provider.name === 'logto') logto.adopt(prepared);
    const logtoMark = logto.calls.mark();
    const dexieMark = dexie.calls.mark();
    const transport = transportFor(target);
    const at = new Date(now()).toISOString();
    let result: SendResult;
    try {
      result = await deliverPrepared(prepared, transport, { clock });
    } finally {
      if (transport !== target) await transport.close();
    }
    if (prepared.provider.name === 'dexie-cloud') dexie.adopt(result as SendResult<DexieOutcome>);
    const apiCalls = callsBetween({ logto: logtoMark, dexie: dexieMark }, undefined, prepared.secrets);
    const stored = deliveries.add({
      at,
      source,
      provider: result.provider,
      event: result.event,
      variant: result.variant,
      target: label,
      seed: entry.seed,
      set: entry.input.set ?? [],
      ...(userIdOf(result.provider, prepared.payload, prepared.actor) ? { userId: userIdOf(result.provider, prepared.payload, prepared.actor) } : {}),
      request: maskSignature(result.request),
      ...(result.response ? { response: result.response } : {}),
      ...(result.error ? { error: result.error } : {}),
      attempts: result.attempts,
      verdict: result.verdict,
      outcome: result.outcome,
      latencyMs: Math.round(result.attempts.at(-1)?.durationMs ?? 0),
      apiCalls,
      ...(result.notes ? { notes: result.notes } : {}),
      ...(replayOf !== undefined ? { replayOf } : {}),
    });
    built.set(stored.id, entry);
    marks.set(stored.id, { logto: logtoMark, dexie: dexieMark });
    return stored;
  }

  function callsBetween(from: { logto: number; dexie: number }, to: { logto: number; dexie: number } | undefined, secrets: readonly string[]): DeliveryEntry['apiCalls'] {
    const calls = [...logto.calls.calls.slice(from.logto, to?.logto), ...dexie.calls.calls.slice(from.dexie, to?.dexie)].sort((a, b) => a.at - b.at);
    return redact(calls, secrets);
  }

  const emulator: Emulator = {
    logto,
    dexie,
    urls,
    deliveries,
    config,
    preview(input) {
      const { prepared, seed, problems } = build(input);
      return {
        provider: prepared.provider.name,
        event: prepared.event,
        variant: prepared.variant,
        seed,
        payload: redact(prepared.payload, prepared.secrets),
        request: maskSignature(redact(prepared.request, prepared.secrets)),
        problems,
        notes: prepared.provider.signature && prepared.provider.signature.key(prepared.providerOptions) === '' ? ['unsigned: no signing key is configured (config providerOptions.logto.signingKey or HOOKSIM_SIGNING_KEY)'] : [],
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
    snapshot: () => snapshotState(logto.tenant, dexie.database, nextSeed),
    publicSnapshot: () => publicState(snapshotState(logto.tenant, dexie.database, nextSeed)),
    load(state) {
      // A state edited on the page comes back with secrets as `[redacted]`: those keep the current secret.
      const current = snapshotState(logto.tenant, dexie.database, nextSeed);
      const keep = (clients: { clientId: string; clientSecret: string }[], before: { clientId: string; clientSecret: string }[]) => {
        for (const client of clients) {
          if (client.clientSecret === REDACTED) client.clientSecret = before.find((old) => old.clientId === client.clientId)?.clientSecret ?? client.clientSecret;
        }
      };
      state = structuredClone(state);
      keep(state.logto.clients, current.logto.clients);
      keep(state.dexie.clients, current.dexie.clients);
      const next = restoreState(state, now);
      // The mock APIs hold these objects: their contents are swapped, not the objects.
      Object.assign(logto.tenant, next.tenant);
      Object.assign(dexie.database, next.database);
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
