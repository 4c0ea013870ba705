import { create } from 'xmlbuilder2';
import { formatLocation } from '../scenarios/source.js';
import type { RunResult, ScenarioResult, StepResult } from '../scenarios/result.js';
import { exchangeText, expectationLine, replySummary, telling } from './text.js';
import type { Reporter } from './types.js';

/** Characters XML 1.0 cannot carry at all (a hook may reply with anything). */
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string) => text.replace(ILLEGAL_XML, '\uFFFD');
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function count(steps: readonly StepResult[], status: StepResult['status']): number {
  return steps.filter((step) => step.status === status).length;
}

function addTestcase(suite: ReturnType<ReturnType<typeof create>['ele']>, scenario: ScenarioResult, step: StepResult): void {
  const testcase = suite.ele('testcase', {
    name: step.name,
    classname: scenario.name,
    file: step.location.file,
    line: String(step.location.line),
    time: seconds(step.durationMs),
  });
  const failed = step.expectations.filter((expectation) => !expectation.pass);
  if (step.status === 'failed') {
    testcase
      .ele('failure', { message: clean(failed.map((e) => `${e.name}: expected ${e.expected}, got ${e.actual}`).join('; ')), type: 'expectation' })
      .txt(clean(failed.map(expectationLine).join('\n')));
  } else if (step.status === 'errored') {
    testcase.ele('error', { message: clean(step.message ?? 'errored'), type: telling(step)?.error?.kind ?? 'error' }).txt(clean(`${step.message ?? ''}\n${formatLocation(step.location)}`));
  } else if (step.status === 'skipped') {
    testcase.ele('skipped', { message: clean(step.message ?? 'skipped') });
  }
  const delivery = telling(step);
  if (delivery) testcase.ele('system-out').txt(clean(`${replySummary(delivery)}\n${exchangeText(delivery, scenario.target)}`));
}

/**
 * JUnit XML: each scenario a `<testsuite>`, each step a `<testcase>` with `<failure>`,
 * `<error>` or `<skipped>`; a file that could not be loaded is a suite with one errored case.
 */
export function junitReporter(): Reporter {
  return {
    name: 'junit',
    onRunEnd(run: RunResult) {
      const { steps, configErrors } = run.summary;
      const total = steps.passed + steps.failed + steps.errored + steps.skipped + configErrors;
      const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
        name: 'hooksim',
        tests: String(total),
        failures: String(steps.failed),
        errors: String(steps.errored + configErrors),
        skipped: String(steps.skipped),
        time: seconds(run.durationMs),
      });
      for (const scenario of run.scenarios) {
        const loadFailed = scenario.error?.kind === 'config' && scenario.steps.length === 0;
        const suite = root.ele('testsuite', {
          name: scenario.name,
          file: scenario.file,
          tests: String(loadFailed ? 1 : scenario.steps.length),
          failures: String(count(scenario.steps, 'failed')),
          errors: String(count(scenario.steps, 'errored') + (scenario.error ? 1 : 0)),
          skipped: String(count(scenario.steps, 'skipped')),
          time: seconds(scenario.durationMs),
          timestamp: run.startedAt,
        });
        for (const step of scenario.steps) addTestcase(suite, scenario, step);
        if (scenario.error) {
          const location = scenario.error.location;
          suite
            .ele('testcase', { name: loadFailed ? 'loads' : 'setup', classname: scenario.name, file: scenario.file, ...(location ? { line: String(location.line) } : {}), time: '0.000' })
            .ele('error', { message: clean(scenario.error.message), type: scenario.error.kind })
            .txt(clean(scenario.error.message));
        }
      }
      return root.end({ prettyPrint: true });
    },
  };
}
