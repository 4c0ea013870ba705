/**
 * Flows beyond one delivery, generic part: running deliveries with bounded concurrency. Each
 * provider's own flows (Logto's fan-out and test payloads, Dexie Cloud's login) live in its folder,
 * `providers/<name>/flows/`, and the package entry re-exports them.
 */
export { mapWithConcurrency } from './concurrency.js';
