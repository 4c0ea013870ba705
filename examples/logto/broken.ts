/**
 * Logto receivers with mistakes people really make, one per file under `broken/` (see
 * test/examples/logto-broken.test.ts and the scenarios under scenarios/logto).
 */
export { createReserializedSignatureHook } from './broken/reserialized-signature.js';
export { createSlowHook, type SlowHookOptions, type SlowHookSettlement } from './broken/slow-hook.js';
export { createError500Hook, type Error500Hook } from './broken/error-500.js';
