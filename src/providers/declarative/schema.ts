import { z } from 'zod';
import { transportErrorKinds } from '../../core/types.js';
import { pathMatchersSchema, statusSchema } from '../../scenarios/schema.js';

/**
 * The provider file format (`hooksim: provider/v1`), as zod schemas: validation, the JSON Schema
 * `hooksim schema provider` prints, and the types the compiler reads. Data only: a provider file
 * is never evaluated. Every object is strict, so a misspelt key is an error at its position.
 */

const NAME = /^[a-z][a-z0-9-]*$/;
const HEADER = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const OPTION = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A value template: literal JSON; strings with `${actor.x}`, `${options.x}`, `${now.iso}`,
 * `${now.ms}`, `${now.s}`, `${event}`, `${variant}`; `{ fake: internet.email }`;
 * `{ time: iso | epoch-ms | epoch-s }`; `{ literal: ... }` for an object that looks like one of these.
 */
export const templateSchema = z.json().describe(
  'A value template: JSON as written (key order kept), `${actor.path}` / `${options.name}` / `${now.iso|ms|s}` / `${event}` / `${variant}` references in strings, `{ fake: <generator> }`, `{ time: iso | epoch-ms | epoch-s }`, or `{ literal: <value> }`.',
);

/** Dotted path in the actor → template: how an event or variant moves the actor on. */
const actorChangesSchema = z
  .record(z.string().min(1), templateSchema)
  .describe('Changes to the actor before the payload is built, by dotted path (`deviceIdentifier: { fake: string.uuid }`).');

export const optionSpecSchema = z
  .object({
    type: z.enum(['string', 'number', 'boolean']).describe('The JSON type of the option.'),
    default: z.union([z.string(), z.number(), z.boolean()]).optional().describe('The value when none is given; without it the option is optional and absent.'),
    enum: z.array(z.union([z.string(), z.number()])).min(1).optional().describe('The only values allowed.'),
    secret: z.boolean().optional().describe('Never printed (redacted in reports and output).'),
    description: z.string().optional().describe('What it is for.'),
  })
  .strict();

export const variantSpecSchema = z
  .object({
    name: z.string().regex(NAME, 'expected a lowercase name such as new-device').describe('The variant name (`--variant`, `variant:` in scenarios).'),
    summary: z.string().min(1).describe('One line for `hooksim list`.'),
    actor: actorChangesSchema.optional(),
  })
  .strict();

export const eventSpecSchema = z
  .object({
    name: z.string().min(1).describe('The event name (`hooksim send <provider> <event>`).'),
    summary: z.string().min(1).describe('One line for `hooksim list`.'),
    variants: z.array(variantSpecSchema).min(1).optional().describe('Ways the event comes about; the first is the default (default: one variant, `default`).'),
    actor: actorChangesSchema.optional(),
    payload: z.record(z.string(), templateSchema).describe('The payload template; keys are sent in the order written.'),
  })
  .strict();

const keyOption = z.string().regex(OPTION).default('signingKey').describe('The option holding the key (declared automatically as a secret string when not in `options`).');
const header = (what: string) => z.string().regex(HEADER, 'expected a lowercase header name').describe(what);

export const signingSpecSchema = z.discriminatedUnion('scheme', [
  z
    .object({ scheme: z.literal('hmac-sha256-hex'), header: header('The header carrying the hex digest.'), prefix: z.string().optional().describe('Text before the digest (`sha256=`).'), keyOption })
    .strict(),
  z
    .object({
      scheme: z.literal('standard-webhooks'),
      brand: z.enum(['webhook', 'svix']).optional().describe('`webhook` (webhook-id, webhook-timestamp, webhook-signature; default) or `svix` (svix-*).'),
      toleranceS: z.number().int().positive().optional().describe('Timestamp tolerance when verifying, seconds (default 300).'),
      keyOption,
    })
    .strict(),
  z
    .object({
      scheme: z.literal('stripe'),
      header: header('The header (default stripe-signature).').optional(),
      toleranceS: z.number().int().positive().optional().describe('Timestamp tolerance when verifying, seconds (default 300).'),
      keyOption,
    })
    .strict(),
  z.object({ scheme: z.literal('none') }).strict(),
]);

