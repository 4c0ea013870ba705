import { expect, test } from 'vitest';
import { evaluateThresholds, formatLoadReport, loadTest, parseThresholds } from 'hooksim';
import { createLogtoSignedHook } from '../logto/signed-hook.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const app = createLogtoSignedHook({ signingKey }).app; // your app, in-process; or a URL

test('200 sign-ups: every event kept, p99 within budget', async () => {
  const report = await loadTest({
    provider: 'logto',
    events: ['PostRegister', 'User.Created:experience'], // one sign-up per round: a new user each time
    target: app,
    signingKey,
    connections: 10,
    count: 200, // or durationMs; rate: 200 for an open loop
  });
  const results = evaluateThresholds(parseThresholds('errors>0,p99>5s'), report);

  expect(report.tally).toMatchObject({ sent: 200, kept: 200, broken: 0, errored: 0 });
  expect(results.every((result) => !result.failed)).toBe(true);
  expect(formatLoadReport(report, results)).toContain('verdicts    kept 200, broken 0, transport errors 0');
});
