import { pickUserInfo, userProfileResponse } from '../identity.js';
import { accountApiPayload, appendedUserPayload, experienceEvent, iso, managementApiMetadata, managementApiPayload, routePath, withUser } from './context.js';
import { justRegistered, registrationTime } from './interaction.js';
import type { JsonObject } from '../../../core/json.js';
import type { LogtoEventBuild, LogtoEventInput, LogtoEventSpec } from './types.js';

const userCreated: LogtoEventSpec = {
  name: 'User.Created',
  family: 'data',
  summary: 'A user was created',
  variants: [
    { name: 'management-api', summary: 'POST /api/users on the Management API (data = the API response, with hasPassword)' },
    { name: 'experience', summary: 'Self-registration; sent alongside PostRegister, in no guaranteed order' },
  ],
  build(input): LogtoEventBuild {
    const drawnAt = registrationTime(input);
    if (input.variant === 'experience') {
      // provision-library.ts appends `{ user }` right after inserting the row: data is that row.
      // With its PostRegister already built, the same interaction and the same row are reused.
      const { payload, actor: inInteraction } = experienceEvent('User.Created', input, input.actor, 'Register', {});
      const joined = inInteraction.interaction!.sessionId === input.actor.interaction?.sessionId;
      const inserted = justRegistered(input.actor, drawnAt, joined);
      const actor = joined ? inInteraction : Object.assign({}, inserted, { interaction: inInteraction.interaction! });
      return { actor, payload: Object.assign({}, payload, { data: pickUserInfo(inserted.user, input.options.version) }) };
    }
    const actor = justRegistered(input.actor, drawnAt, false);
    const route = { method: 'POST', matchedRoute: '/users', params: {}, status: 200 } as const;
    return { actor, payload: managementApiPayload('User.Created', input, route, userProfileResponse(actor.user, input.options.version)) };
  },
};

const userDeleted: LogtoEventSpec = {
  name: 'User.Deleted',
  family: 'data',
  summary: 'A user was deleted',
  variants: [{ name: 'management-api', summary: 'DELETE /api/users/:userId (status 204; data = the deleted user, appended by hand)' }],
  build(input) {
    const route = { method: 'DELETE', matchedRoute: '/users/:userId', params: { userId: input.actor.user.id }, status: 204 } as const;
    return { actor: input.actor, payload: appendedUserPayload('User.Deleted', input, route, pickUserInfo(input.actor.user, input.options.version)) };
  },
};

const userDataUpdated: LogtoEventSpec = {
  name: 'User.Data.Updated',
  family: 'data',
  summary: "A user's data changed",
  variants: [
    { name: 'management-api', summary: 'PATCH /api/users/:userId (data = the user profile response)' },
    { name: 'custom-data', summary: 'PATCH /api/users/:userId/custom-data (data = only the customData object)' },
    { name: 'profile', summary: 'PATCH /api/users/:userId/profile (data = only the profile object)' },
    { name: 'password', summary: 'PATCH /api/users/:userId/password (data = the user profile response)' },
    { name: 'account-api', summary: 'The user changed it through the Account API (data = the user)' },
    { name: 'logto-configs', summary: 'PATCH /api/users/:userId/logto-configs (appended by hand with { user }: no route keys; data = the user)' },
    { name: 'experience', summary: 'Profile completed during a sign-in (data = the user)' },
  ],
  build(input): LogtoEventBuild {
    const changedAt = input.now - input.draws.int(5, 60);
    const { version } = input.options;
    const userId = input.actor.user.id;
    switch (input.variant) {
      case 'custom-data': {
        const actor = withUser(input.actor, { customData: Object.assign({}, input.actor.user.customData, { plan: 'pro' }), updatedAt: changedAt });
        const route = { method: 'PATCH', matchedRoute: '/users/:userId/custom-data', params: { userId }, status: 200 } as const;
        return { actor, payload: managementApiPayload('User.Data.Updated', input, route, actor.user.customData) };
      }
      case 'profile': {
        const actor = withUser(input.actor, { profile: Object.assign({}, input.actor.user.profile, { nickname: input.actor.user.name?.split(' ')[0] ?? 'nick' }), updatedAt: changedAt });
        const route = { method: 'PATCH', matchedRoute: '/users/:userId/profile', params: { userId }, status: 200 } as const;
        return { actor, payload: managementApiPayload('User.Data.Updated', input, route, actor.user.profile) };
      }
      case 'password': {
        const actor = withUser(input.actor, { hasPassword: true, updatedAt: changedAt });
        const route = { method: 'PATCH', matchedRoute: '/users/:userId/password', params: { userId }, status: 200 } as const;
        return { actor, payload: managementApiPayload('User.Data.Updated', input, route, userProfileResponse(actor.user, version)) };
      }
      case 'account-api': {
        const actor = withUser(input.actor, { avatar: `https://avatars.example.com/${input.draws.lowerAlnum(8)}.png`, updatedAt: changedAt });
        return { actor, payload: accountApiPayload('User.Data.Updated', input, actor, { data: pickUserInfo(actor.user, version) }) };
      }
      case 'logto-configs': {
        // Not a registered route: admin-user/basics.ts appends `{ user: updatedUser }` only, so the
        // payload is the caller's metadata and the user, like the Account API's.
        const actor = withUser(input.actor, { updatedAt: changedAt });
        return { actor, payload: { event: 'User.Data.Updated', createdAt: iso(input.now), ...managementApiMetadata(input), data: pickUserInfo(actor.user, version) } };
      }
      case 'experience': {
        const changed = withUser(input.actor, { updatedAt: changedAt });
        return experienceEvent('User.Data.Updated', input, changed, 'SignIn', { data: pickUserInfo(changed.user, version) });
      }
      default: {
        const actor = withUser(input.actor, { name: `${input.actor.user.name ?? 'User'} Jr.`, updatedAt: changedAt });
        const route = { method: 'PATCH', matchedRoute: '/users/:userId', params: { userId }, status: 200 } as const;
        return { actor, payload: managementApiPayload('User.Data.Updated', input, route, userProfileResponse(actor.user, version)) };
      }
    }
  },
};

