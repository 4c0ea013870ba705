import { isJsonObject, type JsonObject } from '../../../core/json.js';
import type { ApiResponse } from '../../../mock-apis/types.js';
import { logtoError } from './errors.js';

/**
 * Request-body checks that fail the way Logto's `koaGuard` does (packages/core/src/middleware/koa-guard.ts):
 * 400 `guard.invalid_input`, the ZodError as `data` and one `details` line per issue in
 * `formatZodError`'s wording. Logto's body guards are non-strict zod objects: unknown keys are
 * dropped silently, never refused.
 */
export interface Issue {
  code: string;
  path: (string | number)[];
  message: string;
  [key: string]: unknown;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** zod 3's `invalid_type` issue ("Required" when the key is missing). */
export function typeIssue(path: (string | number)[], expected: string, value: unknown): Issue {
  const received = kindOf(value);
  return { code: 'invalid_type', expected, received, path, message: received === 'undefined' ? 'Required' : `Expected ${expected}, received ${received}` };
}

/** zod 3's `too_small` issue for a `.nonempty()`/`.min(1)` array. */
export function emptyArrayIssue(path: (string | number)[]): Issue {
  return { code: 'too_small', minimum: 1, inclusive: true, exact: false, type: 'array', path, message: 'Array must contain at least 1 element(s)' };
}

/** The 400 Logto answers for a body its guard refuses. */
export function invalidBody(issues: Issue[]): ApiResponse {
  const details = issues
    .map((issue) => {
      const base = `Error in key path "${issue.path.map(String).join('.')}": (${issue.code}) `;
      return issue.code === 'invalid_type' ? `${base}Expected ${String(issue.expected)} but received ${String(issue.received)}.` : base + issue.message;
    })
    .join('\n');
  return logtoError(400, 'guard.invalid_input', 'The request body is invalid.', { data: { issues, name: 'ZodError' }, details });
}

/** The body as an object (koa-body gives `{}` for an empty body). */
export const bodyObject = (body: unknown): JsonObject => (isJsonObject(body) ? body : {});

/** Checks `body[key]` is an array of non-empty strings (`string().min(1).array()`, optionally `.nonempty()`). */
export function stringArrayAt(body: JsonObject, key: string, options: { nonempty?: boolean; optional?: boolean } = {}): string[] | Issue {
  const value = body[key];
  if (value === undefined && options.optional) return [];
  if (!Array.isArray(value)) return typeIssue([key], 'array', value);
  for (const [index, item] of value.entries()) {
    if (typeof item !== 'string') return typeIssue([key, index], 'string', item);
    if (item.length === 0) return { code: 'too_small', minimum: 1, inclusive: true, exact: false, type: 'string', path: [key, index], message: 'String must contain at least 1 character(s)' };
  }
  if (options.nonempty && value.length === 0) return emptyArrayIssue([key]);
  return value as string[];
}

/** True for a guard issue (as opposed to the value it checked). */
export const isIssue = (value: unknown): value is Issue => isJsonObject(value as never) && typeof (value as Issue).code === 'string' && Array.isArray((value as Issue).path);
