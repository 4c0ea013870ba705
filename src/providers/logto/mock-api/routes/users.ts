import { isJsonObject, type JsonObject } from '../../../../core/json.js';
import { userProfileResponse, type LogtoUser } from '../../identity.js';
import type { Route } from '../../../../mock-apis/router.js';
import type { ApiResponse } from '../../../../mock-apis/types.js';
import { managementContext, pagedReply, route, type LogtoRouteState } from '../context.js';
import { entityNotFound, logtoError, notExistsWithId } from '../errors.js';
import { bodyObject, invalidBody, isIssue, stringArrayAt, typeIssue, type Issue } from '../guard.js';

/*
 * User routes hooks call back, after packages/core/src/routes/admin-user/basics.ts and role.ts.
 * A missing user is looked up with `findUserById` (slonik `pool.one`), so it answers
 * `entity.not_found` 404, not `not_exists_with_id`.
 */

function withUser(state: LogtoRouteState, userId: string, then: (user: LogtoUser) => ApiResponse): ApiResponse {
  const user = state.tenant.users.get(userId);
  return user ? then(user) : entityNotFound();
}

const profileOf = (state: LogtoRouteState, user: LogtoUser) => userProfileResponse(user, state.tenant.version);

/** `userProfileGuard` keys (OIDC standard claims); the guard is non-strict, so other keys are dropped. */
const PROFILE_KEYS = ['familyName', 'givenName', 'middleName', 'nickname', 'preferredUsername', 'profile', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'address'];

function pickProfile(profile: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(profile).filter(([key]) => PROFILE_KEYS.includes(key)));
}

/**
 * `PATCH /users/:userId/<segment>` for a JSON column: `{ <column>: object }` is merged into the
 * column (`updateUserById`'s default jsonb mode), the answer is the column alone, and Logto fires
 * User.Data.Updated with that as `data`.
 */
function mergeColumnRoute(column: 'customData' | 'profile', segment: string): Route<LogtoRouteState> {
  const pattern = `/api/users/:userId/${segment}`;
  return route('PATCH', pattern, (state, request, params) => {
    const patch = bodyObject(request.body)[column];
    // koaGuard parses the body before the handler looks the user up.
    if (!isJsonObject(patch)) return invalidBody([typeIssue([column], 'object', patch)]);
    return withUser(state, params.userId!, (user) => {
      user[column] = { ...user[column], ...(column === 'profile' ? pickProfile(patch) : patch) };
      user.updatedAt = state.tenant.now();
      state.emitted.push({ event: 'User.Data.Updated', context: managementContext(request, pattern, params, 200, user[column]) });
      return { status: 200, body: user[column] };
    });
  });
}

/** PATCH /users/:userId fields: nullable strings and the JSON columns; anything else is dropped. */
const PATCHABLE_STRINGS = ['username', 'primaryEmail', 'primaryPhone', 'name', 'avatar'] as const;

function checkUserPatch(body: JsonObject): Issue[] {
  const issues: Issue[] = [];
  for (const key of PATCHABLE_STRINGS) {
    const value = body[key];
    if (value !== undefined && value !== null && typeof value !== 'string') issues.push(typeIssue([key], 'string', value));
  }
  if (typeof body.username === 'string' && body.username !== '' && !/^[A-Z_a-z]\w*$/.test(body.username)) {
    issues.push({ code: 'invalid_string', validation: 'regex', path: ['username'], message: 'Invalid' });
  }
  if (typeof body.primaryEmail === 'string' && body.primaryEmail !== '' && !/^\S+@\S+\.\S+$/.test(body.primaryEmail)) {
    issues.push({ code: 'invalid_string', validation: 'regex', path: ['primaryEmail'], message: 'Invalid' });
  }
  for (const key of ['customData', 'profile']) if (body[key] !== undefined && !isJsonObject(body[key])) issues.push(typeIssue([key], 'object', body[key]));
  return issues;
}

/** `checkIdentifierCollision`: another user already has the username, email or phone (422). */
function collision(state: LogtoRouteState, userId: string, body: JsonObject): ApiResponse | undefined {
  const others = [...state.tenant.users.values()].filter((user) => user.id !== userId);
  if (typeof body.username === 'string' && body.username && others.some((user) => user.username === body.username)) {
    return logtoError(422, 'user.username_already_in_use', 'This username is already in use.');
  }
  if (typeof body.primaryEmail === 'string' && body.primaryEmail && others.some((user) => user.primaryEmail?.toLowerCase() === (body.primaryEmail as string).toLowerCase())) {
    return logtoError(422, 'user.email_already_in_use', 'This email is associated with an existing account.');
  }
  if (typeof body.primaryPhone === 'string' && body.primaryPhone && others.some((user) => user.primaryPhone === body.primaryPhone)) {
    return logtoError(422, 'user.phone_already_in_use', 'This phone number is associated with an existing account.');
  }
  return undefined;
}

