/** Provider flows beyond one delivery: Logto fan-out and test payloads, Dexie Cloud logins. */
export { dispatchLogtoEvents, hookMatches, signUpTriggers, LOGTO_FANOUT_CONCURRENCY, type LogtoHookConfig, type LogtoTrigger, type FanoutDelivery } from './logto-fanout.js';
export { sendLogtoTestPayloads } from './logto-test-hook.js';
export { simulateDexieLogin } from './dexie-login.js';
export { mapWithConcurrency } from './concurrency.js';
