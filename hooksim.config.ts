/**
 * The demo's configuration: `npm run demo` runs the bundled scenarios against the bundled
 * example hooks, in-process. Your own config maps target names to URLs or to your app.
 */
import { defineConfig } from './src/config/define.js';
import { createActionProductionHook, createCrashNoEmailHook, createOkFalseHook, createStatus201Hook, createTextReplyHook } from './examples/dexie-cloud/broken.js';
import { createDexieDomainHook, demoDomainConfig } from './examples/dexie-cloud/domain-hook.js';
import {
  createEmailRequiredHook,
  createError500Hook,
  createFailOpenSignatureHook,
  createHexDecodingCompareHook,
  createNoOpUserStoreHook,
  createReserializedSignatureHook,
  createSlowHook,
  createStringifyBodyHmacHook,
  createTimingSafeThrowsHook,
  createUnhandled400Hook,
} from './examples/logto/broken.js';
import { createLogtoSignedHook } from './examples/logto/signed-hook.js';
import { createBackOfficeHook } from './examples/callbacks/dexie-back-office.js';
import { createDefaultRoleHook } from './examples/callbacks/logto-default-role.js';
import { createEnrollmentHook } from './examples/enrollment/hook.js';
import { createDoubleProvisioningHook } from './examples/enrollment/broken/double-provisioning.js';
import { createUnverifiedHook } from './examples/enrollment/broken/signature-not-verified.js';
import { createUserSyncHook } from './examples/standard-webhooks/user-sync.js';
import { createCrashOnDeleteHook } from './examples/standard-webhooks/broken/crash-on-delete.js';
import { createConflictOnRetryHook } from './examples/standard-webhooks/broken/conflict-on-retry.js';

/** The key the demo hooks verify with; scenarios read LOGTO_SIGNING_KEY and fall back to it. */
const signingKey = process.env.LOGTO_SIGNING_KEY ?? 'hooksimDemoSigningKey0123456789ab';
/** The Standard Webhooks key the enrollment demo hooks verify with (scenarios read ENROLLMENT_SIGNING_KEY). */
const enrollmentKey = process.env.ENROLLMENT_SIGNING_KEY ?? 'whsec_aG9va3NpbURlbW9FbnJvbGxtZW50S2V5MDE=';
/** The key the Standard Webhooks demo hooks verify with (scenarios read STANDARD_WEBHOOKS_SIGNING_KEY). */
const standardWebhooksKey = process.env.STANDARD_WEBHOOKS_SIGNING_KEY ?? 'whsec_aG9va3NpbURlbW9TdGFuZGFyZFdlYmhvb2tzMDE=';

export default defineConfig({
  scenarios: ['scenarios'],
  // Events sent from `hooksim ui` / `hooksim serve` are signed with the key the demo hooks verify.
  providerOptions: { logto: { signingKey }, enrollment: { signingKey: enrollmentKey }, 'standard-webhooks': { signingKey: standardWebhooksKey } },
  targets: {
    'dexie-domain': createDexieDomainHook(demoDomainConfig),
    'dexie-status-201': createStatus201Hook(),
    'dexie-action-production': createActionProductionHook(),
    'dexie-text-plain': createTextReplyHook(),
    'dexie-ok-false': createOkFalseHook(),
    'logto-signed': createLogtoSignedHook({ signingKey }).app,
    'logto-reserialized': createReserializedSignatureHook({ signingKey }),
    'logto-slow': createSlowHook({ delayMs: 300 }),
    'logto-error-500': createError500Hook().app,
    // Broken on purpose, each with a mistake `hooksim check` finds (see examples/README.md).
    'logto-fail-open': createFailOpenSignatureHook({ signingKey }).app,
    'logto-hex-compare': createHexDecodingCompareHook({ signingKey }).app,
    'logto-timing-safe-throws': createTimingSafeThrowsHook({ signingKey }).app,
    'logto-stringify-hmac': createStringifyBodyHmacHook({ signingKey }).app,
    'logto-email-required': createEmailRequiredHook({ signingKey }).app,
    'logto-unhandled-400': createUnhandled400Hook({ signingKey }).app,
    'logto-no-op-user-store': { app: createNoOpUserStoreHook({ signingKey }).app, path: '/hook' },
    'dexie-crash-no-email': createCrashNoEmailHook({ prodDomain: 'acme.test' }),
    // Hooks that call the provider's API back; scenarios with `mockApi: { serve: msw }` answer them.
    'logto-default-role': createDefaultRoleHook({
      signingKey,
      logtoEndpoint: 'https://default.logto.app',
      resource: 'https://default.logto.app/api',
      clientId: 'hooksim-m2m',
      clientSecret: 'hooksim-m2m-secret',
      roleName: 'member',
    }).app,
    // The device enrollment webhook (a declarative provider): one hook done right, two broken.
    enrollment: createEnrollmentHook({ signingKey: enrollmentKey }).nodeHandler,
    'enrollment-double-provisioning': createDoubleProvisioningHook({ signingKey: enrollmentKey }).nodeHandler,
    'enrollment-unverified': createUnverifiedHook().nodeHandler,
    // Clerk-style user sync over Standard Webhooks: one done right, two broken.
    'standard-webhooks': createUserSyncHook({ signingKey: standardWebhooksKey }).nodeHandler,
    'standard-webhooks-crash-on-delete': createCrashOnDeleteHook({ signingKey: standardWebhooksKey }).nodeHandler,
    'standard-webhooks-conflict-on-retry': createConflictOnRetryHook({ signingKey: standardWebhooksKey }).nodeHandler,
    'dexie-back-office': createBackOfficeHook({
      databaseUrl: 'https://hooksim.dexie.cloud',
      clientId: 'hooksim-client',
      clientSecret: 'hooksim-secret',
      paidCustomers: ['grace.hopper@acme.test'],
    }).app,
  },
});
