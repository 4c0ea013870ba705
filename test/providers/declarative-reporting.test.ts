import { describe, expect, it } from 'vitest';
import { redact, REDACTED } from '../../src/core/redact.js';
import { exchangeText } from '../../src/reporters/text.js';
import type { DeliveryResult } from '../../src/scenarios/result.js';

function delivery(headers: Record<string, string>): DeliveryResult {
  return {
    request: { method: 'POST', headers, body: '{}' },
    response: { status: 401, headers: {}, body: '', bytes: 0 },
    attempts: [],
    verdict: { pass: false, violations: [] },
    outcome: {},
  };
}

describe('reports name no provider: they show what authenticates a request, whatever the scheme', () => {
  it('Standard Webhooks: the three webhook-* headers, after content-type and user-agent', () => {
    const text = exchangeText(delivery({ 'x-other': 'no', 'user-agent': 'ua', 'webhook-signature': 'v1,abc', 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-timestamp': '1' }), 'http://hook');
    expect(text.split('\n').slice(0, 6)).toEqual(['→ POST http://hook', '  content-type: application/json', '  user-agent: ua', '  webhook-signature: v1,abc', '  webhook-id: msg_1', '  webhook-timestamp: 1']);
    expect(text).not.toContain('x-other');
  });

  it('Logto and Stripe-style: the one signature header, then authorization', () => {
    const logto = exchangeText(delivery({ 'content-type': 'application/json', 'logto-signature-sha-256': 'ab', 'user-agent': 'Logto', authorization: 'Bearer x' }), 't');
    expect(logto.split('\n').slice(1, 5)).toEqual(['  content-type: application/json', '  user-agent: Logto', '  logto-signature-sha-256: ab', `  authorization: ${REDACTED}`]);
    expect(exchangeText(delivery({ 'stripe-signature': 't=1,v1=ab' }), 't')).toContain('  stripe-signature: t=1,v1=ab');
  });
});

describe('credential headers are masked by name, whichever provider sends them', () => {
  it('tokens, API keys and secrets, in any case', () => {
    const headers = { 'x-dexiecloud-token': 'abc', 'X-Api-Key': 'k', 'x-apikey': 'k', 'x-webhook-secret': 's', authorization: 'a', 'webhook-id': 'msg_1', 'x-token-count': '3' };
    expect(redact({ headers }, [])).toEqual({
      headers: { 'x-dexiecloud-token': REDACTED, 'X-Api-Key': REDACTED, 'x-apikey': REDACTED, 'x-webhook-secret': REDACTED, authorization: REDACTED, 'webhook-id': 'msg_1', 'x-token-count': '3' },
    });
  });
});

describe('the pretty reporter counts follow-up deliveries by what the runner marked, not by reading bodies', () => {
  it('repeats of an event whose body has no "event" key, and follow-ups the hook caused', async () => {
    const { prettyReporter } = await import('../../src/reporters/pretty.js');
    const chunks: string[] = [];
    const reporter = prettyReporter({ write: (text: string) => void chunks.push(text), isTty: false, colour: false });
    const ok = { ...delivery({}), response: { status: 200, headers: {}, body: '', bytes: 0 }, verdict: { pass: true, violations: [] } };
    const enrollmentBody = { ...ok, request: { method: 'POST' as const, headers: {}, body: '{"type":"enrollment","data":{"event":"not this"}}' } };
    const header = { name: 's', file: 's.yaml' };
    const step = (name: string, event: string, deliveries: DeliveryResult[]) => ({ index: 0, name, event, variant: '', status: 'passed' as const, location: { file: 's.yaml', line: 1, column: 1 }, deliveries, expectations: [], durationMs: 1 });
    reporter.onStepEnd?.(header, step('twice', 'enrollment', [enrollmentBody, enrollmentBody]));
    reporter.onStepEnd?.(header, step('callback', 'PostRegister', [ok, { ...ok, followUp: 'User.Data.Updated' }]));
    const text = chunks.join('');
    expect(text).toContain('✔ twice (enrollment ×2)');
    expect(text).toContain('✔ callback (PostRegister + 1 data event)');
  });
});
