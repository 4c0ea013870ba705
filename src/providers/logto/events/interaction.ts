import type { JsonObject } from '../../../core/json.js';
import { newSessionId, pickApplication, pickUserInfo, type LogtoActor } from '../identity.js';
import { iso, withUser } from './context.js';
import type { LogtoEventBuild, LogtoEventInput, LogtoEventSpec } from './types.js';

/**
 * `triggerInteractionHooks`: the custom payload first, then event, interactionEvent, createdAt,
 * sessionId, userAgent, userId, userIp, user (re-read after the interaction), application.
 */
function interactionPayload(
  event: string,
  interactionEvent: 'Register' | 'SignIn' | 'ForgotPassword',
  input: LogtoEventInput,
  actor: LogtoActor,
  customPayload: JsonObject = {},
): JsonObject {
  return {
    ...customPayload,
    event,
    interactionEvent,
    createdAt: iso(input.now),
    sessionId: newSessionId(input.faker),
    userAgent: actor.userAgent,
    userId: actor.user.id,
    userIp: actor.ip,
    user: pickUserInfo(actor.user, input.options.version),
    application: pickApplication(actor.application),
  };
}

/** The user row as Logto inserts it on sign-up: created a moment before the event, never signed in. */
export function justRegistered(input: LogtoEventInput): LogtoActor {
  const createdAt = input.now - input.faker.number.int({ min: 150, max: 900 });
  return withUser(input.actor, { createdAt, updatedAt: createdAt, lastSignInAt: null });
}

const postRegister: LogtoEventSpec = {
  name: 'PostRegister',
  family: 'interaction',
  summary: 'A user finished registering through the sign-in experience',
  variants: [{ name: 'experience', summary: 'Experience API sign-up (interactionEvent "Register")' }],
  build(input) {
    // Registration signs the user in: lastSignInAt is set, then the row is touched once more.
    const inserted = justRegistered(input).user;
    const actor = withUser(input.actor, {
      createdAt: inserted.createdAt,
      lastSignInAt: inserted.createdAt,
      updatedAt: Math.min(input.now - 1, inserted.createdAt + input.faker.number.int({ min: 20, max: 400 })),
    });
    return { payload: interactionPayload('PostRegister', 'Register', input, actor), actor };
  },
};

const postSignIn: LogtoEventSpec = {
  name: 'PostSignIn',
  family: 'interaction',
  summary: 'A user signed in through the sign-in experience',
  variants: [{ name: 'experience', summary: 'Experience API sign-in (interactionEvent "SignIn")' }],
  build(input) {
    const signedInAt = input.now - input.faker.number.int({ min: 5, max: 60 });
    const actor = withUser(input.actor, { lastSignInAt: signedInAt, updatedAt: signedInAt });
    return { payload: interactionPayload('PostSignIn', 'SignIn', input, actor), actor };
  },
};

const adaptiveMfa: LogtoEventSpec = {
  name: 'PostSignInAdaptiveMfaTriggered',
  family: 'interaction',
  summary: 'Adaptive MFA required MFA during a sign-in (sent even though the request then fails)',
  variants: [
    { name: 'new-country', summary: 'rule new_country: a sign-in from a country not seen before' },
    { name: 'untrusted-ip', summary: 'rule untrusted_ip' },
  ],
  build(input): LogtoEventBuild {
    // adaptiveMfaResult is the custom payload, spread first, so the standard keys win
    // (packages/core/src/libraries/hook/index.ts). The user has not signed in yet: no row change.
    // The rule names are Logto's; the keys inside `details` are not in the contract and are
    // illustrative, so a hook should not depend on them.
    const rule = input.variant === 'untrusted-ip' ? 'untrusted_ip' : 'new_country';
    const details: JsonObject = rule === 'new_country' ? { country: input.faker.location.countryCode(), previousCountry: 'US' } : { ip: input.actor.ip };
    return {
      actor: input.actor,
      payload: interactionPayload('PostSignInAdaptiveMfaTriggered', 'SignIn', input, input.actor, {
        adaptiveMfaResult: { requiresMfa: true, triggeredRules: [{ rule, details }] },
      }),
    };
  },
};

const postResetPassword: LogtoEventSpec = {
  name: 'PostResetPassword',
  family: 'interaction',
  summary: 'A user reset their password through the sign-in experience',
  variants: [{ name: 'experience', summary: 'Experience API password reset (interactionEvent "ForgotPassword")' }],
  build(input) {
    const changedAt = input.now - input.faker.number.int({ min: 5, max: 60 });
    const actor = withUser(input.actor, { updatedAt: changedAt, hasPassword: true });
    return { payload: interactionPayload('PostResetPassword', 'ForgotPassword', input, actor), actor };
  },
};

/** Interaction events, in Logto's registration order. */
export const interactionEvents: readonly LogtoEventSpec[] = [postRegister, postSignIn, adaptiveMfa, postResetPassword];
