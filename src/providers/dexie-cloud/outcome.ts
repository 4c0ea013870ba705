import type { z } from 'zod';
import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { DeliveryRecord, Judgement, Reply, Violation, WireRequest } from '../../core/types.js';
import { dexieNewUserReply, type DexieNewUserReply } from './contract.js';
import type { DexieOptions } from './options.js';

/** The user Dexie Cloud creates when the login is accepted (REST `/users` model, the fields a hook decides). */
export interface DexieCreatedUser {
  userId: string;
  type: 'eval' | 'prod';
  evalDaysLeft?: number;
  maxAllowedEvalDaysLeft: number;
  /** `userData` from the reply, `{}` when none. */
  data: JsonObject;
  /** `userData.displayName`: becomes the user's name (`claims.name`). */
  name?: string;
  /** The authenticated email, else `userData.email` (`claims.email`). */
  email?: string;
}

/** The `/token` final response the client receives (TokenFinalResponse, dexie-cloud.md §3.3). */
export interface DexieTokenResponse {
  type: 'tokens';
  claims: { sub: string; email?: string; name?: string; license: 'ok' };
  /** Placeholders: hooksim issues no real JWTs. */
  accessToken: string;
  accessTokenExpiration: number;
  refreshToken: string;
  refreshTokenExpiration: number | null;
  userType: 'eval' | 'prod';
  evalDaysLeft?: number;
  data: JsonObject;
}

/** `db.cloud.currentUser.value.license` as the client derives it from the token (authenticate.ts). */
export interface DexieLicense {
  type: 'eval' | 'prod';
  status: 'ok';
  evalDaysLeft?: number;
}

/** What Dexie Cloud does with the hook's reply. */
export type DexieOutcome =
  | { login: 'accepted'; action: 'eval' | 'prod'; user: DexieCreatedUser; token?: DexieTokenResponse; license?: DexieLicense; reason: string }
  | {
      login: 'refused';
      /** `/token` answers 403 with this PolicyError body. */
      status: 403;
      error: { code: 'USER_NOT_REGISTERED' | 'USER_NOT_ACCEPTED' | 'NO_SEATS_AVAILABLE' | 'USER_DEACTIVATED' | 'WEBHOOK_ERROR'; message: string };
      reason: string;
    };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Contract checks on a reply that arrived: status 200, JSON type, a body of the documented shape. */
function checkReply(reply: Reply): { violations: Violation[]; parsed?: DexieNewUserReply } {
  const violations: Violation[] = [];
  if (reply.status !== 200) {
    violations.push({ path: 'status', message: `expected status 200, got ${reply.status}` });
  }
  const type = reply.headers['content-type'];
  if (!type || !JSON_TYPE.test(type)) {
    violations.push({
      path: 'headers.content-type',
      message: `expected application/json, got ${type ? `"${type}"` : 'no content-type'}`,
    });
  }
  if (reply.truncated) {
    // Only a prefix was kept (hooksim's memory bound): it cannot be parsed, and Dexie Cloud would
    // parse the whole body. A reply this big is judged a hook failure, said plainly.
    violations.push({
      path: 'body',
      message: `the reply body has ${reply.bytes} bytes, more than hooksim keeps (maxReplyBytes, ${Buffer.byteLength(reply.body)} kept), so it cannot be judged; a new-user reply is a small JSON object (raise maxReplyBytes to judge a larger one)`,
    });
    return { violations };
  }
  let body: unknown;
  try {
    body = JSON.parse(reply.body);
  } catch {
    const preview = reply.body.length > 60 ? `${reply.body.slice(0, 60)}…` : reply.body;
    violations.push({ path: 'body', message: `expected a JSON body, got ${preview === '' ? 'an empty body' : JSON.stringify(preview)}` });
    return { violations };
  }
  const result = dexieNewUserReply.safeParse(body);
  if (!result.success) {
    violations.push(...result.error.issues.map((issue) => zodViolation(issue, body)));
    return { violations };
  }
  if (!result.data.ok) {
    violations.push({
      path: 'body.ok',
      message: 'ok is false: Dexie Cloud treats this as a failed hook (inferred), not as a decision; answer action "reject" to refuse a user',
    });
  }
  return { violations, parsed: result.data };
}

