/**
 * New-user hooks with mistakes people really make, one per file under `broken/`. Each breaks
 * Dexie Cloud's contract in one way and hooksim names the violation (see
 * test/examples/dexie-cloud-broken.test.ts and scenarios/dexie-cloud/broken).
 */
export { createStatus201Hook } from './broken/status-201.js';
export { createActionProductionHook } from './broken/action-production.js';
export { createTextPlainHook, createTextPlainHook as createTextReplyHook } from './broken/text-plain.js';
export { createOkFalseHook } from './broken/ok-false.js';
export { createCrashNoEmailHook } from './broken/crash-no-email.js';
