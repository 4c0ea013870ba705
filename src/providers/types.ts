import type { z } from 'zod';
import type { JsonObject } from '../core/json.js';
import type { DeliveryRecord, Judgement, Verdict, WireRequest } from '../core/types.js';
import type { SigningBinding } from './signing/index.js';

/** One way an event comes about (e.g. Logto `User.Created` from sign-up vs. from the Management API). */
export interface EventVariant {
  name: string;
  summary: string;
}

/** An event a provider can send, as listed by `hooksim list`. */
export interface EventDefinition {
  name: string;
  summary: string;
  /** The first variant is the default. Always at least one. */
  variants: readonly EventVariant[];
}

/** Everything an event builder may depend on. Builders are pure: same context, same payload. */
export interface BuildContext<Options, Actor extends JsonObject = JsonObject> {
  /** Seed for every generated value of this event. */
  seed: number;
  /** The provider's clock reading, epoch ms: becomes `createdAt` and friends. */
  now: number;
  variant: string;
  options: Options;
  /**
   * The identity the event is about, as the provider's own `createActor` made it and earlier
   * events left it. Absent: one is generated from `seed`.
   */
  actor?: Actor;
}

/** A built event: the payload (key order = wire order) and the actor as the event leaves it. */
export interface BuiltEvent<Actor extends JsonObject = JsonObject> {
  payload: JsonObject;
  actor: Actor;
}

/** How the provider delivers: its timeout and when it tries again. */
export interface DeliveryPolicy {
  timeoutMs: number;
  /**
   * Milliseconds to wait before another attempt, or undefined to stop. Called after each
   * attempt with the attempts so far.
   */
  retryDelay(record: DeliveryRecord): number | undefined;
}

/** When a request is built: what timestamped and identified signing schemes sign over. */
export interface RequestContext {
  /** The provider's clock reading at sending, epoch ms. */
  now: number;
  /** The event's seed (message ids derive from it). */
  seed: number;
}

/** A provider API a scenario plays beside the events (`mockApi:`), kept consistent with them. */
export interface MockApiSession {
  api: import('../mock-apis/types.js').MockApi;
  /** Before a delivery: the identity the event speaks of exists in the API, with the same fields. */
  beforeDelivery?(actor: JsonObject): void;
  /** After a delivery: what the provider decided lands in the API (a user the hook made `prod` is `prod`). */
  afterDelivery?(outcome: unknown): void;
  /**
   * Events the provider sends on its own because of what the hook did through the API since the
   * last call (Logto's data events), as payloads ready to be sent with these options at `now`.
   */
  drainFollowUps?(now: number, options: unknown): { event: string; payload: JsonObject }[];
}

/** The provider's API, for scenarios: the `mockApi:` keys only it reads, and how to start it. */
export interface MockApiPlugin {
  /** The scenario's `mockApi:` keys this provider adds to `serve`, `baseUrl` and `port` (validated when the scenario loads). */
  specFields?: Record<string, z.ZodType>;
  /** Builds the API for one scenario. Loads its routes when called, not when the provider is imported. */
  create(spec: Record<string, unknown> & { baseUrl?: string }, context: { now(): number }): Promise<MockApiSession>;
}

/**
 * A command a provider adds to the CLI (Logto's `test-hook`): its name and the module that
 * registers it (a {@link import('../cli/commands/provider-commands.js').ProviderCommandModule}).
 * The module is named, not imported, so the CLI finds it in the built catalog without loading
 * the provider: `new URL('./cli/my-command.js', import.meta.url).href`.
 */
export interface ProviderCommand {
  name: string;
  /** The module's URL (in the built catalog: its path relative to providers/). */
  module: string;
}

/**
 * A provider: its contract as plain data plus pure functions. Nothing here does I/O; transports
 * and the CLI do that. Adding a provider is a new folder exporting one of these and one line in
 * `providers/registry.ts`.
 */
