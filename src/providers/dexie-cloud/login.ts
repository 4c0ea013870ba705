import type { JsonObject } from '../../core/json.js';
import type { DexieOptions } from './options.js';
import { licenseOf, tokenResponse, type DexieCreatedUser, type DexieOutcome } from './outcome.js';

/** The database as far as a login cares: who is known, who is a demo user, the seats. */
export interface DexieLoginState {
  /** Users that exist (created earlier, by a hook, by POST /users or in Manager), by userId. */
  users: Map<string, DexieCreatedUser>;
  /** Production seats of the subscription (the free edition has 3). */
  seats: { total: number; used: number };
}

/** Someone completing authentication (OTP step 2, OAuth code exchange, custom-auth claims). */
export interface DexieLoginAttempt {
  userId: string;
  email?: string;
  /**
   * The client's `LoginHints.intent` (dexie-cloud-addon, commit 8faab538), sent with the OTP
   * step-1 and `authorization_code` requests. `login`: the server never auto-registers and answers
   * `USER_NOT_REGISTERED`. `register`: the server maps `USER_NOT_REGISTERED` to `USER_NOT_ACCEPTED`.
   * Absent: whatever code the user policy dictates. (Source: the JSDoc of `LoginHints.intent` in
   * Dexie.js `DexieCloudAPI.ts`; the server itself is closed source.)
   */
  intent?: 'login' | 'register';
}

/** What the server decides before any hook is called. */
export type DexieLoginDecision =
  | { kind: 'existing'; user: DexieCreatedUser }
  | { kind: 'refused'; code: 'USER_NOT_REGISTERED' | 'USER_NOT_ACCEPTED'; message: string; reason: string }
  | { kind: 'create'; type: 'eval' | 'prod'; reason: string }
  | { kind: 'call-hook' };

/** Creates a fresh login state (3 production seats, as the free edition has). */
export function createLoginState(seats = 3): DexieLoginState {
  return { users: new Map(), seats: { total: seats, used: 0 } };
}

/** Where an inferred login rule comes from, quoted in the refusal's `reason`. */
export const DEXIE_RULE_SOURCES = {
  intent: 'inferred from the JSDoc of LoginHints.intent in Dexie.js DexieCloudAPI.ts',
  notRegistered: 'inferred from dexie/Dexie.js#1869 ("User xxx is not registered" under "Reject all unknown users")',
} as const;

type Refusal = Extract<DexieLoginDecision, { kind: 'refused' }>;

/**
 * The server's intent mapping (inferred, {@link DEXIE_RULE_SOURCES}): with `intent: 'register'`,
 * `USER_NOT_REGISTERED` becomes `USER_NOT_ACCEPTED`; any other intent leaves the code as is.
 */
export function applyIntent(refusal: Refusal, intent: DexieLoginAttempt['intent'], email: string): Refusal {
  if (intent !== 'register' || refusal.code !== 'USER_NOT_REGISTERED') return refusal;
  return {
    kind: 'refused',
    code: 'USER_NOT_ACCEPTED',
    message: `User ${email} is not allowed to register.`,
    reason: `${refusal.reason}; intent "register" turns USER_NOT_REGISTERED into USER_NOT_ACCEPTED (${DEXIE_RULE_SOURCES.intent})`,
  };
}

/**
 * Decides a login without the hook (dexie-cloud.md §1, §2, §6.1): existing users never reach
 * it; `@demo.local` users are demo accounts (imported ahead, never "new"); `intent: 'login'`
 * for an unknown user is `USER_NOT_REGISTERED` without a call (inferred); `reject-unknown`
 * refuses unknown users as not registered (inferred); the policy decides the rest. An
 * `intent: 'register'` login turns `USER_NOT_REGISTERED` into `USER_NOT_ACCEPTED` (inferred).
 */