/** The user routes. */
export const userRoutes: readonly Route<LogtoRouteState>[] = [
  route('GET', '/api/users/:userId', (state, _request, { userId }) => withUser(state, userId!, (user) => ({ status: 200, body: profileOf(state, user) }))),

  route('PATCH', '/api/users/:userId', (state, request, params) => {
    const body = bodyObject(request.body);
    const issues = checkUserPatch(body);
    if (issues.length) return invalidBody(issues);
    return withUser(state, params.userId!, (user) => {
      const refused = collision(state, user.id, body);
      if (refused) return refused;
      // `updateUserById(userId, body, 'replace')`: JSON columns are replaced, not merged.
      for (const key of PATCHABLE_STRINGS) if (body[key] !== undefined) user[key] = body[key] as string | null;
      if (isJsonObject(body.customData)) user.customData = body.customData;
      if (isJsonObject(body.profile)) user.profile = pickProfile(body.profile);
      user.updatedAt = state.tenant.now();
      const reply = profileOf(state, user);
      state.emitted.push({ event: 'User.Data.Updated', context: managementContext(request, '/api/users/:userId', params, 200, reply) });
      return { status: 200, body: reply };
    });
  }),

  route('GET', '/api/users/:userId/custom-data', (state, _request, { userId }) => withUser(state, userId!, (user) => ({ status: 200, body: user.customData }))),

  mergeColumnRoute('customData', 'custom-data'),

  mergeColumnRoute('profile', 'profile'),

  route('PATCH', '/api/users/:userId/is-suspended', (state, request, params) => {
    const isSuspended = bodyObject(request.body).isSuspended;
    if (typeof isSuspended !== 'boolean') return invalidBody([typeIssue(['isSuspended'], 'boolean', isSuspended)]);
    return withUser(state, params.userId!, (user) => {
      user.isSuspended = isSuspended;
      user.updatedAt = state.tenant.now();
      const reply = profileOf(state, user);
      state.emitted.push({ event: 'User.SuspensionStatus.Updated', context: managementContext(request, '/api/users/:userId/is-suspended', params, 200, reply) });
      return { status: 200, body: reply };
    });
  }),

  // admin-user/role.ts: only `User` roles are listed, paginated.
  route('GET', '/api/users/:userId/roles', (state, request, { userId }) =>
    withUser(state, userId!, () => {
      const roles = [...(state.tenant.userRoles.get(userId!) ?? [])].map((id) => state.tenant.roles.get(id)).filter((role) => role?.type === 'User');
      return pagedReply(roles, request);
    }),
  ),

  // admin-user/role.ts: roles already assigned are ignored; an M2M role is 422; a missing one 404. No data event.
  route('POST', '/api/users/:userId/roles', (state, request, { userId }) => {
    const roleIds = stringArrayAt(bodyObject(request.body), 'roleIds');
    if (isIssue(roleIds)) return invalidBody([roleIds]);
    return withUser(state, userId!, () => {
      const assigned = state.tenant.userRoles.get(userId!) ?? new Set<string>();
      const toAdd = roleIds.filter((id) => !assigned.has(id));
      for (const roleId of toAdd) {
        const role = state.tenant.roles.get(roleId);
        if (role && role.type !== 'User') return logtoError(422, 'user.invalid_role_type', 'Invalid role type, can not assign machine-to-machine role to user.');
      }
      const missing = toAdd.find((roleId) => !state.tenant.roles.has(roleId));
      if (missing) return notExistsWithId('roles', missing);
      for (const roleId of toAdd) assigned.add(roleId);
      state.tenant.userRoles.set(userId!, assigned);
      return { status: 201 };
    });
  }),

  // `deleteUsersRolesByUserIdAndRoleId` throws DeletionError when nothing was assigned: 404.
  route('DELETE', '/api/users/:userId/roles/:roleId', (state, _request, { userId, roleId }) => {
    if (!state.tenant.userRoles.get(userId!)?.delete(roleId!)) return entityNotFound();
    return { status: 204 };
  }),
];
