import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/providers/signing/binding.js';
import { signerFor, type SigningSchemeSpec } from '../../src/providers/signing/index.js';
import type { AnyProvider } from '../../src/providers/types.js';
import { deviateSignature } from '../../src/scenarios/deviate.js';

/** For any key, body, time and id: the genuine request verifies, and every deviation does not. */
const schemes: [string, SigningSchemeSpec][] = [
  ['hmac-sha256-hex', { scheme: 'hmac-sha256-hex', header: 'x-sig' }],
  ['standard-webhooks', { scheme: 'standard-webhooks' }],
  ['stripe', { scheme: 'stripe' }],
];

const keyFor = (scheme: SigningSchemeSpec, bytes: Uint8Array) => (scheme.scheme === 'standard-webhooks' ? `whsec_${Buffer.from(bytes).toString('base64')}` : Buffer.from(bytes).toString('hex'));
const arbitraries = {
  bytes: fc.uint8Array({ minLength: 16, maxLength: 48 }),
  body: fc.json(),
  now: fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 }),
  id: fc.stringMatching(/^msg_[A-Za-z0-9]{1,30}$/),
};

describe.each(schemes)('%s, for any key, body, time and id', (_name, scheme) => {
  const signer = signerFor(scheme);
  const provider = { name: 'p', signing: { scheme, key: (options: { key: string }) => options.key } } as unknown as AnyProvider;

  it('the signed request verifies; tampered, another key and an altered body do not', () => {
    fc.assert(
      fc.property(arbitraries.bytes, arbitraries.body, arbitraries.now, arbitraries.id, (bytes, body, now, id) => {
        const key = keyFor(scheme, bytes);
        const request = signRequest(signer, key, { method: 'POST', headers: {}, body }, { now, id });
        expect(signer.verify(request, key, now)).toEqual({ ok: true });
        for (const how of ['tampered', 'wrong-key', 'missing'] as const) {
          expect(signer.verify(deviateSignature(provider, { key }, request, how, { now }), key, now).ok).toBe(false);
        }
        const altered = { ...request, body: `${body} ` };
        expect(signer.verify(altered, key, now).ok).toBe(false);
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});
