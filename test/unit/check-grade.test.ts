// `hooksim check` grading: how each reply to a probe is graded, and how grades combine into one
// check result. Each rule with a reply that passes it and one that fails it.
import { describe, expect, it } from 'vitest';
import { combine, gradeAccept, gradeAny4xx, gradeRefusal, result, skipped, worst } from '../../src/check/grade.js';
import { replyText, statusClass } from '../../src/check/exchange.js';
import type { SentExchange } from '../../src/check/types.js';

function sent(label: string, status?: number, durationMs = 5): SentExchange {
  return {
    label,
    request: { method: 'POST', headers: {}, body: '{}' },
    curl: 'curl',
    durationMs,
    ...(status === undefined
      ? { error: { kind: 'timeout' as const, message: 'no reply within 10000 ms' } }
      : { response: { status, headers: {}, body: '', bytes: 0 } }),
  };
}

const text = { id: 'signature.missing', title: 'Unsigned requests are refused', why: 'anyone could post events', fix: 'verify the signature' };

describe('statusClass and replyText', () => {
  it('name the reply, or why none came', () => {
    expect(statusClass(sent('a', 204))).toBe(2);
    expect(statusClass(sent('a', 599))).toBe(5);
    expect(statusClass(sent('a'))).toBe(0);
    expect(replyText(sent('a', 401))).toBe('status 401');
    expect(replyText(sent('a'))).toBe('no reply (timeout: no reply within 10000 ms)');
    expect(replyText({ ...sent('a'), error: undefined } as SentExchange)).toBe('no reply (unknown: )');
  });
});

describe('worst', () => {
  it('fail > warn > pass > skip, and skip for nothing', () => {
    expect(worst([])).toBe('skip');
    expect(worst(['skip', 'pass'])).toBe('pass');
    expect(worst(['pass', 'warn', 'pass'])).toBe('warn');
    expect(worst(['warn', 'fail', 'pass'])).toBe('fail');
    expect(worst(['fail', 'warn'])).toBe('fail');
    expect(worst(['pass', 'skip'])).toBe('pass');
  });
});

describe('gradeRefusal: a request the hook must refuse', () => {
  it('401 and 403 pass', () => {
    expect(gradeRefusal(sent('no signature', 401))).toEqual({ status: 'pass', note: 'no signature: refused with 401' });
    expect(gradeRefusal(sent('no signature', 403))).toEqual({ status: 'pass', note: 'no signature: refused with 403' });
  });
  it('another 4xx is a warning', () => {
    expect(gradeRefusal(sent('no signature', 400))).toEqual({ status: 'warn', note: 'no signature: refused with 400, not 401/403' });
    expect(gradeRefusal(sent('no signature', 499)).status).toBe('warn');
  });
  it('2xx and 3xx mean it was accepted: fail', () => {
    expect(gradeRefusal(sent('no signature', 200))).toEqual({ status: 'fail', note: 'no signature: accepted (status 200)' });
    expect(gradeRefusal(sent('no signature', 302))).toEqual({ status: 'fail', note: 'no signature: accepted (status 302)' });
  });
  it('5xx crashed and no reply broke: fail', () => {
    expect(gradeRefusal(sent('no signature', 500))).toEqual({ status: 'fail', note: 'no signature: crashed (status 500)' });
    expect(gradeRefusal(sent('no signature'))).toEqual({ status: 'fail', note: 'no signature: broke (no reply (timeout: no reply within 10000 ms))' });
  });
});

