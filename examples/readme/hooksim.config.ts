import { defineConfig } from 'hooksim';
import { createDexieDomainHook, demoDomainConfig } from '../dexie-cloud/domain-hook.js';
import { createLogtoSignedHook } from '../logto/signed-hook.js';

// Your app's hooks, imported here, are delivered to in-process (no server, no port).
const logtoHook = createLogtoSignedHook({ signingKey: process.env.LOGTO_SIGNING_KEY ?? 'hooksimDemoSigningKey0123456789ab' });

export default defineConfig({
  targets: {
    'logto-hook': { app: logtoHook.app, path: '/webhooks/logto' }, // an Express app, in-process
    'dexie-hook': createDexieDomainHook(demoDomainConfig), // an app or (req, res) handler: POST /
    'dexie-staging': 'https://staging.example.test/webhooks/dexie', // a URL
  },
  defaultTarget: 'logto-hook', // for scenarios that name none
  scenarios: ['examples/readme/scenarios'], // what `hooksim run` runs when given no paths
  providerOptions: {
    logto: { signingKey: process.env.LOGTO_SIGNING_KEY ?? 'hooksimDemoSigningKey0123456789ab' }, // under each scenario's own options
  },
});
