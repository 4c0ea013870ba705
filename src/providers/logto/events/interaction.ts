import type { JsonObject } from '../../../core/json.js';
import { pickApplication, pickUserInfo, type LogtoActor, type LogtoInteraction } from '../identity.js';
import { interactionFor, iso, withUser } from './context.js';
import { adaptiveMfaRuleFor, adaptiveMfaVariants } from './adaptive-mfa.js';
import type { LogtoEventBuild, LogtoEventInput, LogtoEventSpec } from './types.js';

/**
 * `triggerInteractionHooks`: the custom payload first, then event, interactionEvent, createdAt,
 * sessionId, userAgent, userId, userIp, user (re-read after the interaction), application.
 * Profile `master` with a CIMD client: no `application` (no application row to pick from) and a
 * top-level `cimdClientId` after it (its position is hooksim's reading, labelled in the README).
 */
function interactionPayload(
  event: string,
  interaction: LogtoInteraction,
  input: LogtoEventInput,
  actor: LogtoActor,
  customPayload?: JsonObject,
): JsonObject {
  const cimdClientId = input.options.version === 'master' ? input.options.cimdClientId : undefined;
  const payload: JsonObject = {
    event,
    interactionEvent: interaction.event,
    createdAt: iso(input.now),
    sessionId: interaction.sessionId,
    userAgent: actor.userAgent,
    userId: actor.user.id,
    userIp: actor.ip,
    user: pickUserInfo(actor.user, input.options.version),
  };
  if (cimdClientId === undefined) payload.application = pickApplication(actor.application);
  else payload.cimdClientId = cimdClientId;
  // A custom payload's keys come first; the standard keys overwrite any of the same name in place.
  return customPayload ? { ...customPayload, ...payload } : payload;
}

/**
 * The user row as Logto inserts it on sign-up: created a moment before the event (`drawnAt`),
 * never signed in. When the sign-up's other event already inserted the row (`joined`), that row
 * is reused: one sign-up, one user row.
 */
export function justRegistered(actor: LogtoActor, drawnAt: number, joined: boolean): LogtoActor {
  const createdAt = joined ? actor.user.createdAt : drawnAt;
  return withUser(actor, { createdAt, updatedAt: createdAt, lastSignInAt: null });
}

/** When a sign-up inserted its user row: a moment before the event. */
export function registrationTime(input: LogtoEventInput): number {
  return input.now - input.draws.int(150, 900);
}

const postRegister: LogtoEventSpec = {
  name: 'PostRegister',
  family: 'interaction',
  summary: 'A user finished registering through the sign-in experience',
  variants: [{ name: 'experience', summary: 'Experience API sign-up (interactionEvent "Register"); same sessionId and user row as its User.Created' }],
  build(input) {
    // Draw order (row time, touch delay, then session id) is kept so seeded values stay put.
    const drawnAt = registrationTime(input);
    const touch = input.draws.int(20, 400);
    const { interaction, joined } = interactionFor(input, input.actor, 'Register', 'PostRegister');
    // justRegistered's createdAt, without its copy of the actor (the row is written once, below).
    const createdAt = joined ? input.actor.user.createdAt : drawnAt;
    // Registration signs the user in: lastSignInAt is set, then the row is touched once more.
    const actor = withUser(input.actor, { createdAt, lastSignInAt: createdAt, updatedAt: Math.max(createdAt, Math.min(input.now - 1, createdAt + touch)) }, interaction);
    return { payload: interactionPayload('PostRegister', interaction, input, actor), actor };
  },
};

const postSignIn: LogtoEventSpec = {
  name: 'PostSignIn',
  family: 'interaction',
  summary: 'A user signed in through the sign-in experience',
  variants: [{ name: 'experience', summary: 'Experience API sign-in (interactionEvent "SignIn")' }],
  build(input) {
    const signedInAt = input.now - input.draws.int(5, 60);
    const { interaction } = interactionFor(input, input.actor, 'SignIn', 'PostSignIn', true);
    const actor = withUser(input.actor, { lastSignInAt: signedInAt, updatedAt: signedInAt }, interaction);
    return { payload: interactionPayload('PostSignIn', interaction, input, actor), actor };
  },
};

const adaptiveMfa: LogtoEventSpec = {
  name: 'PostSignInAdaptiveMfaTriggered',
  family: 'interaction',
  summary: 'Adaptive MFA required MFA during a sign-in (sent even though the request then fails)',
  variants: adaptiveMfaVariants,
  build(input): LogtoEventBuild {
    // adaptiveMfaResult is the custom payload, spread first, so the standard keys win
    // (packages/core/src/libraries/hook/index.ts). The user has not signed in yet: the row is
    // as the rule saw it.
    const { rule, actor: seen } = adaptiveMfaRuleFor(input);
    const { interaction } = interactionFor(input, input.actor, 'SignIn', 'PostSignInAdaptiveMfaTriggered', true);
    const actor = Object.assign({}, seen, { interaction });
    return {
      actor,
      payload: interactionPayload('PostSignInAdaptiveMfaTriggered', interaction, input, actor, {
        adaptiveMfaResult: { requiresMfa: true, triggeredRules: [rule] },
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
    const changedAt = input.now - input.draws.int(5, 60);
    const { interaction } = interactionFor(input, input.actor, 'ForgotPassword', 'PostResetPassword', true);
    const actor = withUser(input.actor, { updatedAt: changedAt, hasPassword: true }, interaction);
    return { payload: interactionPayload('PostResetPassword', interaction, input, actor), actor };
  },
};

/** Interaction events, in Logto's registration order. */
export const interactionEvents: readonly LogtoEventSpec[] = [postRegister, postSignIn, adaptiveMfa, postResetPassword];