export const requestSpecSchema = z
  .object({
    method: z.literal('POST').default('POST').describe('The HTTP method (hooksim sends POST).'),
    path: z
      .string()
      .regex(/^\//, 'expected a path starting with /, such as /devices/${payload.deviceIdentifier}')
      .default('/')
      .describe('The path below the target URL the request goes to (default `/`: the target as given). `${payload.x}`, `${options.x}` and `${now.iso|ms|s}` references are filled per request, percent-encoded.'),
    contentType: z.string().min(1).default('application/json').describe('The content-type header; the body is the payload as compact JSON.'),
    headers: z.record(header('A header name.'), z.string()).default({}).describe('More headers, in order; values may use `${options.name}` references.'),
    signing: signingSpecSchema.default({ scheme: 'none' }).describe('How requests are signed: hmac-sha256-hex, standard-webhooks, stripe or none.'),
  })
  .strict();

/** What a retry rule reacts to: a status, a status class, or an attempt without a reply. */
const retryOn = z.union([z.number().int().min(100).max(599), z.string().regex(/^[1-5]xx$/), z.enum(['timeout', 'network'])]);

export const retrySpecSchema = z
  .object({
    on: z.array(retryOn).min(1).default(['5xx']).describe('What is retried: statuses (503), classes ("5xx"), `timeout`, `network` (any other failure to get a reply).'),
    delaysMs: z.array(z.number().int().nonnegative()).min(1).optional().describe('Fixed waits before each retry; as many retries as entries.'),
    exponential: z
      .object({
        firstMs: z.number().int().positive().describe('Wait before the first retry.'),
        factor: z.number().min(1).default(2).describe('Each wait is the previous one times this.'),
        retries: z.number().int().min(1).max(20).describe('How many retries at most.'),
        maxMs: z.number().int().positive().optional().describe('No wait is longer than this.'),
      })
      .strict()
      .optional()
      .describe('Growing waits: firstMs, firstMs × factor, ... up to `retries` retries.'),
  })
  .strict()
  .refine((rule) => (rule.delaysMs === undefined) !== (rule.exponential === undefined), { error: 'expected exactly one of delaysMs or exponential' });

export const deliverySpecSchema = z
  .object({
    timeoutMs: z.number().int().positive().default(10_000).describe('Per-attempt timeout in ms (an option, `timeoutMs`, overrides it).'),
    retry: z.union([z.literal('none'), retrySpecSchema]).default('none').describe('`none` (one attempt) or a retry rule.'),
  })
  .strict();

export const actionSpecSchema = z
  .object({
    when: z
      .object({
        status: statusSchema.optional().describe('The reply status (exact, class, or list).'),
        body: pathMatchersSchema.optional().describe('Matchers on the reply body by dotted path (the scenario matcher language).'),
        error: z.enum([...transportErrorKinds, 'any']).optional().describe('No reply: this failure kind, or `any`.'),
      })
      .strict()
      .default({})
      .describe('What the reply looks like (all given parts must hold; empty: always).'),
    outcome: z.string().min(1).describe('What the provider then does, in words (`enrollment refused`): `outcome.result`.'),
  })
  .strict();

export const replySpecSchema = z
  .object({
    success: statusSchema.default('2xx').describe('Statuses that count as delivered.'),
    body: z
      .object({
        jsonSchema: z.record(z.string(), z.json()).optional().describe('A JSON Schema the reply body (JSON) must satisfy.'),
        match: pathMatchersSchema.optional().describe('Matchers the reply body must satisfy, by dotted path (the scenario matcher language).'),
      })
      .strict()
      .optional()
      .describe('The reply body contract, checked on a delivered reply.'),
    actions: z.array(actionSpecSchema).optional().describe('Reply shape → outcome, first match wins (default: `delivered` / `not delivered`).'),
  })
  .strict();

export const providerFileSchema = z
  .object({
    hooksim: z.literal('provider/v1').describe('The format version: `provider/v1`.'),
    name: z.string().regex(NAME, 'expected a lowercase name such as acme or device-enrollment').describe('The provider name on the command line and in scenarios.'),
    title: z.string().min(1).describe('One line for `hooksim list`.'),
    notes: z.array(z.string()).optional().describe('Lines `hooksim list` prints under the title.'),
    options: z.record(z.string().regex(OPTION), optionSpecSchema).default({}).describe('Options the provider accepts (`--option name=value`, scenario `options:`).'),
    actor: z.record(z.string(), templateSchema).default({}).describe('The identity events speak of, generated per actor (seeded): a template.'),
    events: z.array(eventSpecSchema).min(1).describe('The events the provider sends.'),
    request: requestSpecSchema.default({ method: 'POST', path: '/', contentType: 'application/json', headers: {}, signing: { scheme: 'none' } }).describe('How a payload becomes a request.'),
    delivery: deliverySpecSchema.default({ timeoutMs: 10_000, retry: 'none' }).describe('Timeout and retries.'),
    reply: replySpecSchema.default({ success: '2xx' }).describe("What the provider expects back and what it does with it."),
    repeats: z
      .object({
        variants: z.array(z.string().min(1)).default([]).describe('Variants that repeat an earlier event about the same actor (`re-enrollment`).'),
        outcome: z.string().min(1).describe('The outcome (one of reply.actions) a repeat must get: a duplicate delivery, a replayed message id, or one of these variants.'),
      })
      .strict()
      .optional()
      .describe('What a repeated event must lead to; `hooksim check` holds the hook to it (idempotency).'),
  })
  .strict();

export type ProviderFile = z.output<typeof providerFileSchema>;
export type EventSpec = z.output<typeof eventSpecSchema>;
export type OptionSpec = z.output<typeof optionSpecSchema>;
export type SigningFileSpec = z.output<typeof signingSpecSchema>;
export type RetrySpec = z.output<typeof retrySpecSchema>;
export type ReplySpec = z.output<typeof replySpecSchema>;