describe('gradeAny4xx: a request the hook must refuse with any 4xx', () => {
  it('any 4xx passes', () => {
    expect(gradeAny4xx(sent('not an event', 422))).toEqual({ status: 'pass', note: 'not an event: refused with 422' });
    expect(gradeAny4xx(sent('not an event', 400)).status).toBe('pass');
  });
  it('2xx/3xx accepted, 5xx crashed, no reply broke: all fail', () => {
    expect(gradeAny4xx(sent('not an event', 201))).toEqual({ status: 'fail', note: 'not an event: accepted (status 201)' });
    expect(gradeAny4xx(sent('not an event', 301))).toEqual({ status: 'fail', note: 'not an event: accepted (status 301)' });
    expect(gradeAny4xx(sent('not an event', 503))).toEqual({ status: 'fail', note: 'not an event: crashed (status 503)' });
    expect(gradeAny4xx(sent('not an event')).note).toBe('not an event: broke (no reply (timeout: no reply within 10000 ms))');
  });
});

describe('gradeAccept: a delivery the hook must accept', () => {
  it('2xx passes', () => {
    expect(gradeAccept(sent('User.Created', 204))).toEqual({ status: 'pass', note: 'User.Created: status 204' });
  });
  it('anything else fails, or gets the status asked for', () => {
    expect(gradeAccept(sent('User.Created', 302))).toEqual({ status: 'fail', note: 'User.Created: status 302' });
    expect(gradeAccept(sent('User.Created', 400), 'warn')).toEqual({ status: 'warn', note: 'User.Created: status 400' });
    expect(gradeAccept(sent('User.Created')).status).toBe('fail');
  });
});

describe('result and skipped', () => {
  it('a result keeps why and fix, totals the time, and details only when given', () => {
    const exchanges = [sent('a', 401, 5), sent('b', 403, 7)];
    expect(result(text, 'pass', 'ok', exchanges)).toEqual({ ...text, status: 'pass', message: 'ok', exchanges, durationMs: 12 });
    expect(result(text, 'pass', 'ok', [])).not.toHaveProperty('details');
    expect(result(text, 'fail', 'bad', [], { n: 1 })).toMatchObject({ details: { n: 1 }, durationMs: 0 });
  });
  it('skipped says why and sent nothing', () => {
    expect(skipped(text, 'no signing key')).toEqual({ ...text, status: 'skip', message: 'no signing key', exchanges: [], durationMs: 0 });
  });
});

describe('combine', () => {
  it('passes with the pass message when every grade passed, marking each exchange', () => {
    const exchanges = [sent('a', 401), sent('b', 403)];
    const combined = combine(text, exchanges.map(gradeRefusal), exchanges, 'every unsigned request refused');
    expect(combined).toMatchObject({ status: 'pass', message: 'every unsigned request refused' });
    expect(exchanges.map((e) => e.verdict)).toEqual(['pass', 'pass']);
  });

  it('takes the worst grade and the notes that explain it', () => {
    const exchanges = [sent('a', 401), sent('b', 400), sent('c', 200), sent('d', 500)];
    const combined = combine(text, exchanges.map(gradeRefusal), exchanges, 'ok');
    expect(combined.status).toBe('fail');
    expect(combined.message).toBe('c: accepted (status 200); d: crashed (status 500)');
    expect(exchanges.map((e) => e.verdict)).toEqual(['pass', 'warn', 'fail', 'fail']);
  });

  it('shows four telling notes whole, and three then a count beyond that', () => {
    const four = ['a', 'b', 'c', 'd'].map((label) => sent(label, 200));
    expect(combine(text, four.map(gradeRefusal), four, 'ok').message).toBe(
      'a: accepted (status 200); b: accepted (status 200); c: accepted (status 200); d: accepted (status 200)',
    );
    const five = ['a', 'b', 'c', 'd', 'e'].map((label) => sent(label, 200));
    expect(combine(text, five.map(gradeRefusal), five, 'ok').message).toBe('a: accepted (status 200); b: accepted (status 200); c: accepted (status 200); and 2 more');
  });

  it('does not mark exchanges when grades and exchanges do not pair up', () => {
    const exchanges = [sent('a', 401), sent('b', 401)];
    combine(text, [{ status: 'warn', note: 'overall' }], exchanges, 'ok');
    expect(exchanges.map((e) => e.verdict)).toEqual([undefined, undefined]);
  });
});
