import { create } from 'xmlbuilder2';
import { describe, expect, test } from 'vitest';
import { junitReporter, xmlText } from '../../src/reporters/junit.js';
import { erroring, failing, fullRun, passing, runOf, unloadable } from './fixtures.js';
import { childOf, childrenOf, parseXml, type XmlElement } from './xml.js';

const xml = junitReporter().onRunEnd(fullRun);
const root = parseXml(xml);
const suites = childrenOf(root, 'testsuite');
const suite = (name: string) => suites.find((s) => s.attributes.name === name)!;
const cases = (s: XmlElement) => childrenOf(s, 'testcase');

describe('the test XML reader', () => {
  test('rejects documents that are not well-formed', () => {
    expect(() => parseXml('<a>Tom & Jerry</a>')).toThrow(/entity/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/not allowed/);
    expect(() => parseXml('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => parseXml('<a>x ]]> y</a>')).toThrow(/markup/);
    expect(parseXml('<a m="1 &lt; 2">x &amp; y</a>')).toEqual({ name: 'a', attributes: { m: '1 < 2' }, children: [], text: 'x & y' });
  });
});

describe('junitReporter', () => {
  test('writes a well-formed document that xmlbuilder2 also reads back', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = create(xml).end({ format: 'object' }) as Record<string, any>;
    expect(doc.testsuites['@name']).toBe('hooksim');
    expect([doc.testsuites.testsuite].flat()).toHaveLength(4);
  });

  test('<testsuites> totals are the sums of the testcases written', () => {
    const all = suites.flatMap(cases);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({
      name: 'hooksim',
      tests: String(all.length),
      failures: String(all.filter((c) => childrenOf(c, 'failure').length).length),
      errors: String(all.filter((c) => childrenOf(c, 'error').length).length),
      skipped: String(all.filter((c) => childrenOf(c, 'skipped').length).length),
      time: '3.200',
    });
    // 1 + 3 + 2 steps, plus the file that could not be loaded.
    expect(root.attributes).toMatchObject({ tests: '7', failures: '1', errors: '2', skipped: '1' });
  });

  test('a suite per scenario with its counts, file, time and timestamp', () => {
    expect(suites.map((s) => s.attributes.name)).toEqual([passing.name, failing.name, erroring.name, unloadable.name]);
    expect(suite(failing.name).attributes).toEqual({
      name: 'fails: sign-up, then %retry',
      file: 'scenarios/b.yaml',
      tests: '3',
      failures: '1',
      errors: '0',
      skipped: '0',
      time: '0.120',
      timestamp: '2026-01-01T00:00:00.000Z',
    });
    expect(suite(erroring.name).attributes).toMatchObject({ tests: '2', failures: '0', errors: '1', skipped: '1', time: '3.001' });
    expect(suite(passing.name).attributes).toMatchObject({ tests: '1', failures: '0', errors: '0', skipped: '0' });
  });

  test('a testcase per step with name, classname, file, line and time', () => {
    expect(cases(suite(failing.name)).map((c) => c.attributes)).toEqual([
      { name: 'first login', classname: failing.name, file: 'scenarios/b.yaml', line: '6', time: '0.015' },
      { name: 'broken on purpose', classname: failing.name, file: 'scenarios/b.yaml', line: '10', time: '0.015' },
      { name: 'duplicate delivery', classname: failing.name, file: 'scenarios/b.yaml', line: '14', time: '0.015' },
    ]);
    const passed = cases(suite(failing.name))[1]!;
    expect(passed.children.map((c) => c.name)).toEqual(['system-out']);
  });

  test('a failure carries expected vs actual in its message and the locations in its text', () => {
    const failure = childOf(cases(suite(failing.name))[0]!, 'failure');
    expect(failure.attributes.type).toBe('expectation');
    expect(failure.attributes.message).toContain('status: expected status 200, got status 201');
    // A newline in an expectation's text is flattened in the attribute, kept in the body.
    expect(failure.attributes.message).toContain('contract: expected the contract kept, got broken: status: expected status 200, got 201 and more 100%');
    expect(failure.text).toContain('status: expected status 200, got status 201 (scenarios/b.yaml:8:7)');
    expect(failure.text).toContain('got broken: status: expected status 200, got 201\nand more 100% (scenarios/b.yaml:6:5)');
  });

  test('an errored step is an <error> typed by the transport error, a skipped one <skipped/>', () => {
    const [timedOut, skipped] = cases(suite(erroring.name));
    const error = childOf(timedOut!, 'error');
    expect(error.attributes).toEqual({ message: 'no reply within 3000 ms (timeout)', type: 'timeout' });
    expect(error.text).toContain('scenarios/slow.yaml:4:5');
    expect(childrenOf(timedOut!, 'failure')).toHaveLength(0);
    expect(childOf(timedOut!, 'system-out').text).toContain('← no reply (timeout): no reply within 3000 ms');
    expect(childOf(skipped!, 'skipped').attributes.message).toBe('not run: an earlier step errored');
    expect(childrenOf(skipped!, 'system-out')).toHaveLength(0);
  });

  test('a file that could not be loaded is a suite with one errored testcase carrying file:line:column', () => {
    const broken = suite(unloadable.name);
    expect(broken.attributes).toMatchObject({ file: 'scenarios/broken.yaml', tests: '1', errors: '1', failures: '0', skipped: '0' });
    const [only] = cases(broken);
    expect(cases(broken)).toHaveLength(1);
    expect(only!.attributes).toMatchObject({ name: 'loads', classname: 'broken.yaml', file: 'scenarios/broken.yaml', line: '7' });
    const error = childOf(only!, 'error');
    expect(error.attributes.type).toBe('config');
    expect(error.attributes.message).toBe('scenarios/broken.yaml:7:9: unknown key "statuz" (did you mean "status"?)');
  });

  test('a scenario error without a location still names the file', () => {
    const run = runOf([{ ...unloadable, error: { kind: 'config', message: 'not a mapping' } }]);
    const error = childOf(childOf(childOf(parseXml(junitReporter().onRunEnd(run)), 'testsuite'), 'testcase'), 'error');
    expect(error.attributes.message).toBe('scenarios/broken.yaml: not a mapping');
  });

  test('the request and reply go to <system-out>: markup escaped, XML-illegal characters stripped', () => {
    const out = childOf(cases(suite(failing.name))[0]!, 'system-out').text;
    expect(out).toContain('status 201 in 33 ms');
    expect(out).toContain('→ POST http://127.0.0.1:3001/logto');
    expect(out).toContain('logto-signature-sha-256: abc123');
    expect(out).toContain('"event": "User.Created"');
    expect(out).toContain('← 201 text/html');
    // The reply as the hook sent it, minus what XML 1.0 cannot hold (control characters are
    // shown as \xNN for terminals before they reach the XML).
    expect(out).toContain('<html>Tom & Jerry ]]> \\x01bell\\x1B[2J</html>');
    expect(xml).toContain('&lt;html&gt;Tom &amp; Jerry ]]&gt;');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  test('credential headers are masked even if a result carried one', () => {
    expect(xml).not.toContain('should-never-print');
    expect(xml).toContain('authorization: [redacted]');
  });

  test('a repeated delivery says how many were sent', () => {
    const out = childOf(cases(suite(failing.name))[2]!, 'system-out').text;
    expect(out).toContain('status 200 in 6 ms (delivery 2 of 2)');
  });

  test('xmlText strips control characters and unpaired surrogates, keeps tab, newline and pairs', () => {
    expect(xmlText('a\u0000b\u0007c\u001Fd\te\nf\uFFFEg\uD800h😀')).toBe('abcd\te\nfgh😀');
  });

  test('names with control characters still give a document that parses', () => {
    const run = runOf([{ ...passing, name: 'bell\u0007 & <co>', steps: passing.steps.map((s) => ({ ...s, name: 'line\nbreak\u0001' })) }]);
    const parsed = parseXml(junitReporter().onRunEnd(run));
    const s = childOf(parsed, 'testsuite');
    expect(s.attributes.name).toBe('bell & <co>');
    expect(childOf(s, 'testcase').attributes.name).toBe('line break');
  });

  test('an empty run is a valid empty <testsuites>', () => {
    const parsed = parseXml(junitReporter().onRunEnd(runOf([], 1)));
    expect(parsed.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0', skipped: '0', time: '0.001' });
    expect(parsed.children).toHaveLength(0);
  });
});

test('written as scenarios end (the runner keeps nothing), the document is the one rendered from the finished run', () => {
  const streamed = junitReporter();
  streamed.onRunStart?.(fullRun.scenarios.map((s) => s.file), { startedAt: fullRun.startedAt });
  for (const scenario of fullRun.scenarios) streamed.onScenarioEnd?.(scenario);
  expect(streamed.onRunEnd({ ...fullRun, scenarios: [] })).toBe(xml);
  // Without onRunStart the suites' timestamps are filled in at the end.
  const late = junitReporter();
  for (const scenario of fullRun.scenarios) late.onScenarioEnd?.(scenario);
  expect(late.onRunEnd(fullRun)).toBe(xml);
});
