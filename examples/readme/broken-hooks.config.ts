/**
 * Targets for the deliberately broken example hooks, so `hooksim check --config` can name them:
 * `hooksim check logto --config examples/readme/broken-hooks.config.ts --to logto-stringify-hmac`.
 */
import { defineConfig } from 'hooksim';
import { createCrashNoEmailHook } from '../dexie-cloud/broken/crash-no-email.js';
import { createEmailRequiredHook } from '../logto/broken/email-required.js';
import { createNoOpUserStoreHook } from '../logto/broken/no-op-user-store.js';
import { createStringifyBodyHmacHook } from '../logto/broken/stringify-body-hmac.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';

export default defineConfig({
  targets: {
    'logto-stringify-hmac': createStringifyBodyHmacHook({ signingKey }).app,
    'logto-email-required': createEmailRequiredHook({ signingKey }).app,
    'logto-no-op-user-store': { app: createNoOpUserStoreHook({ signingKey }).app, path: '/hook' },
    'dexie-crash-no-email': createCrashNoEmailHook({ prodDomain: 'acme.test' }),
  },
});
