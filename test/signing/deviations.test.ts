import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../../src/core/types.js';
import { logto } from '../../src/providers/logto/index.js';
import { signRequest } from '../../src/providers/signing/binding.js';
import { signerFor, type SigningSchemeSpec } from '../../src/providers/signing/index.js';
import type { AnyProvider } from '../../src/providers/types.js';
import { alterBody, deviateSignature, deviationProblem, TIMESTAMP_SKEW_MS } from '../../src/scenarios/deviate.js';

const body = '{"type":"user.created","data":{"id":"user_1","email":"ada@example.test"}}';
const now = Date.UTC(2024, 0, 1);
const SW_KEY = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** Only what deviations read of a provider: its name and signing. */
function providerSigningWith(scheme: SigningSchemeSpec): AnyProvider {
  return { name: 'acme', signing: { scheme, key: (options: { key: string }) => options.key } } as unknown as AnyProvider;
}

function signed(scheme: SigningSchemeSpec, key: string, id = 'msg_now'): WireRequest {
  return signRequest(signerFor(scheme), key, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, { now, id });
}

describe.each([
  ['hmac-sha256-hex', { scheme: 'hmac-sha256-hex', header: 'x-sig' }, 'secret'],
  ['standard-webhooks', { scheme: 'standard-webhooks' }, SW_KEY],
  ['stripe', { scheme: 'stripe' }, 'whsec_plain'],
] as const)('deviations of %s', (_name, scheme, key) => {
  const provider = providerSigningWith(scheme);
  const signer = signerFor(scheme);
  const faithful = signed(scheme, key);
  const deviate = (how: Parameters<typeof deviateSignature>[3]) => deviateSignature(provider, { key }, faithful, how, { now });

  it('the faithful request verifies', () => {
    expect(signer.verify(faithful, key, now)).toEqual({ ok: true });
  });

  it.each(['missing', 'tampered', 'wrong-key', 'body-altered'] as const)('%s no longer verifies, and changes only what it says', (how) => {
    const request = deviate(how);
    expect(signer.verify(request, key, now).ok).toBe(false);
    if (how === 'missing') expect(request.headers[signer.signatureHeader]).toBeUndefined();
    if (how === 'body-altered') {
      expect(request.headers).toEqual(faithful.headers);
      expect(request.body).toHaveLength(body.length);
      expect(JSON.parse(request.body)).not.toEqual(JSON.parse(body));
    } else {
      expect(request.body).toBe(body);
    }
    if (how === 'tampered') expect(request.headers[signer.signatureHeader]).toHaveLength(faithful.headers[signer.signatureHeader]!.length);
  });

  it('wrong-key verifies under the probe key: the signature is genuine, the key is not', () => {
    expect(signer.verify(deviate('wrong-key'), signer.probeKey, now)).toEqual({ ok: true });
  });
});

describe('timestamp and id deviations', () => {
  const sw = providerSigningWith({ scheme: 'standard-webhooks' });
  const signer = signerFor({ scheme: 'standard-webhooks' });

  it.each([
    ['stale-timestamp', -TIMESTAMP_SKEW_MS],
    ['future-timestamp', TIMESTAMP_SKEW_MS],
  ] as const)('%s is correctly signed at a time 15 minutes off, and refused for it', (how, skew) => {
    const request = deviateSignature(sw, { key: SW_KEY }, signed({ scheme: 'standard-webhooks' }, SW_KEY), how, { now });
    expect(request.headers['webhook-timestamp']).toBe(String((now + skew) / 1000));
    expect(signer.verify(request, SW_KEY, now + skew)).toEqual({ ok: true });
    expect(signer.verify(request, SW_KEY, now)).toEqual({ ok: false, reason: 'webhook-timestamp is more than 300 s from now' });
  });

  it('the standardwebhooks library refuses a stale timestamp that hooksim signed correctly', () => {
    const real = Date.now();
    const request = deviateSignature(sw, { key: SW_KEY }, signRequest(signer, SW_KEY, { method: 'POST', headers: {}, body }, { now: real, id: 'msg_x' }), 'stale-timestamp', { now: real });
    expect(() => new Webhook(SW_KEY).verify(body, request.headers)).toThrow('Message timestamp too old');
  });

  it("replayed-id signs the previous message's id, validly, now", () => {
    const previous = signed({ scheme: 'standard-webhooks' }, SW_KEY, 'msg_earlier');
    const request = deviateSignature(sw, { key: SW_KEY }, signed({ scheme: 'standard-webhooks' }, SW_KEY, 'msg_now'), 'replayed-id', { now, previous });
    expect(request.headers['webhook-id']).toBe('msg_earlier');
    expect(signer.verify(request, SW_KEY, now)).toEqual({ ok: true });
  });

  it('replayed-id without an earlier message is a usage error', () => {
    expect(() => deviateSignature(sw, { key: SW_KEY }, signed({ scheme: 'standard-webhooks' }, SW_KEY), 'replayed-id', { now })).toThrow(
      'replayed-id replays the message id of an earlier step: it cannot be the first step',
    );
  });

  it('stripe has a timestamp to probe but no id', () => {
    const stripe = providerSigningWith({ scheme: 'stripe' });
    expect(deviationProblem(stripe, 'stale-timestamp')).toBeUndefined();
    expect(deviationProblem(stripe, 'replayed-id')).toBe('acme signs with stripe, which signs no message id: replayed-id does not apply');
  });

  it('hmac over the body has neither, and an unsigned provider has nothing to deviate from', () => {
    expect(deviationProblem(logto, 'tampered')).toBeUndefined();
    expect(deviationProblem(logto, 'future-timestamp')).toBe('logto signs with hmac-sha256-hex, which signs no timestamp: future-timestamp does not apply');
    expect(deviationProblem(providerSigningWith({ scheme: 'none' }), 'missing')).toBe('acme does not sign its requests: there is no signature to deviate from');
  });
});

describe('Logto deviations stay as they were', () => {
  const options = logto.optionsSchema.parse({ signingKey: 'k' });
  const request = logto.buildRequest({ event: 'PostRegister', createdAt: '2024-01-01T00:00:00.000Z' }, options, { now, seed: 1 });
  const header = 'logto-signature-sha-256';

  it('tampered flips the last hex digit', () => {
    const value = request.headers[header]!;
    expect(deviateSignature(logto, options, request, 'tampered').headers[header]).toBe(value.slice(0, -1) + (value.endsWith('0') ? '1' : '0'));
  });

  it('body-altered changes the fourth character of createdAt, signature kept', () => {
    const altered = deviateSignature(logto, options, request, 'body-altered');
    expect(altered.body).toBe('{"event":"PostRegister","createdAt":"2021-01-01T00:00:00.000Z"}');
    expect(altered.headers).toEqual(request.headers);
  });
});

describe('alterBody', () => {
  it('keeps JSON valid and the length when the body has no createdAt', () => {
    const altered = alterBody(body);
    expect(altered).toHaveLength(body.length);
    expect(JSON.parse(altered)).toEqual({ type: 'user.created', data: { id: 'user_1', email: '1da@example.test' } });
  });
});
