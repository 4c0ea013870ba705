import { z } from 'zod';
import { transportErrorKinds } from '../core/types.js';
import { signatureDeviations } from '../providers/signing/deviations.js';

/**
 * The scenario file format, as zod schemas: the single source of truth for validation, the
 * README reference and the exported JSON Schema. Every object is strict, so a misspelt key is an
 * error with the nearest valid key suggested.
 */

/** A duration: milliseconds as a number, or text such as `250ms`, `30s`, `15m`, `2h`, `3d`. */
const DURATION_HINT = 'expected a duration: milliseconds, or text such as 250ms, 30s, 15m, 2h or 3d';
export const durationSchema = z.union(
  [z.number().int().nonnegative({ error: DURATION_HINT }), z.string().regex(/^\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)$/, { error: DURATION_HINT })],
  { error: DURATION_HINT },
);

/** Fake values drawn by name, seeded: `{ fake: email, domain: acme.test }`. */
export const fakeKinds = ['email', 'name', 'firstName', 'lastName', 'username', 'phone', 'uuid', 'company', 'word', 'id'] as const;

export const fakeSchema = z
  .object({
    fake: z.enum(fakeKinds).describe('The kind of value to draw, seeded: the same seed gives the same value.'),
    domain: z.string().min(1).optional().describe("For `email`: the domain to use."),
    length: z.number().int().min(1).max(64).optional().describe("For `id`: the length (lowercase alphanumerics)."),
  })
  .strict();

/** A secret or setting read from the environment: `{ env: LOGTO_SIGNING_KEY, default: ... }`. */
export const envSchema = z
  .object({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name').describe('The environment variable to read (never printed when it holds a secret).'),
    default: z.string().optional().describe('The value when the variable is not set; without it a missing variable is a configuration error.'),
  })
  .strict();

/** Keys that make an object a matcher rather than a literal value to compare. */
export const matcherKeys = ['equals', 'oneOf', 'matches', 'exists', 'type', 'min', 'max', 'contains'] as const;

/** A matcher on one value. Several keys in one matcher must all hold. */
export const matcherSchema = z
  .object({
    equals: z.json().optional().describe('Deep equality with this JSON value.'),
    oneOf: z.array(z.json()).min(1).optional().describe('Equal to one of these values.'),
    matches: z.string().optional().describe('A regular expression the (string) value must match.'),
    exists: z.boolean().optional().describe('true: the path must be present; false: it must be absent.'),
    type: z.enum(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']).optional().describe('The JSON type of the value.'),
    min: z.number().optional().describe('Lower bound (inclusive) on a number.'),
    max: z.number().optional().describe('Upper bound (inclusive) on a number.'),
    contains: z.json().optional().describe('A string containing this text, or a list containing this item.'),
  })
  .strict();

/** Path → literal value or matcher. Paths are dotted (`userData.displayName`, `items.0.id`, `$.a.b`). */
export const pathMatchersSchema = z.record(z.string().min(1), z.json());

/** Reply status expectation: exact (`200`), class (`2xx`), or a list of acceptable statuses. */
const STATUS_HINT = 'expected a status code (200), a status class ("2xx") or a list of codes ([200, 204])';
export const statusSchema = z.union(
  [
    z.number({ error: STATUS_HINT }).int({ error: STATUS_HINT }).min(100, { error: STATUS_HINT }).max(599, { error: STATUS_HINT }),
    z.string({ error: STATUS_HINT }).regex(/^[1-5]xx$/, { error: STATUS_HINT }),
    z.array(z.number().int().min(100).max(599), { error: STATUS_HINT }).min(1, { error: STATUS_HINT }),
  ],
  { error: STATUS_HINT },
);

/** A call the hook must make to the mock provider API. */
export const callExpectationSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional().describe('The HTTP method of the call (any when absent).'),
    path: z.string().startsWith('/').optional().describe("A path pattern with `:params`, e.g. `/api/users/:userId/roles`."),
    body: z.json().optional().describe("A subset the request body must contain (lists: the given items must be present)."),
    count: z.number().int().min(0).optional().describe("Exactly this many matching calls (default: at least one). `0`: the call must not be made."),
    within: durationSchema.optional().describe("How long to wait for calls the hook makes after it replied (default 1s)."),
  })
  .strict();

export const expectSchema = z
  .object({
    status: statusSchema.optional().describe("The reply status."),
    contract: z.enum(['kept', 'broken']).optional().describe("`kept` (default for faithful steps) or `broken` (the hook is expected to break the contract)."),
    violations: z.array(z.string().min(1)).min(1).optional().describe("Violation paths that must be reported (e.g. `status`, `body.action`). Implies `contract: broken`."),
    error: z.enum([...transportErrorKinds, 'none']).optional().describe("A transport failure kind the delivery must end with, or `none`."),
    attempts: z.number().int().min(1).optional().describe("Number of attempts the provider made (retries)."),
    latency: durationSchema.optional().describe("Upper bound on the reply time of the last attempt."),
    body: pathMatchersSchema.optional().describe("Matchers on the reply body (parsed as JSON when it is JSON)."),
    headers: pathMatchersSchema.optional().describe("Matchers on reply headers (lowercase names)."),
    outcome: pathMatchersSchema.optional().describe("Matchers on what the provider would do (`login`, `user.type`, `result`, `log.response.statusCode`)."),
    calls: z.array(callExpectationSchema).min(1).optional().describe("Calls the hook must make to the mock provider API (needs `mockApi:`)."),
    callsInOrder: z.boolean().optional().describe("The matched calls must have been made in the listed order."),
    state: pathMatchersSchema.optional().describe("Matchers on the mock API's state after the step (`users.<id>.roles`, `users.<id>.customData.plan`)."),
  })
  .strict();

