/**
 * Logto receivers with mistakes people really make, one per file under `broken/` (see
 * test/examples/logto-broken.test.ts and the scenarios under scenarios/logto).
 */
export { createReserializedSignatureHook } from './broken/reserialized-signature.js';
export { createSlowHook, type SlowHookOptions, type SlowHookSettlement } from './broken/slow-hook.js';
export { createError500Hook, type Error500Hook } from './broken/error-500.js';
export { createFailOpenSignatureHook } from './broken/fail-open-signature.js';
export { createHexDecodingCompareHook } from './broken/hex-decoding-compare.js';
export { createTimingSafeThrowsHook } from './broken/timing-safe-throws.js';
export { createStringifyBodyHmacHook } from './broken/stringify-body-hmac.js';
export { createEmailRequiredHook } from './broken/email-required.js';
export { createUnhandled400Hook } from './broken/unhandled-400.js';
export { createNoOpUserStoreHook } from './broken/no-op-user-store.js';
