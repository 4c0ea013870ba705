import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { parseProviderFile } from '../../src/providers/declarative/load.js';
import { deliveryPolicyOf } from '../../src/providers/declarative/reply.js';
import { registerProvider } from '../../src/providers/registry.js';
import { prepareEvent, send } from '../../src/send.js';
import type { Attempt } from '../../src/core/types.js';

const KEY = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const now = Date.UTC(2025, 4, 6, 7, 8, 9);

const ACME = `hooksim: provider/v1
name: acme
title: Acme invoices
options:
  region: { type: string, enum: [eu, us], default: eu }
actor:
  customer:
    id: { fake: string.alphanumeric, length: 8, prefix: cus_ }
    email: { fake: internet.email, domain: acme.test }
  plan: free
events:
  - name: invoice.paid
    summary: An invoice was paid
    actor:
      plan: pro
    payload:
      type: invoice.paid
      zeta: first
      alpha: second
      created: { time: epoch-s }
      createdMs: { time: epoch-ms }
      at: \${now.iso}
      text: "customer \${actor.customer.id} in \${options.region}"
      customer: \${actor.customer}
      plan: \${actor.plan}
      raw: { literal: { fake: not-a-generator } }
request:
  headers: { user-agent: acme/2, x-region: "\${options.region}" }
  signing: { scheme: standard-webhooks }
reply:
  body:
    jsonSchema:
      type: object
      properties: { ok: { const: true } }
      required: [ok]
  actions:
    - when: { status: 2xx, body: { ok: true } }
      outcome: invoice settled
    - when: { status: 5xx }
      outcome: will retry
`;

const acme = parseProviderFile(ACME, 'acme.yaml');

function hook(reply: (body: string, headers: IncomingMessage['headers']) => [number, unknown]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const [status, json] = reply(body, req.headers);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  };
}

