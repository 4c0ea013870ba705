import { beforeAll, describe, expect, it } from 'vitest';
import { checkHook } from '../../src/check/index.js';
import { renderGithub, renderJson, renderJunit, renderPretty } from '../../src/check/report/index.js';
import type { CheckReport } from '../../src/check/types.js';
import { paint } from '../../src/cli/style.js';
import { manualClock } from '../../src/core/clock.js';
import { parseXml, type XmlElement } from '../reporters/xml.js';
import { createFixtureHook } from './fixtures/logto-hook.js';

const signingKey = 'check-test-signing-key-0123456789';
let report: CheckReport;

beforeAll(async () => {
  // One failure (fail-open), passes (events.PostRegister and its four user shapes, tampered) and a skip.
  const hook = createFixtureHook({ signingKey, fault: 'fail-open' });
  report = await checkHook({
    provider: 'logto',
    target: { fetch: hook.fetch },
    signingKey,
    only: ['signature.missing', 'signature.tampered', 'events.PostRegister', 'fuzz.events'],
    fuzz: 0,
    clock: manualClock('2026-03-01T12:00:00Z'),
  });
});

const find = (root: XmlElement, name: string): XmlElement[] => [...(root.name === name ? [root] : []), ...root.children.flatMap((child) => find(child, name))];

describe('check reports', () => {
  it('pretty: failures first with why, fix and a replay line; passes one line; counts', () => {
    const text = renderPretty(report, paint(false));
    const lines = text.split('\n');
    expect(lines[0]).toBe('hooksim check logto → in-process fetch handler POST / (seed 1)');
    expect(text).toContain('  ✘ signature.missing  a request without a signature is refused\n      missing: accepted (status 200)\n      why  Anyone who finds the URL');
    expect(text).toContain('      fix  Refuse a request without the signature header with 401');
    expect(text).toMatch(/replay: printf %s '\{"event":"User.Created".*' \| curl -sS -X POST "\$HOOK_URL" -H 'content-type: application\/json' -H 'user-agent: Logto \(https:\/\/logto.io\/\)' --data-binary @-\n/);
    expect(text).toContain('  ✔ events.*  5 events, variants and user shapes answered 2xx');
    expect(text).toContain('  ✔ signature.tampered  refused with 401/403');
    expect(text).toContain('  - fuzz.events  skipped: fuzzing is off (--fuzz 0)');
    expect(text).toContain('Checks    8: 6 passed, 1 failed, 0 warnings, 1 skipped');
    // The failing check comes before the passing ones.
    expect(text.indexOf('✘ signature.missing')).toBeLessThan(text.indexOf('✔ events.*'));
  });

  it('json: the whole report with a version, and never the signing key', () => {
    const text = renderJson(report);
    const parsed = JSON.parse(text) as CheckReport & { version: number };
    expect(parsed.version).toBe(1);
    expect(parsed.summary).toEqual({ pass: 6, fail: 1, warn: 0, skip: 1, total: 8 });
    expect(parsed.exitCode).toBe(1);
    expect(parsed.checks.find((c) => c.id === 'signature.missing')!.exchanges[0]!.curl).toContain('curl');
    expect(text).not.toContain(signingKey);
  });

  it('junit: one testcase per check, failures and skips counted from what was written', async () => {
    const root = parseXml(await renderJunit(report));
    const cases = find(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(report.checks.map((c) => c.id));
    const failed = cases.filter((c) => c.children.some((child) => child.name === 'failure'));
    expect(failed.map((c) => c.attributes.name)).toEqual(['signature.missing']);
    expect(failed[0]!.children[0]!.attributes.message).toBe('missing: accepted (status 200)');
    expect(failed[0]!.children[0]!.text).toMatch(/Why: .*\nFix: .*\nReplay: printf %s/);
    const suite = find(root, 'testsuite')[0]!;
    expect(suite.attributes).toMatchObject({ tests: '8', failures: '1', skipped: '1', errors: '0' });
  });

  it('github: an error annotation per failed check, a notice with the counts', () => {
    const lines = renderGithub(report).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error title=hooksim signature.missing::missing: accepted \(status 200\)%0AWhy: .*%0AFix: /);
    expect(lines.at(-1)).toBe('::notice::hooksim check logto: 6 passed, 1 failed, 0 warnings, 1 skipped');
  });

  it('github and junit treat warnings as failures only under strict', async () => {
    const warned: CheckReport = { ...report, checks: [{ ...report.checks[0]!, status: 'warn' }], summary: { pass: 0, fail: 0, warn: 1, skip: 0, total: 1 }, exitCode: 0 };
    expect(renderGithub(warned)).toMatch(/^::warning title=/);
    expect(renderGithub({ ...warned, strict: true, exitCode: 1 })).toMatch(/^::error title=/);
    const lenient = parseXml(await renderJunit(warned));
    expect(find(lenient, 'failure')).toHaveLength(0);
    expect(find(lenient, 'system-out')[0]!.text).toMatch(/^warning: /);
    const strict = parseXml(await renderJunit({ ...warned, strict: true }));
    expect(find(strict, 'failure')).toHaveLength(1);
  });
});
