import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createReporters, reporterNames } from '../../src/reporters/index.js';
import { capture } from './fixtures.js';

describe('createReporters', () => {
  test('maps every name to its reporter, once each, in order', () => {
    expect(reporterNames).toEqual(['pretty', 'json', 'junit', 'github']);
    const reporters = createReporters(['junit', 'pretty', 'json', 'github', 'junit'], capture().output);
    expect(reporters.map((r) => r.name)).toEqual(['junit', 'pretty', 'json', 'github']);
  });

  test('an unknown name is a UsageError suggesting the nearest and listing them all', () => {
    const attempt = () => createReporters(['pretty', 'junti'], capture().output);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('unknown reporter "junti" (did you mean "junit"?); reporters: pretty, json, junit, github');
    expect(() => createReporters(['xml-ish-thing'], capture().output)).toThrow(/^unknown reporter "xml-ish-thing"; reporters: /);
  });
});