describe('a provider file compiles into a provider', () => {
  const prepared = prepareEvent({ provider: acme, event: 'invoice.paid', seed: 7, now, options: { signingKey: KEY } });
  const payload = JSON.parse(prepared.request.body) as Record<string, unknown>;

  it('renders the payload with keys in the order written, references resolved and times in each format', () => {
    expect(Object.keys(payload)).toEqual(['type', 'zeta', 'alpha', 'created', 'createdMs', 'at', 'text', 'customer', 'plan', 'raw']);
    expect(payload).toMatchObject({ type: 'invoice.paid', createdMs: now, at: '2025-05-06T07:08:09.000Z', plan: 'pro', raw: { fake: 'not-a-generator' } });
    expect(payload.created).toBe(Math.floor(now / 1000));
    const customer = payload.customer as { id: string; email: string };
    expect(customer.id).toMatch(/^cus_[a-z0-9]{8}$/);
    expect(customer.email).toMatch(/@acme\.test$/);
    expect(payload.text).toBe(`customer ${customer.id} in eu`);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(prepareEvent({ provider: acme, event: 'invoice.paid', seed: 7, now, options: { signingKey: KEY } }).request).toEqual(prepared.request);
    expect(prepareEvent({ provider: acme, event: 'invoice.paid', seed: 8, now, options: { signingKey: KEY } }).request.body).not.toBe(prepared.request.body);
  });

  it('the actor moves on with the event, and a given actor is kept', () => {
    expect(prepared.actor.plan).toBe('pro');
    const next = prepareEvent({ provider: acme, event: 'invoice.paid', seed: 99, now, actor: prepared.actor });
    expect(JSON.parse(next.request.body).customer).toEqual(payload.customer);
  });

  it('sends the declared headers in order, then the Standard Webhooks headers the library verifies', () => {
    expect(Object.keys(prepared.request.headers)).toEqual(['content-type', 'user-agent', 'x-region', 'webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(prepared.request.headers['x-region']).toBe('eu');
    expect(prepared.request.headers['webhook-signature']).toBe(new Webhook(KEY).sign(prepared.request.headers['webhook-id']!, new Date(now), prepared.request.body));
  });

  it('declared options are checked: an enum value outside it is a usage error', () => {
    expect(() => prepareEvent({ provider: acme, event: 'invoice.paid', options: { region: 'mars' } })).toThrow(/region/);
    expect(() => prepareEvent({ provider: acme, event: 'invoice.paid', options: { regoin: 'eu' } })).toThrow(/regoin/);
  });

  it('without a key the request is unsigned', () => {
    expect(prepareEvent({ provider: acme, event: 'invoice.paid', seed: 1, now }).request.headers['webhook-signature']).toBeUndefined();
  });
});

describe('a compiled provider judges replies by its contract and action table', () => {
  it('a hook that verifies and answers {ok:true} keeps the contract: "invoice settled", key redacted', async () => {
    const target = hook((body, headers) => {
      new Webhook(KEY).verify(body, headers as Record<string, string>);
      return [200, { ok: true }];
    });
    const result = await send({ provider: acme, event: 'invoice.paid', target, options: { signingKey: KEY } });
    expect(result.verdict).toEqual({ pass: true, violations: [] });
    expect(result.outcome).toEqual({ delivered: true, result: 'invoice settled', status: 200, attempts: 1 });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('a 2xx whose body breaks the JSON Schema is a violation at body.<path>', async () => {
    const result = await send({ provider: acme, event: 'invoice.paid', target: hook(() => [200, { ok: false }]) });
    expect(result.verdict.pass).toBe(false);
    expect(result.verdict.violations.map((violation) => violation.path)).toEqual(['body.ok']);
    expect(result.outcome).toMatchObject({ delivered: true, result: 'delivered' });
  });

  it('sent without a key, the result notes that the request has no webhook-signature', async () => {
    const result = await send({ provider: acme, event: 'invoice.paid', target: hook(() => [401, {}]) });
    expect(result.notes).toEqual([
      "unsigned: no signing key was given, so the request has no webhook-signature header and a hook that verifies signatures refuses it; give the hook's key (CLI: --signing-key or HOOKSIM_SIGNING_KEY; library: signingKey)",
    ]);
    expect((await send({ provider: acme, event: 'invoice.paid', target: hook(() => [200, { ok: true }]), options: { signingKey: KEY } })).notes).toBeUndefined();
  });

  it('a 500 is not delivered and the action table says what the provider does', async () => {
    const result = await send({ provider: acme, event: 'invoice.paid', target: hook(() => [500, {}]) });
    expect(result.verdict.violations).toEqual([{ path: 'status', message: 'expected status 2xx, got 500' }]);
    expect(result.outcome).toEqual({ delivered: false, result: 'will retry', status: 500, attempts: 1 });
  });
});

describe('retry rules', () => {
  const attempt = (status: number | undefined, kind?: 'timeout' | 'connection-refused'): Attempt => ({
    number: 1,
    durationMs: 1,
    ...(status !== undefined ? { reply: { status, headers: {}, body: '', bytes: 0 } } : { error: { kind: kind!, message: kind! } }),
  });
  const record = (...attempts: Attempt[]) => ({ attempts });

  it('fixed delays: one retry per entry, only on what `on` names', () => {
    const policy = deliveryPolicyOf({ on: ['5xx', 429], delaysMs: [100, 200] }, 1000);
    expect(policy.retryDelay(record(attempt(503)))).toBe(100);
    expect(policy.retryDelay(record(attempt(429), attempt(429)))).toBe(200);
    expect(policy.retryDelay(record(attempt(503), attempt(503), attempt(503)))).toBeUndefined();
    expect(policy.retryDelay(record(attempt(404)))).toBeUndefined();
    expect(policy.retryDelay(record(attempt(undefined, 'timeout')))).toBeUndefined();
  });

  it('exponential: firstMs × factor^n up to the limit, capped by maxMs; timeout and network when named', () => {
    const policy = deliveryPolicyOf({ on: ['timeout', 'network'], exponential: { firstMs: 100, factor: 3, retries: 3, maxMs: 500 } }, 1000);
    expect(policy.retryDelay(record(attempt(undefined, 'timeout')))).toBe(100);
    expect(policy.retryDelay(record(attempt(undefined, 'connection-refused'), attempt(undefined, 'timeout')))).toBe(300);
    expect(policy.retryDelay(record(attempt(undefined, 'timeout'), attempt(undefined, 'timeout'), attempt(undefined, 'timeout')))).toBe(500);
    expect(policy.retryDelay(record(attempt(undefined, 'timeout'), attempt(undefined, 'timeout'), attempt(undefined, 'timeout'), attempt(undefined, 'timeout')))).toBeUndefined();
    expect(policy.retryDelay(record(attempt(500)))).toBeUndefined();
  });

  it('none: one attempt', () => {
    expect(deliveryPolicyOf('none', 1000).retryDelay(record(attempt(500)))).toBeUndefined();
  });
});

describe('registering', () => {
  it('a compiled provider is found by name once registered; a second one with the name is refused', () => {
    // A name no other test file registers: registration lasts for the worker process.
    const ACME_REGISTERED = ACME.replace('name: acme', 'name: acme-registered');
    const registered = parseProviderFile(ACME_REGISTERED, 'acme-registered.yaml');
    registerProvider(registered);
    registerProvider(registered);
    expect(prepareEvent({ provider: 'acme-registered' as never, event: 'invoice.paid' as never, seed: 7, now, options: { signingKey: KEY } as never }).request.body).toBe(
      prepareEvent({ provider: registered, event: 'invoice.paid', seed: 7, now, options: { signingKey: KEY } }).request.body,
    );
    expect(() => registerProvider(parseProviderFile(ACME_REGISTERED, 'again.yaml'))).toThrow('provider "acme-registered" is already defined (a provider already loaded); give yours another name');
    expect(() => registerProvider(parseProviderFile(ACME.replace('name: acme', 'name: logto'), 'logto.yaml'))).toThrow('provider "logto" is already defined (a built-in provider)');
  });
});