function zodViolation(issue: z.core.$ZodIssue, body: unknown): Violation {
  const path = ['body', ...issue.path.map(String)].join('.');
  let actual: unknown = body;
  for (const key of issue.path) actual = isJsonObject(actual) || Array.isArray(actual) ? (actual as never)[key] : undefined;
  const got = actual === undefined ? 'nothing' : JSON.stringify(actual);
  switch (issue.code) {
    case 'invalid_value':
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}` };
    case 'invalid_type':
      return { path, message: `expected ${issue.expected}, got ${got}` };
    default:
      return { path, message: issue.message };
  }
}

function refused(code: 'USER_NOT_ACCEPTED' | 'WEBHOOK_ERROR', message: string, reason: string): DexieOutcome {
  return { login: 'refused', status: 403, error: { code, message }, reason };
}

function accepted(
  action: 'eval' | 'prod',
  request: JsonObject,
  userData: JsonObject | undefined,
  options: DexieOptions & { now: number },
  reason: string,
): DexieOutcome {
  const data = userData ?? {};
  const user: DexieCreatedUser = {
    userId: String(request.userId),
    type: action,
    ...(action === 'eval' ? { evalDaysLeft: options.evalDays } : {}),
    maxAllowedEvalDaysLeft: options.evalDays,
    data,
  };
  if (typeof data.displayName === 'string') user.name = data.displayName;
  const email = typeof request.email === 'string' && request.email !== '' ? request.email : data.email;
  if (typeof email === 'string') user.email = email;
  return { login: 'accepted', action, user, token: tokenResponse(user, options.now), license: licenseOf(user), reason };
}

/** The token the client gets for an accepted first login (one hour, as the docs say). */
export function tokenResponse(user: DexieCreatedUser, now: number): DexieTokenResponse {
  return {
    type: 'tokens',
    claims: { sub: user.userId, ...(user.email ? { email: user.email } : {}), ...(user.name ? { name: user.name } : {}), license: 'ok' },
    accessToken: 'hooksim-access-token-not-a-jwt',
    accessTokenExpiration: now + 3_600_000,
    refreshToken: 'hooksim-refresh-token',
    refreshTokenExpiration: null,
    userType: user.type,
    ...(user.evalDaysLeft !== undefined ? { evalDaysLeft: user.evalDaysLeft } : {}),
    data: user.data,
  };
}

/** `license = { type: userType, status: claims.license || 'ok', evalDaysLeft }` (authenticate.ts). */
export function licenseOf(user: DexieCreatedUser): DexieLicense {
  return { type: user.type, status: 'ok', ...(user.evalDaysLeft !== undefined ? { evalDaysLeft: user.evalDaysLeft } : {}) };
}

/**
 * Reads the hook's reply as Dexie Cloud does: only a 200 JSON `{ok: true, action, userData?}`
 * is a decision. Anything else is a hook failure, handled by `options.failurePolicy`.
 */
export function judgeDexie(request: WireRequest, record: DeliveryRecord, options: DexieOptions & { now: number }): Judgement<DexieOutcome> {
  const sent = JSON.parse(request.body) as JsonObject;
  const last = record.attempts.at(-1);
  const violations: Violation[] = [];
  let parsed: DexieNewUserReply | undefined;
  if (last?.reply) {
    const checked = checkReply(last.reply);
    violations.push(...checked.violations);
    parsed = checked.parsed;
  } else if (last?.error) {
    violations.push({ path: 'delivery', message: last.error.message });
  }
  const verdict = { pass: violations.length === 0, violations };

  if (verdict.pass && parsed) {
    if (parsed.action === 'reject') {
      return { verdict, outcome: refused('USER_NOT_ACCEPTED', 'You are not allowed to use this app.', 'the hook answered action "reject"') };
    }
    return { verdict, outcome: accepted(parsed.action, sent, parsed.userData as JsonObject | undefined, options, `the hook answered action "${parsed.action}"`) };
  }
  const why = `the hook failed: ${violations[0]?.path}: ${violations[0]?.message}`;
  switch (options.failurePolicy) {
    case 'eval':
      return { verdict, outcome: accepted('eval', sent, undefined, options, `${why} (failure policy "eval")`) };
    case 'reject':
      return { verdict, outcome: refused('USER_NOT_ACCEPTED', 'You are not allowed to use this app.', `${why} (failure policy "reject")`) };
    default:
      return { verdict, outcome: refused('WEBHOOK_ERROR', 'The new-user web hook failed. Please try again later.', why) };
  }
}