export function decideLogin(state: DexieLoginState, attempt: DexieLoginAttempt, options: Pick<DexieOptions, 'policy' | 'prodDomains'>): DexieLoginDecision {
  const existing = state.users.get(attempt.userId);
  if (existing) return { kind: 'existing', user: existing };
  const email = attempt.email ?? attempt.userId;
  if (email.toLowerCase().endsWith('@demo.local')) {
    return applyIntent({ kind: 'refused', code: 'USER_NOT_REGISTERED', message: `Demo user ${email} has not been imported.`, reason: 'demo users must be imported first; they never reach the new-user hook' }, attempt.intent, email);
  }
  if (attempt.intent === 'login') {
    return { kind: 'refused', code: 'USER_NOT_REGISTERED', message: `User ${email} is not registered.`, reason: `intent "login" never auto-registers: the hook is not called (${DEXIE_RULE_SOURCES.intent})` };
  }
  switch (options.policy) {
    case 'auto-eval':
      return { kind: 'create', type: 'eval', reason: 'policy auto-eval' };
    case 'auto-prod':
      return { kind: 'create', type: 'prod', reason: 'policy auto-prod' };
    case 'prod-domains': {
      const domain = email.split('@')[1]?.toLowerCase() ?? '';
      return options.prodDomains.map((d) => d.toLowerCase()).includes(domain)
        ? { kind: 'create', type: 'prod', reason: `policy prod-domains: ${domain} is listed` }
        : { kind: 'create', type: 'eval', reason: `policy prod-domains: ${domain || 'no domain'} is not listed` };
    }
    case 'reject-unknown':
      return applyIntent(
        { kind: 'refused', code: 'USER_NOT_REGISTERED', message: `User ${email} is not registered.`, reason: `policy reject-unknown: only registered users may log in (${DEXIE_RULE_SOURCES.notRegistered})` },
        attempt.intent,
        email,
      );
    default:
      return { kind: 'call-hook' };
  }
}

function accept(user: DexieCreatedUser, now: number, reason: string): DexieOutcome {
  return { login: 'accepted', action: user.type, user, token: tokenResponse(user, now), license: licenseOf(user), reason };
}

/**
 * Completes a login: a `prod` user needs a free seat (else 403 `NO_SEATS_AVAILABLE`, inferred),
 * and an accepted new user is stored. Returns the client-visible outcome. Mutates `state`.
 */
export function completeLogin(state: DexieLoginState, attempt: DexieLoginAttempt, decision: DexieLoginDecision, hookOutcome: DexieOutcome | undefined, options: Pick<DexieOptions, 'evalDays'>, now: number): DexieOutcome {
  if (decision.kind === 'existing') return accept(decision.user, now, 'existing user: the hook is not called');
  if (decision.kind === 'refused') return { login: 'refused', status: 403, error: { code: decision.code, message: decision.message }, reason: decision.reason };
  let outcome: DexieOutcome;
  if (decision.kind === 'create') {
    const user: DexieCreatedUser = {
      userId: attempt.userId,
      type: decision.type,
      ...(decision.type === 'eval' ? { evalDaysLeft: options.evalDays } : {}),
      maxAllowedEvalDaysLeft: options.evalDays,
      data: {} as JsonObject,
      ...(attempt.email ? { email: attempt.email } : {}),
    };
    outcome = accept(user, now, decision.reason);
  } else {
    if (!hookOutcome) throw new TypeError('completeLogin: the policy calls the hook, but no hook outcome was given');
    outcome = hookOutcome;
  }
  if (outcome.login !== 'accepted') return outcome;
  if (outcome.user.type === 'prod') {
    if (state.seats.used >= state.seats.total) {
      return { login: 'refused', status: 403, error: { code: 'NO_SEATS_AVAILABLE', message: 'No production seats are available.' }, reason: `all ${state.seats.total} production seats are taken` };
    }
    state.seats.used += 1;
  }
  state.users.set(outcome.user.userId, outcome.user);
  return outcome;
}
