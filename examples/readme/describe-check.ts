import { describeCheck } from 'hooksim/vitest';
import { createLogtoSignedHook } from '../logto/signed-hook.js';

const signingKey = process.env.LOGTO_SIGNING_KEY ?? 'hooksimDemoSigningKey0123456789ab';
const hook = createLogtoSignedHook({ signingKey }); // your app

// One vitest test per check (signature.*, delivery.*, events.*, fuzz.events, effects.*): `hooksim check` as a suite.
describeCheck('the Logto hook', {
  provider: 'logto',
  target: hook.app,
  signingKey,
  fuzz: 10,
  // Did the hook do its work? Look in your own store: true, or the reason it is not done.
  effects: { 'User.Created': async (event) => hook.processed.some((done) => done.userId === event.data.id) || 'user not stored' },
});
