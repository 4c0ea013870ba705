import { expect, test } from 'vitest';
import { dispatchLogtoEvents, executionStats, recentLogs, sendLogtoTestPayloads, signUpTriggers } from 'hooksim';
import { createLogtoSignedHook } from '../logto/signed-hook.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const app = createLogtoSignedHook({ signingKey }).app; // your app

test('one sign-up, as Logto fans it out to every subscribed hook', async () => {
  // PostRegister and User.Created (experience) for the same user, to every enabled hook subscribed
  // to them (the legacy single `event` counts when `events` is empty), at most 10 deliveries in
  // flight, in no guaranteed order.
  const { deliveries, skipped } = await dispatchLogtoEvents({
    hooks: [
      { id: 'jhcgbb09lfhk448jds1jr', events: ['PostRegister', 'User.Created'], target: app, signingKey },
      { id: 'legacyhook0000000000a', event: 'PostRegister', target: app, signingKey },
      { id: 'disabledhook00000000b', events: ['PostRegister'], enabled: false, target: app },
    ],
    triggers: signUpTriggers,
  });
  expect(deliveries).toHaveLength(3);
  expect(skipped).toContainEqual({ hookId: 'disabledhook00000000b', event: 'PostRegister' });

  const logs = deliveries.map((delivery) => delivery.log); // rows as Logto stores them, sensitive keys masked
  expect(executionStats(logs, Date.now())).toEqual({ requestCount: 3, successCount: 3 }); // over 24 h
  expect(recentLogs(logs, { now: Date.now(), logKey: 'TriggerHook.PostRegister' })).toHaveLength(2);
});

test('the Console "Send test payload" button: 204 when every payload got a 2xx', async () => {
  // Logto's fixed fakes (hookId second, no interactionEvent), one per event, concurrently, no log rows.
  const { response } = await sendLogtoTestPayloads({ target: app, events: ['PostRegister', 'User.Created'], hookId: 'hooksimtesthook000000', signingKey });
  expect(response.status).toBe(204);
});
