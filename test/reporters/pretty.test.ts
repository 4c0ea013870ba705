import { describe, expect, test } from 'vitest';
import { prettyReporter } from '../../src/reporters/pretty.js';
import { capture, drive, erroring, failing, fullRun, passing, runOf, unloadable } from './fixtures.js';

function render(colour = false) {
  const c = capture(false, colour);
  const summary = drive(prettyReporter(c.output), fullRun);
  return { live: c.text(), summary };
}

const { live, summary } = render();

describe('prettyReporter, live lines', () => {
  test('a header per scenario: name, file, provider, target', () => {
    expect(live).toContain('\nfails: sign-up, then %retry scenarios/b.yaml  logto  → http://127.0.0.1:3001/logto\n');
    expect(live).toContain('\npasses scenarios/a.yaml  dexie-cloud  → http://127.0.0.1:3000/hook\n');
  });

  test('one line per step: mark, name, event, reply status and latency', () => {
    expect(live).toContain('  ✔ first login (new-user) status 200 in 12 ms\n');
    expect(live).toContain('  ✘ first login (User.Created) status 201 in 33 ms\n');
    expect(live).toContain('  ✔ duplicate delivery (User.Created ×2) status 200 in 6 ms\n');
    expect(live).toContain('  ! User.Created #1 (User.Created) no reply (timeout) after 3000 ms\n      no reply within 3000 ms (timeout)\n');
    expect(live).toContain('  - never sent (User.Created)\n      not run: an earlier step errored\n');
  });

  test('under a failed step: each failed expectation as expected X, got Y with file:line:column', () => {
    expect(live).toContain('      ✘ status: expected status 200, got status 201 (scenarios/b.yaml:8:7)\n');
    // A multi-line actual value stays indented under its expectation.
    expect(live).toContain('      ✘ contract: expected the contract kept, got broken: status: expected status 200, got 201\n        and more 100% (scenarios/b.yaml:6:5)\n');
  });

  test('under failed and errored steps: a short request summary and the reply, truncated', () => {
    const failedStep = live.slice(live.indexOf('✘ first login'), live.indexOf('✔ broken on purpose'));
    expect(failedStep).toContain('      → POST http://127.0.0.1:3001/logto\n');
    expect(failedStep).toContain('        content-type: application/json\n');
    expect(failedStep).toContain('        logto-signature-sha-256: abc123\n');
    expect(failedStep).toContain('"event": "User.Created"');
    expect(failedStep).toContain('… (2 more lines)');
    expect(failedStep).toContain('      ← 201 text/html\n');
    // Control characters from the hook are shown, not sent to the terminal.
    expect(failedStep).toContain('<html>Tom & Jerry ]]> \\x01bell\\x1B[2J</html>');
    expect(live).toContain('      ← no reply (timeout): no reply within 3000 ms\n');
    // Passing steps show no exchange.
    expect(live.slice(live.indexOf('✔ broken on purpose'), live.indexOf('\nslow hook'))).not.toMatch(/^ +→ POST/m);
    expect(live).not.toContain('should-never-print');
  });

  test('expected violations of a deliberately broken hook are shown under the passing step', () => {
    expect(live).toContain('  ✔ broken on purpose (User.Created) status 201 in 4 ms\n      ↳ violation (expected) status: expected status 200, got 201\n');
    const { live: coloured } = render(true);
    // Dimmed: the line is wrapped in the grey style.
    expect(coloured).toContain('\u001b[90m      ↳ violation (expected) status: expected status 200, got 201\u001b[39m');
  });

  test('a file that could not be loaded shows its name and file:line:column message', () => {
    expect(live).toContain('\nbroken.yaml scenarios/broken.yaml\n  ! scenarios/broken.yaml:7:9: unknown key "statuz" (did you mean "status"?)\n');
  });

  test('no colour codes unless output.colour', () => {
    expect(live + summary).not.toContain('\u001b');
    const coloured = render(true);
    expect(coloured.live).toContain('\u001b[31m✘\u001b[39m');
    expect(coloured.summary).toContain('\u001b[31mCONFIG ERROR\u001b[39m');
  });

  test('a scenario announced twice (the runner retries the target) gets one header', () => {
    const c = capture();
    const reporter = prettyReporter(c.output);
    reporter.onScenarioStart?.({ name: 'x', file: 'x.yaml', target: 'http://a/' });
    reporter.onScenarioStart?.({ name: 'x', file: 'x.yaml', target: '' });
    reporter.onScenarioEnd?.({ ...passing, name: 'x', file: 'x.yaml', steps: [], status: 'errored', error: { kind: 'config', message: 'unknown target "prod"' } });
    expect(c.text()).toBe('\nx x.yaml  → http://a/\n  ! x.yaml: unknown target "prod"\n');
  });
});

describe('prettyReporter, summary (onRunEnd)', () => {
  test('scenarios, steps, events sent and their split, config errors, duration', () => {
    expect(summary).toContain('Scenarios  1 passed, 1 failed, 2 errored\n');
    expect(summary).toContain('Steps      3 passed, 1 failed, 1 errored, 1 skipped\n');
    expect(summary).toContain('Events     6 events sent: 4 passed, 1 failed, 1 errored\n');
    expect(summary).toContain('Config     1 file could not be loaded (exit code 2)\n');
    expect(summary).toContain('Duration   3200 ms\n');
    expect(summary).toContain('Files that could not be loaded:\n  scenarios/broken.yaml:7:9: unknown key "statuz" (did you mean "status"?)\n');
    expect(summary.trimEnd().split('\n').at(-1)).toBe('CONFIG ERROR (exit code 2)');
  });

  test('the summary does not repeat the live lines', () => {
    expect(summary).not.toContain('first login');
  });

  test('every event sent is accounted for in the split', () => {
    const match = /Events +(\d+) events sent: (\d+) passed, (\d+) failed, (\d+) errored/.exec(summary)!;
    const [sent, ...split] = match.slice(1).map(Number);
    expect(split.reduce((a, b) => a + b, 0)).toBe(sent);
    expect(sent).toBe(6);
  });

  test('PASS and exit code 0 when everything passed', () => {
    const out = prettyReporter(capture().output).onRunEnd(runOf([passing], 20));
    expect(out.trimEnd().split('\n').at(-1)).toBe('PASS (exit code 0)');
    expect(out).not.toContain('Config');
    expect(out).toContain('Events     1 event sent: 1 passed, 0 failed, 0 errored');
  });

  test('FAIL with exit code 1 when a scenario failed', () => {
    const out = prettyReporter(capture().output).onRunEnd(runOf([passing, failing, erroring]));
    expect(out.trimEnd().split('\n').at(-1)).toBe('FAIL (exit code 1)');
  });

  test('without live hooks, onRunEnd renders every scenario before the summary', () => {
    const c = capture();
    const out = prettyReporter(c.output).onRunEnd(runOf([failing, unloadable]));
    expect(c.text()).toBe('');
    expect(out).toContain('  ✘ first login (User.Created) status 201 in 33 ms\n      ✘ status: expected status 200, got status 201 (scenarios/b.yaml:8:7)\n');
    expect(out).toContain('      → POST http://127.0.0.1:3001/logto\n');
    expect(out).toContain('  ! scenarios/broken.yaml:7:9: unknown key');
    expect(out.indexOf('first login')).toBeLessThan(out.indexOf('Scenarios  '));
  });
});
