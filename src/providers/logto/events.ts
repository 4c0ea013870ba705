import type { Faker } from '@faker-js/faker';
import type { JsonObject } from '../../core/json.js';
import { seededFaker } from '../../core/random.js';
import type { EventDefinition } from '../types.js';
import {
  hookIdFromSeed,
  newSessionId,
  pickApplication,
  pickUserInfo,
  userProfileResponse,
  type LogtoActor,
} from './identity.js';
import type { LogtoOptions } from './options.js';

/** What an event builder gets: the actor as it is before the event, and the moment of the event. */
export interface LogtoEventInput {
  actor: LogtoActor;
  now: number;
  seed: number;
  variant: string;
  options: LogtoOptions;
  /** Draws for this event only (session ids, small delays), separate from the actor's. */
  faker: Faker;
}

/** A built event: the payload (without `hookId`) and the actor after the event. */
export interface LogtoEventBuild {
  payload: JsonObject;
  actor: LogtoActor;
}

/** An event the Logto provider can build: its listing entry and its pure builder. */
export interface LogtoEventSpec extends EventDefinition {
  build(input: LogtoEventInput): LogtoEventBuild;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Updates the user row of an actor (a copy). */
function withUser(actor: LogtoActor, patch: Partial<LogtoActor['user']>): LogtoActor {
  return { ...actor, user: { ...actor.user, ...patch } };
}

/**
 * `triggerInteractionHooks`: the custom payload first, then event, interactionEvent, createdAt,
 * sessionId, userAgent, userId, userIp, user (re-read after the interaction), application.
 */
function interactionPayload(
  event: string,
  interactionEvent: 'Register' | 'SignIn' | 'ForgotPassword',
  input: LogtoEventInput,
  actor: LogtoActor,
): JsonObject {
  return {
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
function justRegistered(input: LogtoEventInput): LogtoActor {
  const createdAt = input.now - input.faker.number.int({ min: 150, max: 900 });
  return withUser(input.actor, { createdAt, updatedAt: createdAt, lastSignInAt: null });
}

const postRegister: LogtoEventSpec = {
  name: 'PostRegister',
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
  summary: 'A user signed in through the sign-in experience',
  variants: [{ name: 'experience', summary: 'Experience API sign-in (interactionEvent "SignIn")' }],
  build(input) {
    const signedInAt = input.now - input.faker.number.int({ min: 5, max: 60 });
    const actor = withUser(input.actor, { lastSignInAt: signedInAt, updatedAt: signedInAt });
    return { payload: interactionPayload('PostSignIn', 'SignIn', input, actor), actor };
  },
};

const postResetPassword: LogtoEventSpec = {
  name: 'PostResetPassword',
  summary: 'A user reset their password through the sign-in experience',
  variants: [{ name: 'experience', summary: 'Experience API password reset (interactionEvent "ForgotPassword")' }],
  build(input) {
    const changedAt = input.now - input.faker.number.int({ min: 5, max: 60 });
    const actor = withUser(input.actor, { updatedAt: changedAt, hasPassword: true });
    return { payload: interactionPayload('PostResetPassword', 'ForgotPassword', input, actor), actor };
  },
};

const userCreated: LogtoEventSpec = {
  name: 'User.Created',
  summary: 'A user was created',
  variants: [
    { name: 'management-api', summary: 'POST /api/users on the Management API (data = the API response, with hasPassword)' },
    { name: 'experience', summary: 'Self-registration; sent alongside PostRegister, in no guaranteed order' },
  ],
  build(input): LogtoEventBuild {
    const actor = justRegistered(input);
    if (input.variant === 'experience') {
      // buildWebhooks: event, createdAt, then the Experience API metadata, application, data.
      return {
        actor,
        payload: {
          event: 'User.Created',
          createdAt: iso(input.now),
          interactionEvent: 'Register',
          userAgent: actor.userAgent,
          applicationId: actor.application.id,
          sessionId: newSessionId(input.faker),
          ip: actor.ip,
          application: pickApplication(actor.application),
          data: pickUserInfo(actor.user, input.options.version),
        },
      };
    }
    // Management API: metadata {userAgent, ip}, then the registered route's context.
    return {
      actor,
      payload: {
        event: 'User.Created',
        createdAt: iso(input.now),
        userAgent: 'node',
        ip: `::ffff:10.0.${input.faker.number.int({ min: 0, max: 255 })}.${input.faker.number.int({ min: 1, max: 254 })}`,
        path: '/users',
        method: 'POST',
        status: 200,
        params: {},
        matchedRoute: '/users',
        data: userProfileResponse(actor.user, input.options.version),
      },
    };
  },
};

/** The Logto events hooksim builds, in Logto's registration order. */
export const logtoEventSpecs: readonly LogtoEventSpec[] = [postRegister, postSignIn, postResetPassword, userCreated];

/** Builds an event for `actor` and appends `hookId` last, as `sendWebhook` does. */
export function buildLogtoEvent(spec: LogtoEventSpec, input: Omit<LogtoEventInput, 'faker'>): LogtoEventBuild {
  const faker = seededFaker(input.seed, 3);
  const built = spec.build({ ...input, faker });
  const hookId = input.options.hookId ?? hookIdFromSeed(input.seed);
  return { payload: { ...built.payload, hookId }, actor: built.actor };
}
