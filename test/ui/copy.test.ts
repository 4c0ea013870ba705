import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DeliveryEntry } from '../../src/emulator/history.js';
import { maskSignature } from '../../src/emulator/history.js';
import { asCurl, asSendCommand, asYamlStep } from '../../src/ui/copy.js';
import { getProvider } from '../../src/providers/registry.js';
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
