import { describe, expect, it } from 'vitest';
import { checkHook } from '../../src/check/index.js';
import type { CheckReport } from '../../src/check/types.js';
import { manualClock } from '../../src/core/clock.js';
import { createFixtureHook, type LogtoFault } from './fixtures/logto-hook.js';

const signingKey = 'check-test-signing-key-0123456789';

async function check(fault: LogtoFault | undefined, only: string[], extra: Partial<Parameters<typeof checkHook>[0]> = {}): Promise<CheckReport> {
  const hook = createFixtureHook({ signingKey, fault });
  return checkHook({ provider: 'logto', target: { fetch: hook.fetch }, signingKey, only, fuzz: 0, clock: manualClock('2026-03-01T12:00:00Z'), ...extra });
}

const byId = (report: CheckReport, id: string) => {
  const found = report.checks.find((check) => check.id === id);
  if (!found) throw new Error(`no check ${id} in ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
};

describe('Logto checks against a correct receiver', () => {
  it('passes every check, fuzzing included', async () => {
    const hook = createFixtureHook({ signingKey });
    const report = await checkHook({ provider: 'logto', target: { fetch: hook.fetch }, signingKey, fuzz: 10, clock: manualClock('2026-03-01T12:00:00Z') });
    const notPassing = report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`);
    expect(notPassing).toEqual([]);
    expect(report.exitCode).toBe(0);
    // The contract's ids are all there.
    const ids = report.checks.map((c) => c.id);
    for (const id of ['events.PostRegister', 'events.User.Created.management-api', 'events.User.Deleted.data-null', 'events.User.Deleted.no-data', 'events.User.Data.Updated.custom-data', 'events.User.Data.Updated.profile', 'events.User.SuspensionStatus.Updated.unsuspended', 'events.User.Created.phone-only', 'events.PostRegister.username-only', 'events.User.Created.no-name', 'events.User.Created.unicode-name', 'signature.missing', 'signature.tampered', 'signature.wrong-key', 'signature.body-altered', 'signature.malformed', 'signature.trailing-junk', 'signature.reencoded', 'body.not-an-event', 'delivery.duplicate', 'delivery.out-of-order', 'delivery.concurrent', 'delivery.latency', 'console.test-payloads', 'fuzz.events']) {
      expect(ids).toContain(id);
    }
  });
});

describe('each Logto check fails the receiver that makes its mistake', () => {
  const cases: [LogtoFault, string, RegExp][] = [
    ['fail-open', 'signature.missing', /missing: accepted \(status 200\)/],
    ['signature-cache', 'signature.body-altered', /body-altered: accepted \(status 200\)/],
    ['format-only', 'signature.tampered', /tampered: accepted \(status 200\)/],
    ['format-only', 'signature.wrong-key', /wrong-key: accepted \(status 200\)/],
    ['no-length-check', 'signature.malformed', /wrong length \(32 hex digits\): crashed \(status 500\)/],
    ['hex-decode', 'signature.trailing-junk', /digest \+ "zz": accepted \(status 200\); digest \+ "0": accepted/],
    ['stringify', 'signature.reencoded', /pretty-printed bytes refused \(status 401\)/],
    ['crash-non-event', 'body.not-an-event', /\[\]: crashed \(status 500\)/],
    ['accept-non-event', 'body.not-an-event', /\{\}: accepted \(status 200\)/],
    ['duplicate-409', 'delivery.duplicate', /the same bytes got status 200, then status 409/],
    ['unknown-user-500', 'delivery.out-of-order', /User.Data.Updated \(management-api\) out of order: status 500/],
    ['check-then-insert', 'delivery.concurrent', /sent concurrently: status 500/],
    ['email-required', 'events.User.Created.phone-only', /status 400/],
    ['email-required', 'events.PostRegister.username-only', /status 400/],
    ['refuse-unhandled', 'events.Role.Created', /status 400/],
  ];
  it.each(cases)('%s fails %s', async (fault, id, message) => {
    const report = await check(fault, [id]);
    const result = byId(report, id);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(message);
    expect(result.why).not.toBe('');
    expect(result.fix).not.toBe('');
    expect(report.exitCode).toBe(1);
  });

  it('the same checks pass against the correct receiver', async () => {
    const report = await check(undefined, [...new Set(cases.map(([, id]) => id))]);
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual([]);
  });

  it('a refusal with a 4xx other than 401/403 is a warning, and warnings fail only under strict', async () => {
    const hook = async (request: Request) => (request.headers.get('logto-signature-sha-256') ? Response.json({}) : Response.json({ error: 'bad request' }, { status: 400 }));
    const lenient = await checkHook({ provider: 'logto', target: { fetch: hook }, signingKey, only: ['signature.missing'], fuzz: 0 });
    expect(byId(lenient, 'signature.missing')).toMatchObject({ status: 'warn', message: 'missing: refused with 400, not 401/403' });
    expect(lenient.exitCode).toBe(0);
    const strict = await checkHook({ provider: 'logto', target: { fetch: hook }, signingKey, only: ['signature.missing'], fuzz: 0, strict: true });
    expect(strict.exitCode).toBe(1);
  });

  it('an event outside --events that is refused is a warning, inside it a failure', async () => {
    const report = await check('refuse-unhandled', ['events.Role.Created', 'events.PostRegister'], { events: ['PostRegister', 'User.Created'] });
    expect(byId(report, 'events.Role.Created').status).toBe('warn');
    expect(byId(report, 'events.Role.Created').message).toMatch(/Role.Created is not in --events/);
    expect(byId(report, 'events.PostRegister').status).toBe('pass');
    const all = await check('refuse-unhandled', ['events.Role.Created']);
    expect(byId(all, 'events.Role.Created').status).toBe('fail');
  });

  it("console test payloads refused are a warning (the Console's test, not production)", async () => {
    const report = await check('reject-console', ['console.test-payloads']);
    expect(byId(report, 'console.test-payloads')).toMatchObject({ status: 'warn' });
    expect(byId(report, 'console.test-payloads').message).toMatch(/PostRegister: status 400/);
    const good = await check(undefined, ['console.test-payloads']);
    expect(byId(good, 'console.test-payloads').status).toBe('pass');
  });

  it('without a signing key the signature checks are skipped, saying why', async () => {
    const hook = createFixtureHook({ signingKey });
    const report = await checkHook({ provider: 'logto', target: { fetch: hook.fetch }, only: ['signature.', 'events.PostRegister'], fuzz: 0 });
    expect(byId(report, 'signature.missing')).toMatchObject({ status: 'skip', message: expect.stringMatching(/no signing key given/) });
    expect(byId(report, 'events.PostRegister').message).toMatch(/no signing key was given, so the request was unsigned/);
  });
});
