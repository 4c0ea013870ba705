import type { JsonObject, JsonValue } from '../../core/json.js';
import { isJsonObject } from '../../core/json.js';
import type { LogtoLogPayload } from './outcome.js';

/** A stored log row, as `GET /api/hooks/:id/recent-logs` returns it (without tenantId). */
export interface LogtoLogEntry {
  id: string;
  key: string;
  payload: JsonObject;
  /** Epoch ms. */
  createdAt: number;
}

/** Execution stats of a hook over the last 24 h (`includeExecutionStats=true`). */
export interface LogtoExecutionStats {
  requestCount: number;
  successCount: number;
}

const MASK = '******';
const DAY = 86_400_000;
const SAFE_BOOLEAN_KEYS = new Set(['passwordverified', 'haspassword']);
const EXACT_KEYS = new Set(['authorization', 'xfunctionskey', 'token']);
const FRAGMENTS = ['secret', 'password', 'apikey', 'privatekey', 'credential', 'cookie'];

const normalize = (key: string) => key.replaceAll('\u0000', '').replaceAll(/[_-]/g, '').toLowerCase();

function omitted(key: string): boolean {
  const k = normalize(key);
  return k.startsWith('script') || k.endsWith('script') || k.includes('environmentvariables');
}

function sensitive(key: string, value: unknown): boolean {
  const k = normalize(key);
  if (SAFE_BOOLEAN_KEYS.has(k) && typeof value === 'boolean') return false;
  if (k === 'applicationsecret' && isJsonObject(value) && Object.keys(value).length === 1 && typeof value.name === 'string') return false;
  return EXACT_KEYS.has(k) || k.endsWith('token') || FRAGMENTS.some((fragment) => k.includes(fragment));
}

/**
 * The masking Logto applies to a log's stored copy (`sanitizeSensitiveDataRecord`,
 * packages/core/src/utils/sensitive-data.ts): keys naming secrets, passwords, tokens, API keys,
 * credentials or cookies become `******` (the boolean `hasPassword` stays); script and
 * environment-variable keys are dropped; NUL characters are removed. The wire is never masked.
 */
export function maskSensitive(value: JsonValue): JsonValue {
  if (typeof value === 'string') return value.replaceAll('\u0000', '');
  if (Array.isArray(value)) return value.map(maskSensitive);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [rawKey, element] of Object.entries(value)) {
    const key = rawKey.replaceAll('\u0000', '');
    if (omitted(key)) continue;
    out[key] = sensitive(key, element) ? MASK : maskSensitive(element);
  }
  return out;
}

/** The row Logto stores for one delivery, written once after the last attempt. */
export function logEntry(log: LogtoLogPayload, id: string, createdAt: number): LogtoLogEntry {
  return { id, key: log.key, payload: maskSensitive(log as unknown as JsonObject) as JsonObject, createdAt };
}

/** `requestCount` / `successCount` over the 24 h before `now` (counting `result === 'Success'`). */
export function executionStats(entries: readonly LogtoLogEntry[], now: number): LogtoExecutionStats {
  const recent = entries.filter((entry) => entry.createdAt > now - DAY && entry.createdAt <= now);
  return { requestCount: recent.length, successCount: recent.filter((entry) => entry.payload.result === 'Success').length };
}

/** `GET /api/hooks/:id/recent-logs`: newest first, the last 24 h by default, filterable by key. */
export function recentLogs(
  entries: readonly LogtoLogEntry[],
  query: { now: number; logKey?: string; startTime?: number; endTime?: number; page?: number; pageSize?: number },
): LogtoLogEntry[] {
  const start = query.startTime ?? query.now - DAY;
  const end = query.endTime ?? query.now;
  const size = query.pageSize ?? 20;
  const page = query.page ?? 1;
  return entries
    .filter((entry) => entry.createdAt >= start && entry.createdAt <= end && (query.logKey === undefined || entry.key === query.logKey))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice((page - 1) * size, page * size);
}