/** Ways a step may deliberately deviate from the provider, to probe the hook. */
export const deviateSchema = z
  .object({
    signature: z.enum(signatureDeviations).optional().describe("`tampered`: the signature is altered; `missing`: no signature header; `wrong-key`: signed with another key; `body-altered`: the body is changed after signing; `stale-timestamp` / `future-timestamp`: signed correctly 15 minutes in the past / future (schemes with a timestamp); `replayed-id`: signed correctly with the message id of the previous step (schemes with ids)."),
    repeat: z.number().int().min(2).max(20).optional().describe("Deliver the same bytes this many times (duplicate delivery: idempotency)."),
  })
  .strict();

/** A value in `set`/actors: JSON, a `${...}` reference inside strings, a fake, or an env var. */
export const valueSchema = z.union([fakeSchema, envSchema, z.json()]);

export const stepSchema = z
  .object({
    name: z.string().min(1).optional().describe("Unique within the scenario; used to refer to this step (`${steps.<name>.reply.body.x}`)."),
    send: z.string().min(1).describe("The event to send (`new-user`, `PostRegister`, `User.Created`, ...)."),
    variant: z.string().min(1).optional().describe('How the event was triggered (`hooksim list` shows each event\'s variants; default: its first).'),
    actor: z.string().min(1).optional().describe("The actor the event is about; it moves on with each event (timestamps)."),
    after: durationSchema.optional().describe("Advance the provider's clock before this step (`2d`: two days later)."),
    set: z.record(z.string().min(1), valueSchema).optional().describe("Payload overrides by dotted path."),
    unset: z.array(z.string().min(1)).optional().describe("Payload fields to remove."),
    options: z.record(z.string(), valueSchema).optional().describe("Provider options for this step only."),
    deviate: deviateSchema.optional().describe('Deliberately differ from the provider to probe the hook (bad signatures, duplicate delivery).'),
    expect: expectSchema.optional().describe('What the reply, the provider\'s outcome and the hook\'s calls must be (default: the contract is kept).'),
  })
  .strict();

/** The keys of `mockApi:` every provider shares; a provider with a mock API adds its own (`hooksim schema scenario` lists them per provider). */
export const mockApiKeys = ['serve', 'baseUrl', 'port'] as const;

/**
 * The provider API hooksim plays for hooks that call back (Logto Management API, Dexie Cloud REST).
 * Keys beyond these belong to the provider (Logto: roles, scopes, emitDataEvents) and are
 * checked against it when the scenario loads.
 */
export const mockApiSchema = z
  .object({
    serve: z.enum(['msw', 'http']).default('http').describe("`msw`: intercept in this process (in-process hooks). `http`: a server on 127.0.0.1 (hooks elsewhere)."),
    baseUrl: z.url().optional().describe("msw: the origin hooks call (default https://default.logto.app / https://hooksim.dexie.cloud)."),
    port: z.number().int().min(0).max(65535).optional().describe("http: the port (default 0: the OS picks; the URL is then `${mockApi.url}`)."),
  })
  .catchall(z.json());

export const scenarioSchema = z
  .object({
    name: z.string().min(1).describe("What the story shows, in a sentence."),
    description: z.string().optional().describe('More about the story: shown in reports.'),
    provider: z.string().min(1).describe('The provider that sends the events (`hooksim list`).'),
    target: z.string().min(1).optional().describe("A URL, or the name of a target in the config. `--target` overrides it."),
    seed: z.number().int().nonnegative().optional().describe("Seed for every generated value (default: derived from the scenario name)."),
    start: z.string().min(1).optional().describe("The provider's clock at the first step (ISO date). Default: now."),
    options: z.record(z.string(), valueSchema).optional().describe("Provider options (Logto: version, retries, signingKey, headers, timeoutMs; Dexie: failurePolicy, evalDays, timeoutMs, token)."),
    actors: z.record(z.string().min(1), z.record(z.string().min(1), valueSchema)).optional().describe("Named identities shared by steps, with fields set by path (`user.primaryEmail: { fake: email, domain: acme.test }`)."),
    mockApi: mockApiSchema.optional().describe("Play the provider's API too, and record what the hook calls."),
    steps: z.array(stepSchema).min(1).describe('The events to send, in order, each with what to expect.'),
  })
  .strict();

export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type StepSpec = z.output<typeof stepSchema>;
export type ExpectSpec = z.output<typeof expectSchema>;
export type MatcherSpec = z.output<typeof matcherSchema>;
export type MockApiSpec = z.output<typeof mockApiSchema>;
export type CallExpectationSpec = z.output<typeof callExpectationSchema>;
