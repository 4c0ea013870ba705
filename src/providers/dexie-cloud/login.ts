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
  /** The client's LoginHints.intent: `login` never auto-registers. */
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

/**
 * Decides a login without the hook (dexie-cloud.md §1, §2, §6.1): existing users never reach
 * it; `@demo.local` users are demo accounts (imported ahead, never "new"); `intent: 'login'`
 * for an unknown user is `USER_NOT_REGISTERED` without a call (inferred); the policy decides the rest.
 */
export function decideLogin(state: DexieLoginState, attempt: DexieLoginAttempt, options: Pick<DexieOptions, 'policy' | 'prodDomains'>): DexieLoginDecision {
  const existing = state.users.get(attempt.userId);
  if (existing) return { kind: 'existing', user: existing };
  const email = attempt.email ?? attempt.userId;
  if (email.toLowerCase().endsWith('@demo.local')) {
    return { kind: 'refused', code: 'USER_NOT_REGISTERED', message: `Demo user ${email} has not been imported.`, reason: 'demo users must be imported first; they never reach the new-user hook' };
  }
  if (attempt.intent === 'login') {
    return { kind: 'refused', code: 'USER_NOT_REGISTERED', message: `User ${email} is not registered.`, reason: 'intent "login" never auto-registers (inferred: the hook is not called)' };
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
      return { kind: 'refused', code: 'USER_NOT_ACCEPTED', message: `User ${email} is not allowed.`, reason: 'policy reject-unknown' };
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
