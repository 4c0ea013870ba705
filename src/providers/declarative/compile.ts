import { z } from 'zod';
import { isJsonObject, setPath, type JsonObject, type JsonValue } from '../../core/json.js';
import { seededFaker, withSeededFakers } from '../../core/random.js';
import type { WireRequest } from '../../core/types.js';
import { signerFor, type SigningSchemeSpec } from '../signing/index.js';
import { signRequest } from '../signing/binding.js';
import type { EventDefinition, Provider } from '../types.js';
import { optionSpecsOf, optionsSchemaOf } from './options.js';
import { renderPath } from './path.js';
import { bodyContract, deliveryPolicyOf, judgeReply, type DeclarativeOutcome } from './reply.js';
import type { ProviderFile, SigningFileSpec } from './schema.js';
import { render, type TemplateScope } from './template.js';

export type { DeclarativeOutcome } from './reply.js';

/** Options of a declarative provider: what its file declares, plus the signing key and `timeoutMs`. */
export type DeclarativeOptions = Record<string, unknown> & { timeoutMs: number };

/** Faker streams: the actor's fields and each event's fields draw independently. */
const ACTOR_STREAM = 0;
const EVENT_STREAM = 1;

function schemeOf(spec: SigningFileSpec): SigningSchemeSpec {
  if (spec.scheme === 'none') return spec;
  const { keyOption: _keyOption, ...scheme } = spec;
  return scheme as SigningSchemeSpec;
}

/** The actor after a list of `path: template` changes, each rendered against the actor so far. */
function changeActor(actor: JsonObject, changes: Record<string, JsonValue> | undefined, scope: Omit<TemplateScope, 'actor'>): JsonObject {
  let current = actor;
  for (const [path, template] of Object.entries(changes ?? {})) current = setPath(current, path, render(template, Object.assign({}, scope, { actor: current })));
  return current;
}

/**
 * Compiles a validated provider file into an ordinary {@link Provider}: events build payloads
 * from their templates (seeded, key order as written), requests are signed by the declared
 * scheme, replies are judged by the declared contract and action table.
 */
export function compileProvider(file: ProviderFile): Provider<DeclarativeOptions, DeclarativeOutcome> {
  const optionSpecs = optionSpecsOf(file);
  const optionsSchema = optionsSchemaOf(optionSpecs) as unknown as z.ZodType<DeclarativeOptions, unknown>;
  const secretNames = Object.entries(optionSpecs).filter(([, spec]) => spec.secret).map(([name]) => name);
  const signingSpec = file.request.signing;
  const scheme = schemeOf(signingSpec);
  const signer = signerFor(scheme);
  const keyOf = (options: DeclarativeOptions) => (signingSpec.scheme === 'none' ? '' : String(options[signingSpec.keyOption] ?? ''));
  const contract = bodyContract(file.reply.body);
  const hasHeaders = Object.keys(file.request.headers).length > 0;
  // The default path, `/`, is the target URL as given: such requests carry no path.
  const hasPath = file.request.path !== '/';
  const events: EventDefinition[] = file.events.map((event) => ({
    name: event.name,
    summary: event.summary,
    variants: (event.variants ?? [{ name: 'default', summary: event.summary }]).map(({ name, summary }) => ({ name, summary })),
  }));

  const createActor = (seed: number, now: number, options: DeclarativeOptions): JsonObject =>
    withSeededFakers(() => {
      const faker = seededFaker(seed, ACTOR_STREAM);
      const scope: TemplateScope = { actor: {}, options, now, event: '', variant: '', faker: () => faker };
      const actor = render(file.actor, scope);
      return isJsonObject(actor) ? actor : {};
    });

  return {
    name: file.name,
    title: file.title,
    ...(file.notes ? { notes: file.notes } : {}),
    events,
    optionsSchema,
    createActor,
    buildEvent(eventName, context) {
      const event = file.events.find((candidate) => candidate.name === eventName);
      if (!event) throw new Error(`${file.name}: no event ${eventName}`);
      const variant = event.variants?.find((candidate) => candidate.name === context.variant);
      return withSeededFakers(() => {
        const base = context.actor ?? createActor(context.seed, context.now, context.options);
        let faker: ReturnType<typeof seededFaker> | undefined;
        const scope = { options: context.options, now: context.now, event: event.name, variant: context.variant, faker: () => (faker ??= seededFaker(context.seed, EVENT_STREAM)) };
        const actor = changeActor(changeActor(base, event.actor, scope), variant?.actor, scope);
        const payload = render(event.payload, Object.assign({}, scope, { actor }));
        return { payload: payload as JsonObject, actor };
      });
    },
    buildRequest(payload, options, context) {
      const headers: Record<string, string> = { 'content-type': file.request.contentType };
      if (hasHeaders) {
        // Header values are text: they may refer to options and the time, and draw nothing.
        const scope: TemplateScope = { actor: {}, options, now: context?.now ?? Date.now(), event: '', variant: '', faker: () => seededFaker(0) };
        for (const [name, value] of Object.entries(file.request.headers)) headers[name] = String(render(value, scope));
      }
      const path = hasPath ? { path: renderPath(file.request.path, { payload, options, now: context?.now ?? Date.now() }) } : {};
      const request: WireRequest = { method: 'POST', ...path, headers, body: JSON.stringify(payload) };
      return signRequest(signer, keyOf(options), request, { now: context?.now ?? Date.now(), seed: context?.seed ?? 0 });
    },
    deliveryPolicy: (options) => deliveryPolicyOf(file.delivery.retry, options.timeoutMs),
    judge: (_event, _request, record) => judgeReply(file, record, contract),
    describeOutcome: (outcome) => outcome.result,
    ...(file.repeats ? { repeats: { variants: file.repeats.variants, expected: file.repeats.outcome, holds: (outcome: DeclarativeOutcome) => outcome.result === file.repeats!.outcome } } : {}),
    outcomeSummary: { title: 'outcomes', label: (outcome) => outcome.result },
    ...(signingSpec.scheme !== 'none' ? { signing: { scheme, key: keyOf, keyOption: signingSpec.keyOption } } : {}),
    secrets: (options) => secretNames.map((name) => options[name]).filter((value): value is string => typeof value === 'string' && value !== ''),
    contracts: file.reply.body?.jsonSchema ? { reply: z.fromJSONSchema(file.reply.body.jsonSchema as never) } : {},
  };
}
