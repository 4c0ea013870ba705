/**
 * What `hooksim serve` / `hooksim ui` need of a provider beyond sending events: its API played
 * for a whole session (ports, the state file, the printed lines), and how its deliveries read in
 * the dashboard and in `hooksim trigger`. Declared by the provider (`Provider.emulator`); the
 * emulator names no provider.
 */
import type { z } from 'zod';
import type { JsonObject } from '../core/json.js';
import type { MockApi } from '../mock-apis/types.js';

/**
 * An emulated API as plain data: what the built catalog carries, so the CLI declares its port flag
 * and nothing of the provider loads for `--help`.
 */
export interface EmulatedApiInfo {
  /** Short name: the `--<name>-port` flag, `urls.<name>`, the state file's `<name>` part (`logto`, `dexie`). */
  name: string;
  /** As printed beside its URL (`Logto`, `Dexie Cloud`). */
  label: string;
  /** Its port under `hooksim serve` (the flag's default; 0: any free one); APIs are listed in this order. */
  defaultPort: number;
  /** What it serves in a few words, for the port flag's help (`Management API + /oidc/token`). */
  flagSummary: string;
  /** Its routes as printed beside its URL (`Management API at /api, M2M token at /oidc/token`). */
  routes: string;
  /** The client id apps take a token with, when it has one (`hooksim serve` prints it). */
  clientId?: string;
}

/** An emulated API's data alone, without its schema and code (the catalog is JSON; the emulator lists it). */
export function emulatedApiInfo({ name, label, defaultPort, flagSummary, routes, clientId }: EmulatedApiInfo): EmulatedApiInfo {
  return { name, label, defaultPort, flagSummary, routes, ...(clientId !== undefined ? { clientId } : {}) };
}

/** An emulated API: its data, the schema of its part of a state file, and how to start it. */
export interface EmulatedApiPlugin extends EmulatedApiInfo {
  /** Its part of a state file (`--state`, `PUT /api/state`), checked before anything is loaded. */
  stateSchema: z.ZodType;
  /**
   * Starts it, fresh or from its saved part of a state file (already checked by `stateSchema`).
   * `seed` is the emulator's next seed (ids drawn later differ from those of earlier runs). Loads
   * the API's code when called, not when the provider is imported.
   */
  create(context: { now(): number; seed: number; saved?: unknown }): Promise<EmulatedApi>;
}

/** A provider API running in the emulator for a session. */
export interface EmulatedApi {
  api: MockApi;
  /** The provider's own origin (`https://default.logto.app`): in-process hooks' calls to it are answered through msw. */
  publicOrigin: string;
  /**
   * The actor an event speaks of when it names a user of this API (`hooksim trigger --user`), or a
   * one-line UsageError naming the users there are. Absent: this provider's events cannot name one.
   */
  actorFor?(userId: string, generated: JsonObject): JsonObject;
  /** Before one of this provider's events is delivered: the API learns the identity it speaks of. */
  beforeDelivery?(event: { payload: JsonObject; actor: JsonObject }): void;
  /** After: what the provider decided lands in the API. */
  afterDelivery?(outcome: unknown): void;
  /** Its part of the state file (secrets included: the file is the developer's own); undefined: nothing to save. */
  save(): unknown;
  /** A saved part as the page may see it: secrets replaced by `[redacted]`. */
  redact(saved: unknown): unknown;
  /**
   * Replaces the state with a saved part (checked by `stateSchema`), `seed` being the state's next
   * seed; secrets the page saw as `[redacted]` keep their current value.
   */
  load(saved: unknown, seed: number): void;
}

/** How the emulator treats a provider's events and plays its API. Every part is optional. */
export interface ProviderEmulator<Outcome = unknown> {
  /** The `contracts` entry a request body must keep: the dashboard checks overrides against it. */
  payloadContract?: string;
  /** The user an event speaks of, for history lines (default: the actor's `user.id`). */
  userIdOf?(payload: JsonObject, actor: JsonObject): string | undefined;
  /** What the provider did with the reply, in one line (`hooksim trigger`; default: the outcome as JSON). */
  outcomeLine?(outcome: Outcome): string;
  /** The same as label and value rows (the dashboard; default: one `Outcome` row with the JSON). */
  outcomeRows?(outcome: Outcome): [string, string][];
  /** The provider's API, served for the whole session. */
  api?: EmulatedApiPlugin;
}
