import { describe, expect, test } from 'vitest';
import { progressReporter } from '../../src/reporters/progress.js';
import { capture, drive, fullRun, passing } from './fixtures.js';

describe('progressReporter', () => {
  test('without a TTY: one plain line per scenario, nothing rewritten', () => {
    const c = capture(false);
    expect(drive(progressReporter(c.output), fullRun)).toBe('');
    expect(c.text()).toBe(
      [
        '[1/4] ✔ passes passed (1 step, 20 ms)',
        '[2/4] ✘ fails: sign-up, then %retry failed (3 steps, 120 ms)',
        '[3/4] ! slow hook errored (2 steps, 3001 ms)',
        // Never announced (it could not be loaded), still counted.
        '[4/4] ! broken.yaml errored (0 steps, 0 ms)',
        '',
      ].join('\n'),
    );
    expect(c.text()).not.toContain('\r');
    expect(c.text()).not.toContain('\u001b');
  });

  test('on a TTY: the scenario line is rewritten in place as steps end, then finalised', () => {
    const c = capture(true);
    drive(progressReporter(c.output), fullRun);
    const text = c.text();
    expect(c.chunks[0]).toBe('\r\u001b[2K[1/4] passes … 0 steps');
    expect(c.chunks[1]).toBe('\r\u001b[2K[1/4] passes … 1 step');
    expect(c.chunks[2]).toBe('\r\u001b[2K[1/4] ✔ passes passed (1 step, 20 ms)\n');
    expect(text).toContain('\r\u001b[2K[2/4] fails: sign-up, then %retry … 1 step (1 not passed)');
    expect(text).toContain('\r\u001b[2K[3/4] ! slow hook errored (2 steps, 3001 ms)\n');
    // One finished line per scenario: only final lines end with a newline.
    expect(text.split('\n').filter(Boolean).map((line) => line.slice(line.lastIndexOf('\r') + 1))).toEqual([
      '\u001b[2K[1/4] ✔ passes passed (1 step, 20 ms)',
      '\u001b[2K[2/4] ✘ fails: sign-up, then %retry failed (3 steps, 120 ms)',
      '\u001b[2K[3/4] ! slow hook errored (2 steps, 3001 ms)',
      '[4/4] ! broken.yaml errored (0 steps, 0 ms)',
    ]);
  });

  test('without onRunStart (count unknown) the position is just the index', () => {
    const c = capture(false);
    const reporter = progressReporter(c.output);
    reporter.onScenarioStart?.({ name: passing.name, file: passing.file });
    reporter.onScenarioEnd?.(passing);
    expect(c.text()).toBe('[1] ✔ passes passed (1 step, 20 ms)\n');
  });

  test('a scenario announced twice counts once; control characters in names are shown escaped', () => {
    const c = capture(true);
    const reporter = progressReporter(c.output);
    reporter.onRunStart?.(['x.yaml']);
    reporter.onScenarioStart?.({ name: 'x\u001b[2J', file: 'x.yaml' });
    reporter.onScenarioStart?.({ name: 'x\u001b[2J', file: 'x.yaml' });
    reporter.onScenarioEnd?.({ ...passing, name: 'x\u001b[2J', file: 'x.yaml' });
    expect(c.chunks).toEqual(['\r\u001b[2K[1/1] x\\x1B[2J … 0 steps', '\r\u001b[2K[1/1] ✔ x\\x1B[2J passed (1 step, 20 ms)\n']);
  });
});
