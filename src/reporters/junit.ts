import { create } from 'xmlbuilder2';
import type { RunResult, ScenarioResult, StepResult } from '../scenarios/result.js';
import { exchangeText, expectationLine, failedExpectations, locatedMessage, replySummary, telling } from './text.js';
import type { Reporter } from './types.js';

/**
 * Characters XML 1.0 cannot carry at all, not even escaped: C0 controls but tab/LF/CR, U+FFFE,
 * U+FFFF and unpaired surrogates. xmlbuilder2 escapes `<`, `&` and `]]>` but writes these
 * through, and a hook may reply with anything; they are stripped so the report still parses.
 */
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text legal in an XML 1.0 document. */
export const xmlText = (text: string) => text.replace(ILLEGAL_XML, '');

/** An attribute value: XML parsers turn raw newlines and tabs in attributes into spaces anyway. */
const attribute = (text: string) => xmlText(text).replace(/[\r\n\t]+/g, ' ');

type XMLBuilder = ReturnType<typeof create>;

const seconds = (ms: number) => (ms / 1000).toFixed(3);

interface Tally {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** One `<testcase>` per step; returns what it counted as. */
function addTestcase(suite: XMLBuilder, scenario: ScenarioResult, step: StepResult): keyof Omit<Tally, 'tests'> | undefined {
  const testcase = suite.ele('testcase', {
    name: attribute(step.name),
    classname: attribute(scenario.name),
    file: attribute(step.location.file),
    line: String(step.location.line),
    time: seconds(step.durationMs),
  });
  const delivery = telling(step);
  let counted: keyof Omit<Tally, 'tests'> | undefined;
  if (step.status === 'failed') {
    const failed = failedExpectations(step);
    const message = failed.length
      ? failed.map((e) => `${e.name}: expected ${e.expected}, got ${e.actual}`).join('; ')
      : (step.message ?? 'failed');
    const text = failed.length ? failed.map(expectationLine).join('\n') : `${message} (${step.location.file}:${step.location.line}:${step.location.column})`;
    testcase.ele('failure', { message: attribute(message), type: 'expectation' }).txt(xmlText(text));
    counted = 'failures';
  } else if (step.status === 'errored') {
    const message = step.message ?? replySummary(delivery);
    // The transport error's kind (timeout, connection-refused...) says what went wrong; a step
    // that could not even be built has none.
    const type = delivery?.error?.kind ?? (step.deliveries.length === 0 ? 'config' : 'error');
    testcase
      .ele('error', { message: attribute(message), type })
      .txt(xmlText(`${message}\nat ${step.location.file}:${step.location.line}:${step.location.column}`));
    counted = 'errors';
  } else if (step.status === 'skipped') {
    testcase.ele('skipped', step.message ? { message: attribute(step.message) } : {});
    counted = 'skipped';
  }
  if (delivery) {
    const count = step.deliveries.length;
    const repeats = count > 1 ? ` (delivery ${step.deliveries.indexOf(delivery) + 1} of ${count})` : '';
    testcase.ele('system-out').txt(xmlText(`${replySummary(delivery)}${repeats}\n${exchangeText(delivery, scenario.target)}`));
  }
  return counted;
}

/** One `<testsuite>` per scenario; a scenario that could not run gets one errored testcase. */
function addSuite(root: XMLBuilder, scenario: ScenarioResult, timestamp: string | undefined): { suite: XMLBuilder; tally: Tally } {
  const suite = root.ele('testsuite', { name: attribute(scenario.name), file: attribute(scenario.file) });
  const tally: Tally = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const step of scenario.steps) {
    tally.tests += 1;
    const counted = addTestcase(suite, scenario, step);
    if (counted) tally[counted] += 1;
  }
  if (scenario.error) {
    const message = locatedMessage(scenario.error, scenario.file);
    const line = scenario.error.location?.line;
    suite
      .ele('testcase', {
        name: scenario.error.kind === 'config' ? 'loads' : 'runs',
        classname: attribute(scenario.name),
        file: attribute(scenario.error.location?.file ?? scenario.file),
        ...(line !== undefined ? { line: String(line) } : {}),
        time: '0.000',
      })
      .ele('error', { message: attribute(message), type: scenario.error.kind })
      .txt(xmlText(message));
    tally.tests += 1;
    tally.errors += 1;
  }
  // Attributes are added after the cases so the counts are the ones actually written.
  suite.att({
    tests: String(tally.tests),
    failures: String(tally.failures),
    errors: String(tally.errors),
    skipped: String(tally.skipped),
    time: seconds(scenario.durationMs),
    ...(timestamp !== undefined ? { timestamp } : {}),
  });
  return { suite, tally };
}

/**
 * JUnit XML: `<testsuites name="hooksim">`, each scenario a `<testsuite>`, each step a
 * `<testcase>` with `<failure>` (failed expectations: expected vs actual and where they are
 * written), `<error>` (type: the transport error kind, or `config`), or `<skipped/>`, and the
 * request/reply summary in `<system-out>`. A file that could not be loaded is a suite with one
 * errored testcase carrying its `file:line:column: message`.
 */
export function junitReporter(): Reporter {
  // Each suite is written out as text when its scenario ends (the XML tree of 10,000 test cases
  // weighs ten times its text), so neither the runner nor this reporter keeps results; a caller
  // that only renders a finished run (no onScenarioEnd) gets them built from `run.scenarios`.
  let suites: string[] = [];
  let total: Tally = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let startedAt: string | undefined;
  const add = (scenario: ScenarioResult, timestamp: string) => {
    const { text, tally } = suiteText(scenario, timestamp);
    suites.push(text);
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
  };
  return {
    name: 'junit',
    onRunStart(_files, run) {
      startedAt = run?.startedAt;
    },
    onScenarioEnd(scenario) {
      add(scenario, startedAt ?? TIMESTAMP);
    },
    onRunEnd(run: RunResult) {
      if (suites.length === 0) for (const scenario of run.scenarios) add(scenario, run.startedAt);
      const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
        name: 'hooksim',
        tests: String(total.tests),
        failures: String(total.failures),
        errors: String(total.errors),
        skipped: String(total.skipped),
        time: seconds(run.durationMs),
      });
      // The root is written with a placeholder child, replaced by the suites' text.
      if (suites.length > 0) root.ele('suites-here');
      const [before, after = ''] = root.end({ prettyPrint: true }).split(/ *<suites-here\/>\n?/) as [string, string?];
      const xml = before + suites.join('').split(TIMESTAMP).join(run.startedAt) + after;
      suites = [];
      total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
      startedAt = undefined;
      return xml;
    },
  };
}

/** Stands for the run's start time in suites written before it was known. */
const TIMESTAMP = '@@hooksim-run-started-at@@';

/** One suite as text, indented to sit under `<testsuites>`. */
function suiteText(scenario: ScenarioResult, timestamp: string): { text: string; tally: Tally } {
  const doc = create();
  const { tally } = addSuite(doc as unknown as XMLBuilder, scenario, timestamp);
  return { text: `${doc.end({ headless: true, prettyPrint: true, offset: 1 })}\n`, tally };
}
