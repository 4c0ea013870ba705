import { lowerAlnum } from '../../../core/random.js';
import { pickUserInfo, userProfileResponse } from '../identity.js';
import { accountApiPayload, experiencePayload, iso, managementApiPayload, withUser } from './context.js';
import { justRegistered } from './interaction.js';
import type { LogtoEventBuild, LogtoEventSpec } from './types.js';

const userCreated: LogtoEventSpec = {
  name: 'User.Created',
  family: 'data',
  summary: 'A user was created',
  variants: [
    { name: 'management-api', summary: 'POST /api/users on the Management API (data = the API response, with hasPassword)' },
    { name: 'experience', summary: 'Self-registration; sent alongside PostRegister, in no guaranteed order' },
  ],
  build(input): LogtoEventBuild {
    const actor = justRegistered(input);
    if (input.variant === 'experience') {
      return { actor, payload: experiencePayload('User.Created', input, actor, 'Register', { data: pickUserInfo(actor.user, input.options.version) }) };
    }
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
    return { actor: input.actor, payload: managementApiPayload('User.Deleted', input, route, pickUserInfo(input.actor.user, input.options.version)) };
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
    { name: 'experience', summary: 'Profile completed during a sign-in (data = the user)' },
  ],
  build(input): LogtoEventBuild {
    const changedAt = input.now - input.faker.number.int({ min: 5, max: 60 });
    const { version } = input.options;
    const userId = input.actor.user.id;
    switch (input.variant) {
      case 'custom-data': {
        const actor = withUser(input.actor, { customData: { ...input.actor.user.customData, plan: 'pro' }, updatedAt: changedAt });
        const route = { method: 'PATCH', matchedRoute: '/users/:userId/custom-data', params: { userId }, status: 200 } as const;
        return { actor, payload: managementApiPayload('User.Data.Updated', input, route, actor.user.customData) };
      }
      case 'profile': {
        const actor = withUser(input.actor, { profile: { ...input.actor.user.profile, nickname: input.actor.user.name?.split(' ')[0] ?? 'nick' }, updatedAt: changedAt });
        const route = { method: 'PATCH', matchedRoute: '/users/:userId/profile', params: { userId }, status: 200 } as const;
        return { actor, payload: managementApiPayload('User.Data.Updated', input, route, actor.user.profile) };
      }
      case 'password': {
        const actor = withUser(input.actor, { hasPassword: true, updatedAt: changedAt });
        const route = { method: 'PATCH', matchedRoute: '/users/:userId/password', params: { userId }, status: 200 } as const;
        return { actor, payload: managementApiPayload('User.Data.Updated', input, route, userProfileResponse(actor.user, version)) };
      }
      case 'account-api': {
        const actor = withUser(input.actor, { avatar: `https://avatars.example.com/${lowerAlnum(input.faker, 8)}.png`, updatedAt: changedAt });
        return { actor, payload: accountApiPayload('User.Data.Updated', input, actor, { data: pickUserInfo(actor.user, version) }) };
      }
      case 'experience': {
        const actor = withUser(input.actor, { updatedAt: changedAt });
        return { actor, payload: experiencePayload('User.Data.Updated', input, actor, 'SignIn', { data: pickUserInfo(actor.user, version) }) };
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
    const actor = withUser(input.actor, { isSuspended: true, updatedAt: input.now - input.faker.number.int({ min: 5, max: 60 }) });
    const route = { method: 'PATCH', matchedRoute: '/users/:userId/is-suspended', params: { userId: actor.user.id }, status: 200 } as const;
    return { actor, payload: managementApiPayload('User.SuspensionStatus.Updated', input, route, userProfileResponse(actor.user, input.options.version)) };
  },
};

/**
 * TrustedDevice.* (1.43 dev feature): `data: { id, userId, expiresAt }`, sent without the request
 * IP (`includeRequestIp: false`). The exact trigger routes are not in the contract; the keys are.
 */
function trustedDevice(name: 'TrustedDevice.Created' | 'TrustedDevice.Deleted', summary: string): LogtoEventSpec {
  return {
    name,
    family: 'data',
    devFeature: true,
    summary,
    variants: [{ name: 'default', summary: 'Logto 1.43 with dev features enabled; no ip key' }],
    build(input) {
      const data = { id: lowerAlnum(input.faker, 21), userId: input.actor.user.id, expiresAt: input.now + 30 * 86_400_000 };
      return { actor: input.actor, payload: { event: name, createdAt: iso(input.now), userAgent: input.actor.userAgent, data } };
    },
  };
}

export const userEvents: readonly LogtoEventSpec[] = [userCreated, userDeleted, userDataUpdated, userSuspension];
export const trustedDeviceEvents: readonly LogtoEventSpec[] = [
  trustedDevice('TrustedDevice.Created', 'A device was remembered as trusted for MFA (Logto 1.43, dev features)'),
  trustedDevice('TrustedDevice.Deleted', 'A trusted device was removed (Logto 1.43, dev features)'),
];
