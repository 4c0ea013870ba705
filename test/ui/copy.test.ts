import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DeliveryEntry } from '../../src/emulator/history.js';
import { maskSignature } from '../../src/emulator/history.js';
import { asCurl, asSendCommand, asYamlStep } from '../../src/ui/copy.js';
import { getProvider, registerProvider } from '../../src/providers/registry.js';
import { withProviderScope } from '../../src/providers/scope.js';
import { signerFor } from '../../src/providers/signing/index.js';
import { prepareEvent } from '../../src/send.js';

const key = 'copyTestSigningKey0123456789abcdef';
const prepared = prepareEvent({ provider: 'logto', event: 'PostRegister', seed: 5, signingKey: key, now: Date.parse('2026-03-01T10:00:00Z'), set: { 'user.name': "O'Brien" } });
const entry: DeliveryEntry = {
  id: 7,
  at: '2026-03-01T10:00:00.000Z',
  source: 'dashboard',
  provider: 'logto',
  event: 'PostRegister',
  variant: 'experience',
  target: 'logto-signed',
  seed: 5,
  set: ["user.name=O'Brien", '-user.avatar', 'user.customData={"plan":"pro"}'],
  request: maskSignature(prepared.request, getProvider('logto')),
  response: { status: 204, headers: {}, body: '', bytes: 0 },
  attempts: [],
  verdict: { pass: true, violations: [] },
  outcome: {},
  latencyMs: 3,
  apiCalls: [],
};

describe('copy a delivery', () => {
  it('as curl: the exact body, and a signature the shell recomputes from $LOGTO_SIGNING_KEY that matches the real one', () => {
    const line = asCurl(entry, 'http://127.0.0.1:3000/hooks/logto');
    expect(line).not.toContain(key);
    expect(line).not.toContain(prepared.request.headers['logto-signature-sha-256']);
    // Run the line with curl replaced by a stub that prints its arguments and stdin.
    const stub = 'curl() { for a in "$@"; do printf "%s\\n" "$a"; done; printf "BODY:"; cat; }';
    const out = execFileSync('bash', ['-c', `${stub}\n${line}`], { env: { PATH: process.env.PATH, LOGTO_SIGNING_KEY: key }, encoding: 'utf8' });
    const expected = createHmac('sha256', key).update(prepared.request.body).digest('hex');
    expect(out).toContain(`logto-signature-sha-256: ${expected}\n`);
    expect(out.slice(out.indexOf('BODY:') + 5)).toBe(prepared.request.body);
    // With another key, the hook would rightly refuse it.
    const wrong = execFileSync('bash', ['-c', `${stub}\n${line}`], { env: { PATH: process.env.PATH, LOGTO_SIGNING_KEY: 'other' }, encoding: 'utf8' });
    expect(wrong).not.toContain(expected);
  });

  /** Runs a copied curl line with curl replaced by a stub; the headers it got and the body it read. */
  function runCurl(line: string, env: Record<string, string>): { headers: Record<string, string>; body: string } {
    const stub = 'curl() { for a in "$@"; do printf "%s\\n" "$a"; done; printf "BODY:"; cat; }';
    const out = execFileSync('bash', ['-c', `${stub}\n${line}`], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8' });
    const lines = out.slice(0, out.indexOf('BODY:')).split('\n');
    const headers = Object.fromEntries(lines.flatMap((text, index) => (lines[index - 1] === '-H' ? [[text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 2)]] : [])));
    return { headers, body: out.slice(out.indexOf('BODY:') + 5) };
  }

  it('as curl for a Standard Webhooks provider: id kept, timestamp and v1 signature recomputed from $<NAME>_SIGNING_KEY, verified as the spec says', () => {
    const secret = `whsec_${Buffer.from('copy-test-standard-webhooks-key!').toString('base64')}`;
    const sent = prepareEvent({ provider: 'standard-webhooks', event: 'user.created', seed: 2, signingKey: secret, now: Date.now() });
    const swEntry: DeliveryEntry = { ...entry, provider: 'standard-webhooks', event: 'user.created', set: [], request: maskSignature(sent.request, getProvider('standard-webhooks')) };
    const line = asCurl(swEntry, 'http://127.0.0.1:3000/hooks/sw');
    expect(line).not.toContain(secret);
    const { headers, body } = runCurl(line, { STANDARD_WEBHOOKS_SIGNING_KEY: secret });
    expect(body).toBe(sent.request.body);
    expect(headers['webhook-id']).toBe(sent.request.headers['webhook-id']);
    const signer = signerFor({ scheme: 'standard-webhooks' });
    expect(signer.verify({ headers, body }, secret, Date.now())).toEqual({ ok: true });
    expect(signer.verify({ headers: runCurl(line, { STANDARD_WEBHOOKS_SIGNING_KEY: `whsec_${Buffer.from('another key').toString('base64')}` }).headers, body }, secret, Date.now()).ok).toBe(false);
  });

  it('as curl for a Stripe-style provider: t= and v1= recomputed from the scheme, verified', async () => {
    await withProviderScope(async () => {
      const base = getProvider('standard-webhooks');
      registerProvider({ ...base, name: 'stripe-like', signing: { scheme: { scheme: 'stripe' }, key: () => '', keyOption: 'signingKey' } });
      const request = { method: 'POST' as const, headers: { 'content-type': 'application/json', 'stripe-signature': '[redacted: 80 chars]' }, body: '{"id":"evt_1"}' };
      const line = asCurl({ ...entry, provider: 'stripe-like', set: [], request }, undefined);
      const { headers, body } = runCurl(line, { STRIPE_LIKE_SIGNING_KEY: 'sk_test_copy', HOOK_URL: 'http://127.0.0.1:9/x' });
      expect(body).toBe(request.body);
      expect(signerFor({ scheme: 'stripe' }).verify({ headers, body }, 'sk_test_copy', Date.now())).toEqual({ ok: true });
    });
  });

  it('as hooksim send: same seed, clock and overrides, the key from the environment', () => {
    expect(asSendCommand(entry, 'http://127.0.0.1:3000/hooks/logto')).toBe(
      "hooksim send logto 'PostRegister' --to 'http://127.0.0.1:3000/hooks/logto' --variant 'experience' --seed 5 --now 2026-03-01T10:00:00.000Z --set 'user.name=O'\\''Brien' --set 'user.customData={\"plan\":\"pro\"}' --unset 'user.avatar' --signing-key \"$LOGTO_SIGNING_KEY\"",
    );
    expect(asSendCommand({ ...entry, provider: 'dexie-cloud', set: [] }, undefined)).toContain('--to "$HOOK_URL"');
    expect(asSendCommand({ ...entry, provider: 'dexie-cloud', set: [] }, undefined)).not.toContain('--signing-key');
  });

  it('as a YAML scenario step that parses, with values typed as the CLI reads them', () => {
    const [step] = parse(asYamlStep(entry)) as Record<string, unknown>[];
    expect(step).toEqual({
      name: 'PostRegister as sent from the dashboard (#7)',
      send: 'PostRegister',
      variant: 'experience',
      set: { 'user.name': "O'Brien", 'user.customData': { plan: 'pro' } },
      unset: ['user.avatar'],
      expect: { status: 204, contract: 'kept' },
    });
    const broken = parse(asYamlStep({ ...entry, set: [], response: undefined, verdict: { pass: false, violations: [] } })) as Record<string, unknown>[];
    expect(broken[0]!.expect).toEqual({ contract: 'broken' });
  });
});