const userSuspension: LogtoEventSpec = {
  name: 'User.SuspensionStatus.Updated',
  family: 'data',
  summary: 'A user was suspended or reinstated',
  variants: [{ name: 'management-api', summary: 'PATCH /api/users/:userId/is-suspended (data = the user profile response)' }],
  build(input) {
    const actor = withUser(input.actor, { isSuspended: true, updatedAt: input.now - input.draws.int(5, 60) });
    const route = { method: 'PATCH', matchedRoute: '/users/:userId/is-suspended', params: { userId: actor.user.id }, status: 200 } as const;
    return { actor, payload: managementApiPayload('User.SuspensionStatus.Updated', input, route, userProfileResponse(actor.user, input.options.version)) };
  },
};

/** `getTrustedDeviceEventData`: the device row reduced to `{ id, userId, expiresAt }`. */
function trustedDeviceData(input: LogtoEventInput): JsonObject {
  return { id: input.draws.lowerAlnum(21), userId: input.actor.user.id, expiresAt: input.now + 30 * 86_400_000 };
}

/**
 * TrustedDevice.* (1.43 / master, dev features): `data: { id, userId, expiresAt }`, always
 * appended with `includeRequestIp: false`, so no `ip` key. Created is fired in the Experience
 * API after an MFA proof (experience/classes/trusted-device.ts); Deleted by the Management API
 * route (admin-user/trusted-device.ts) or without a route context.
 */
const trustedDeviceCreated: LogtoEventSpec = {
  name: 'TrustedDevice.Created',
  family: 'data',
  devFeature: true,
  summary: 'A device was remembered as trusted for MFA (Logto 1.43, dev features)',
  variants: [{ name: 'experience', summary: 'After an MFA proof in a sign-in: Experience API metadata without ip, then application and data' }],
  build(input) {
    const data = trustedDeviceData(input);
    return experienceEvent('TrustedDevice.Created', input, input.actor, 'SignIn', { data }, { includeRequestIp: false });
  },
};

const trustedDeviceDeleted: LogtoEventSpec = {
  name: 'TrustedDevice.Deleted',
  family: 'data',
  devFeature: true,
  summary: 'A trusted device was removed (Logto 1.43, dev features)',
  variants: [
    { name: 'management-api', summary: 'DELETE /api/users/:userId/trusted-devices/:trustedDeviceId (status 204; no ip; data = the device)' },
    { name: 'no-route-context', summary: 'deleteByIdAndUserId called without a route context: userAgent and data only' },
  ],
  build(input) {
    const data = trustedDeviceData(input);
    const { userAgent } = managementApiMetadata(input);
    const head = { event: 'TrustedDevice.Deleted', createdAt: iso(input.now) };
    if (input.variant === 'no-route-context') {
      return { actor: input.actor, payload: Object.assign({}, head, { userAgent: input.actor.userAgent, data }) };
    }
    const route = { method: 'DELETE', matchedRoute: '/users/:userId/trusted-devices/:trustedDeviceId', params: { userId: input.actor.user.id, trustedDeviceId: String(data.id) }, status: 204 } as const;
    return { actor: input.actor, payload: Object.assign({}, head, { userAgent, path: routePath(route), method: route.method, status: route.status, params: route.params, matchedRoute: route.matchedRoute, data }) };
  },
};

export const userEvents: readonly LogtoEventSpec[] = [userCreated, userDeleted, userDataUpdated, userSuspension];
export const trustedDeviceEvents: readonly LogtoEventSpec[] = [trustedDeviceCreated, trustedDeviceDeleted];
