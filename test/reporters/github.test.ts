import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty, githubReporter, workflowCommand } from '../../src/reporters/github.js';
import { summarize } from '../../src/scenarios/result.js';
import { fullRun, passing, runOf } from './fixtures.js';

const out = githubReporter().onRunEnd(fullRun);
const lines = out.trimEnd().split('\n');

describe('githubReporter', () => {
  test('escapes data and properties as workflow commands require', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a: b, c%\n')).toBe('a%3A b%2C c%25%0A');
    expect(workflowCommand('error', 'boom', { file: 'f.yaml', line: 3, column: 4 }, 'x › y')).toBe('::error file=f.yaml,line=3,col=4,title=x › y::boom');
    expect(workflowCommand('notice', 'done')).toBe('::notice::done');
  });

  test('every line is a workflow command: a newline in a reply cannot start another command', () => {
    expect(lines.every((line) => line.startsWith('::error ') || line.startsWith('::notice::'))).toBe(true);
    expect(out).not.toContain('\r');
  });

  test('one ::error per failed expectation with file, line, col and an escaped title', () => {
    const title = 'title=fails%3A sign-up%2C then %25retry › first login';
    expect(lines).toContain(`::error file=scenarios/b.yaml,line=8,col=7,${title}::status: expected status 200, got status 201`);
    expect(lines).toContain(
      `::error file=scenarios/b.yaml,line=6,col=5,${title}::contract: expected the contract kept, got broken: status: expected status 200, got 201%0Aand more 100%25`,
    );
  });

  test('an errored step is one annotation at the step; passing and skipped steps none', () => {
    const errored = lines.filter((line) => line.includes('title=slow hook'));
    expect(errored).toEqual(['::error file=scenarios/slow.yaml,line=4,col=5,title=slow hook › User.Created #1::no reply within 3000 ms (timeout)']);
    expect(out).not.toContain('passes');
    expect(out).not.toContain('broken on purpose');
    expect(out).not.toContain('duplicate delivery');
  });

  test('a file that could not be loaded is annotated at its file:line:column, not repeated in the message', () => {
    expect(lines).toContain('::error file=scenarios/broken.yaml,line=7,col=9,title=broken.yaml::unknown key "statuz" (did you mean "status"?)');
    const noLocation = githubReporter().onRunEnd(runOf([{ ...passing, steps: [], status: 'errored', error: { kind: 'config', message: 'not a mapping' } }]));
    expect(noLocation.split('\n')[0]).toBe('::error file=scenarios/a.yaml,title=passes::not a mapping');
  });

  test('ends with a ::notice:: summary', () => {
    expect(lines.at(-1)).toBe('::notice::hooksim: 1 passed, 1 failed, 2 errored, 0 skipped; 6 events sent; 1 file could not be loaded');
    expect(lines.filter((line) => line.startsWith('::error'))).toHaveLength(4);
  });

  test('a repeated delivery annotates each failed expectation once', () => {
    const [step] = fullRun.scenarios[1]!.steps;
    const twice = { ...step!, deliveries: [...step!.deliveries, ...step!.deliveries], expectations: [...step!.expectations, ...step!.expectations] };
    const run = runOf([{ ...fullRun.scenarios[1]!, steps: [twice] }]);
    expect(githubReporter().onRunEnd(run).split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(2);
  });
});

test('a file with several problems gets one annotation at each', () => {
  const scenario = {
    name: 's.yaml', file: 's.yaml', provider: '', target: '', seed: 0, status: 'errored' as const, steps: [], durationMs: 0,
    error: { kind: 'config' as const, location: { file: 's.yaml', line: 4, column: 7 }, message: 's.yaml:4:7: seed: expected number\ns.yaml:8:7: unknown key "statuz"' },
  };
  const text = githubReporter().onRunEnd({ startedAt: '', durationMs: 0, scenarios: [scenario], summary: summarize([scenario]), exitCode: 2 });
  expect(text.split('\n').slice(0, 2)).toEqual([
    '::error file=s.yaml,line=4,col=7,title=s.yaml::seed: expected number',
    '::error file=s.yaml,line=8,col=7,title=s.yaml::unknown key "statuz"',
  ]);
});