export interface Provider<Options = unknown, Outcome = unknown, Actor extends JsonObject = JsonObject> {
  /** Identifier used on the command line (`logto`, `dexie-cloud`). */
  name: string;
  title: string;
  /** Lines `hooksim list` prints under the title: version profiles and what they rest on. */
  notes?: readonly string[];
  events: readonly EventDefinition[];
  /** Parses and defaults provider options (`{}` gives the faithful defaults). */
  optionsSchema: z.ZodType<Options, unknown>;
  /** A realistic identity (user, email, ids) generated from `seed` alone. */
  createActor(seed: number, now: number, options: Options): Actor;
  /** The payload for an event (before user overrides) and the actor moved on by it. */
  buildEvent(event: string, context: BuildContext<Options, Actor>): BuiltEvent<Actor>;
  /**
   * Options that stay fixed for a whole run of events, derived from the run's seed: the
   * identity of the hook being called (Logto's `hookId`). Without it, each event's seed decides.
   */
  runOptions?(seed: number, options: Options): Options;
  /**
   * Serialises a (possibly overridden) payload into the exact request, headers and signature
   * included. `context` gives the time and seed schemes with timestamps and ids sign over.
   */
  buildRequest(payload: JsonObject, options: Options, context?: RequestContext): WireRequest;
  deliveryPolicy(options: Options): DeliveryPolicy;
  /** Reads the hook's reply the way the provider does; `now` is the provider clock's time then. */
  judge(event: string, request: WireRequest, record: DeliveryRecord, options: Options, now: number): Judgement<Outcome>;
  /**
   * What a load run counts of a delivery: `judge`'s verdict and `outcomeSummary.label` of its
   * outcome, without the rest of the outcome. For providers whose outcome costs more than its
   * verdict (Logto's log row re-reads the sent body); load runs call `judge` when it is absent.
   * It must agree with `judge` (the provider tests check every built-in one that has it).
   */
  tally?(event: string, request: WireRequest, record: DeliveryRecord, options: Options, now: number): { verdict: Verdict; label?: string };
  /**
   * How the provider signs requests, for providers that do: the header and the signing function.
   * Scenarios use it to probe a hook with tampered or missing signatures.
   */
  signature?: {
    header: string;
    sign(key: string, body: string): string;
    /** The signing key in these options ('' when unsigned). */
    key(options: Options): string;
  };
  /**
   * How the provider signs, as a scheme (`hmac-sha256-hex`, `standard-webhooks`, `stripe`, ...) and
   * the option holding its key. Scenario deviations and signature checks derive their probes from
   * it. Takes precedence over `signature`.
   */
  signing?: SigningBinding<Options>;
  /**
   * The outcome in a few words for report lines (`prod user, data {...}`, `refused: USER_NOT_ACCEPTED`,
   * `Logto log: Error 401`): what the provider decided, so a reader need not open the details.
   */
  describeOutcome?(outcome: Outcome): string;
  /**
   * What a repeated event must lead to, for providers that say (declarative files' `repeats`):
   * the variants that repeat an earlier event about the same actor, and the outcome a repeat (a
   * duplicate delivery, a replayed message id, one of those variants) must get. `hooksim check`
   * holds a hook to it.
   */
  repeats?: {
    variants: readonly string[];
    /** The outcome in words (`device already provisioned`). */
    expected: string;
    holds(outcome: Outcome): boolean;
  };
  /** The provider's API for scenarios that play it too (`mockApi:`). */
  mockApi?: MockApiPlugin;
  /** Commands the provider adds to the CLI, beside the generic ones (Logto's `test-hook`). */
  commands?: readonly ProviderCommand[];
  /**
   * The provider's own `hooksim check` catalogue, for providers whose hooks fail in ways the
   * generic checks do not probe (Logto's console test payloads, Dexie Cloud's action contract).
   * Without it, `hooksim check` runs the generic catalogue. A function returning a promise, so the
   * catalogue (and the check kit it brings) loads only when a check runs:
   * `checks: () => import('./checks/index.js').then((module) => module.myChecks)`.
   */
  checks?: () => Promise<readonly import('../check/types.js').CheckDefinition[]>;
  /**
   * How `hooksim serve` / `ui` treat the provider: its API played for a session (port flag, state
   * file part, printed line), its payload contract for overrides, its outcome in words.
   */
  emulator?: import('./emulation.js').ProviderEmulator<Outcome>;
  /** Secret values in these options (never printed). */
  secrets(options: Options): string[];
  /** Zod schemas of the wire contracts, by name, for JSON Schema export. */
  contracts: Record<string, z.ZodType>;
  /**
   * What the provider made of a delivery, as a short label to count over many (`hooksim load`):
   * `title` names what is counted (Logto: "log rows"), `label` the bucket of one outcome.
   */
  outcomeSummary?: {
    title: string;
    label(outcome: Outcome): string;
  };
}

/**
 * Any provider, as the registry holds them: options and outcome widened to `unknown`, the actor to
 * `JsonObject` (no `any`). Every provider is assignable to it without a cast; code that needs a
 * provider's own types gets them from `ProviderTypes` (src/providers/typed.ts).
 */
export type AnyProvider = Provider<unknown, unknown, JsonObject>;
