import { z } from 'zod';
import { transportErrorKinds } from '../core/types.js';

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
    fake: z.enum(fakeKinds),
    /** For `email`: the domain to use. */
    domain: z.string().min(1).optional(),
    /** For `id`: the length (lowercase alphanumerics). */
    length: z.number().int().min(1).max(64).optional(),
  })
  .strict();

/** A secret or setting read from the environment: `{ env: LOGTO_SIGNING_KEY, default: ... }`. */
export const envSchema = z
  .object({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'),
    default: z.string().optional(),
  })
  .strict();

/** Keys that make an object a matcher rather than a literal value to compare. */
export const matcherKeys = ['equals', 'oneOf', 'matches', 'exists', 'type', 'min', 'max', 'contains'] as const;

/** A matcher on one value. Several keys in one matcher must all hold. */
export const matcherSchema = z
  .object({
    equals: z.json().optional(),
    oneOf: z.array(z.json()).min(1).optional(),
    matches: z.string().optional(),
    exists: z.boolean().optional(),
    type: z.enum(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    contains: z.json().optional(),
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
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
    /** A path pattern with `:params`, e.g. `/api/users/:userId/roles`. */
    path: z.string().startsWith('/').optional(),
    /** A subset the request body must contain (lists: the given items must be present). */
    body: z.json().optional(),
    /** Exactly this many matching calls (default: at least one). `0`: the call must not be made. */
    count: z.number().int().min(0).optional(),
    /** How long to wait for calls the hook makes after it replied (default 1s). */
    within: durationSchema.optional(),
  })
  .strict();

export const expectSchema = z
  .object({
    /** The reply status. */
    status: statusSchema.optional(),
    /** `kept` (default for faithful steps) or `broken` (the hook is expected to break the contract). */
    contract: z.enum(['kept', 'broken']).optional(),
    /** Violation paths that must be reported (e.g. `status`, `body.action`). Implies `contract: broken`. */
    violations: z.array(z.string().min(1)).min(1).optional(),
    /** A transport failure kind the delivery must end with, or `none`. */
    error: z.enum([...transportErrorKinds, 'none']).optional(),
    /** Number of attempts the provider made (retries). */
    attempts: z.number().int().min(1).optional(),
    /** Upper bound on the reply time of the last attempt. */
    latency: durationSchema.optional(),
    /** Matchers on the reply body (parsed as JSON when it is JSON). */
    body: pathMatchersSchema.optional(),
    /** Matchers on reply headers (lowercase names). */
    headers: pathMatchersSchema.optional(),
    /** Matchers on what the provider would do (`login`, `user.type`, `result`, `log.response.statusCode`). */
    outcome: pathMatchersSchema.optional(),
    /** Calls the hook must make to the mock provider API (needs `mockApi:`). */
    calls: z.array(callExpectationSchema).min(1).optional(),
    /** The matched calls must have been made in the listed order. */
    callsInOrder: z.boolean().optional(),
    /** Matchers on the mock API's state after the step (`users.<id>.roles`, `users.<id>.customData.plan`). */
    state: pathMatchersSchema.optional(),
  })
  .strict();

/** Ways a step may deliberately deviate from the provider, to probe the hook. */
export const deviateSchema = z
  .object({
    /**
     * `tampered`: the signature is altered; `missing`: no signature header; `wrong-key`: signed
     * with another key; `body-altered`: the body is changed after signing.
     */
    signature: z.enum(['tampered', 'missing', 'wrong-key', 'body-altered']).optional(),
    /** Deliver the same bytes this many times (duplicate delivery: idempotency). */
    repeat: z.number().int().min(2).max(20).optional(),
  })
  .strict();

/** A value in `set`/actors: JSON, a `${...}` reference inside strings, a fake, or an env var. */
export const valueSchema = z.union([fakeSchema, envSchema, z.json()]);

export const stepSchema = z
  .object({
    /** Unique within the scenario; used to refer to this step (`${steps.<name>.reply.body.x}`). */
    name: z.string().min(1).optional(),
    /** The event to send (`new-user`, `PostRegister`, `User.Created`, ...). */
    send: z.string().min(1),
    variant: z.string().min(1).optional(),
    /** The actor the event is about; it moves on with each event (timestamps). */
    actor: z.string().min(1).optional(),
    /** Advance the provider's clock before this step (`2d`: two days later). */
    after: durationSchema.optional(),
    /** Payload overrides by dotted path. */
    set: z.record(z.string().min(1), valueSchema).optional(),
    /** Payload fields to remove. */
    unset: z.array(z.string().min(1)).optional(),
    /** Provider options for this step only. */
    options: z.record(z.string(), valueSchema).optional(),
    deviate: deviateSchema.optional(),
    expect: expectSchema.optional(),
  })
  .strict();

/** The provider API hooksim plays for hooks that call back (Logto Management API, Dexie Cloud REST). */
export const mockApiSchema = z
  .object({
    /** `msw`: intercept in this process (in-process hooks). `http`: a server on 127.0.0.1 (hooks elsewhere). */
    serve: z.enum(['msw', 'http']).default('http'),
    /** msw: the origin hooks call (default https://default.logto.app / https://hooksim.dexie.cloud). */
    baseUrl: z.url().optional(),
    /** http: the port (default 0: the OS picks; the URL is then `${mockApi.url}`). */
    port: z.number().int().min(0).max(65535).optional(),
    /** Logto roles the tenant starts with. */
    roles: z.array(z.object({ name: z.string().min(1), description: z.string().optional() }).strict()).optional(),
    /** Logto API scopes (permissions) the tenant starts with. */
    scopes: z.array(z.object({ name: z.string().min(1), description: z.string().optional() }).strict()).optional(),
    /** Deliver the data events the hook's API changes cause (User.Data.Updated...) to the target, as Logto would. */
    emitDataEvents: z.boolean().optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    /** What the story shows, in a sentence. */
    name: z.string().min(1),
    description: z.string().optional(),
    provider: z.string().min(1),
    /** A URL, or the name of a target in the config. `--target` overrides it. */
    target: z.string().min(1).optional(),
    /** Seed for every generated value (default: derived from the scenario name). */
    seed: z.number().int().nonnegative().optional(),
    /** The provider's clock at the first step (ISO date). Default: now. */
    start: z.string().min(1).optional(),
    /** Provider options (Logto: version, retries, signingKey, headers, timeoutMs; Dexie: failurePolicy, evalDays, timeoutMs, token). */
    options: z.record(z.string(), valueSchema).optional(),
    /** Named identities shared by steps, with fields set by path (`user.primaryEmail: { fake: email, domain: acme.test }`). */
    actors: z.record(z.string().min(1), z.record(z.string().min(1), valueSchema)).optional(),
    /** Play the provider's API too, and record what the hook calls. */
    mockApi: mockApiSchema.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type StepSpec = z.output<typeof stepSchema>;
export type ExpectSpec = z.output<typeof expectSchema>;
export type MatcherSpec = z.output<typeof matcherSchema>;
export type MockApiSpec = z.output<typeof mockApiSchema>;
export type CallExpectationSpec = z.output<typeof callExpectationSchema>;
