import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { logtoWebhookPayload } from '../../src/providers/logto/contract.js';
import { membershipDelta } from '../../src/providers/logto/events/index.js';
import { logto } from '../../src/providers/logto/index.js';
import { prepareEvent } from '../../src/send.js';

const NOW = '2026-03-02T08:00:00.000Z';

// logto.md §1: hookEvents of v1.42, in registration order (written out, not read from the code).
const HOOK_EVENTS_142 = [
  'PostRegister', 'PostSignIn', 'PostSignInAdaptiveMfaTriggered', 'PostResetPassword',
  'User.Created', 'User.Deleted', 'User.Data.Updated', 'User.SuspensionStatus.Updated',
  'Role.Created', 'Role.Deleted', 'Role.Data.Updated', 'Role.Scopes.Updated',
  'Scope.Created', 'Scope.Deleted', 'Scope.Data.Updated',
  'Organization.Created', 'Organization.Deleted', 'Organization.Data.Updated', 'Organization.Membership.Updated',
  'OrganizationRole.Created', 'OrganizationRole.Deleted', 'OrganizationRole.Data.Updated', 'OrganizationRole.Scopes.Updated',
  'OrganizationScope.Created', 'OrganizationScope.Deleted', 'OrganizationScope.Data.Updated',
  'Identifier.Lockout', 'Message.RateLimited', 'Grant.LimitExceeded',
];

// Key orders from logto.md §2.2 (triggerInteractionHooks / buildWebhooks), hookId always last.
const INTERACTION = ['event', 'interactionEvent', 'createdAt', 'sessionId', 'userAgent', 'userId', 'userIp', 'user', 'application', 'hookId'];
const MGMT = ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute'];
const EXPERIENCE = ['event', 'createdAt', 'interactionEvent', 'userAgent', 'applicationId', 'sessionId', 'ip', 'application'];

const cases: [event: string, variant: string, keys: string[], check?: (body: any) => void][] = [
  ['PostRegister', 'experience', INTERACTION, (b) => expect(b.interactionEvent).toBe('Register')],
  ['PostSignIn', 'experience', INTERACTION, (b) => expect(b.interactionEvent).toBe('SignIn')],
  ['PostSignInAdaptiveMfaTriggered', 'new-country', ['adaptiveMfaResult', ...INTERACTION], (b) => expect(b.adaptiveMfaResult).toMatchObject({ requiresMfa: true, triggeredRules: [{ rule: 'new_country' }] })],
  ['PostSignInAdaptiveMfaTriggered', 'geo-velocity', ['adaptiveMfaResult', ...INTERACTION], (b) => expect(b.adaptiveMfaResult.triggeredRules[0].rule).toBe('geo_velocity')],
  ['PostSignInAdaptiveMfaTriggered', 'long-inactivity', ['adaptiveMfaResult', ...INTERACTION], (b) => expect(b.adaptiveMfaResult.triggeredRules[0].rule).toBe('long_inactivity')],
  ['PostSignInAdaptiveMfaTriggered', 'untrusted-ip', ['adaptiveMfaResult', ...INTERACTION], (b) => expect(b.adaptiveMfaResult.triggeredRules[0].rule).toBe('untrusted_ip')],
  ['PostResetPassword', 'experience', INTERACTION, (b) => expect(b.interactionEvent).toBe('ForgotPassword')],
  ['User.Created', 'management-api', [...MGMT, 'data', 'hookId'], (b) => expect(b).toMatchObject({ path: '/users', method: 'POST', status: 200, data: { hasPassword: true } })],
  ['User.Created', 'experience', [...EXPERIENCE, 'data', 'hookId'], (b) => expect(b.data).not.toHaveProperty('hasPassword')],
  // Corrections: appendDataHookContext puts data before the route keys.
  ['User.Deleted', 'management-api', ['event', 'createdAt', 'userAgent', 'ip', 'data', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId'], (b) => expect(b).toMatchObject({ method: 'DELETE', status: 204, matchedRoute: '/users/:userId', path: `/users/${b.data.id}` })],
  ['User.Data.Updated', 'management-api', [...MGMT, 'data', 'hookId'], (b) => expect(b.data).toHaveProperty('hasPassword')],
  ['User.Data.Updated', 'custom-data', [...MGMT, 'data', 'hookId'], (b) => { expect(b.matchedRoute).toBe('/users/:userId/custom-data'); expect(b.data).toEqual({ plan: 'pro' }); }],
  ['User.Data.Updated', 'profile', [...MGMT, 'data', 'hookId'], (b) => { expect(b.matchedRoute).toBe('/users/:userId/profile'); expect(b.data).not.toHaveProperty('id'); }],
  ['User.Data.Updated', 'password', [...MGMT, 'data', 'hookId'], (b) => expect(b.matchedRoute).toBe('/users/:userId/password')],
  ['User.Data.Updated', 'account-api', ['event', 'createdAt', 'userAgent', 'ip', 'data', 'hookId'], (b) => expect(b.data).not.toHaveProperty('hasPassword')],
  ['User.Data.Updated', 'logto-configs', ['event', 'createdAt', 'userAgent', 'ip', 'data', 'hookId'], (b) => expect(b.userAgent).toBe('node')],
  ['User.Data.Updated', 'experience', [...EXPERIENCE, 'data', 'hookId']],
  ['User.SuspensionStatus.Updated', 'management-api', [...MGMT, 'data', 'hookId'], (b) => expect(b.data.isSuspended).toBe(true)],
  ['Role.Created', 'management-api', [...MGMT, 'data', 'hookId'], (b) => expect(Object.keys(b.data)).toEqual(['tenantId', 'id', 'name', 'description', 'type', 'isDefault'])],
  ['Role.Deleted', 'management-api', [...MGMT, 'hookId'], (b) => expect(b.status).toBe(204)],
  ['Role.Data.Updated', 'management-api', [...MGMT, 'data', 'hookId'], (b) => expect(b.method).toBe('PATCH')],
  ['Role.Scopes.Updated', 'assign', [...MGMT, 'data', 'hookId'], (b) => { expect(b.status).toBe(201); expect(Array.isArray(b.data)).toBe(true); }],
  ['Role.Scopes.Updated', 'role-creation', [...MGMT, 'roleId', 'data', 'hookId'], (b) => expect(b.matchedRoute).toBe('/roles')],
  ['Role.Scopes.Updated', 'remove', [...MGMT, 'hookId'], (b) => expect(b.matchedRoute).toBe('/roles/:id/scopes/:scopeId')],
  ['Scope.Created', 'management-api', [...MGMT, 'data', 'hookId'], (b) => expect(b.path).toBe(`/resources/${b.data.resourceId}/scopes`)],
  ['Scope.Deleted', 'management-api', [...MGMT, 'hookId']],
  ['Scope.Data.Updated', 'management-api', [...MGMT, 'data', 'hookId']],
  ['Organization.Created', 'management-api', [...MGMT, 'data', 'hookId'], (b) => expect(b.data.id).toMatch(/^[a-z0-9]{12}$/)],
  ['Organization.Deleted', 'management-api', [...MGMT, 'hookId']],
  ['Organization.Data.Updated', 'management-api', [...MGMT, 'data', 'hookId']],
  ['Organization.Membership.Updated', 'add-users', [...MGMT, 'organizationId', 'addedUserIds', 'hookId'], (b) => expect(b.status).toBe(201)],
  ['Organization.Membership.Updated', 'remove-user', [...MGMT, 'organizationId', 'removedUserIds', 'hookId'], (b) => expect(b.status).toBe(204)],
  ['Organization.Membership.Updated', 'replace-users', [...MGMT, 'organizationId', 'addedUserIds', 'removedUserIds', 'hookId'], (b) => expect(b).toMatchObject({ method: 'PUT', status: 204 })],
  ['Organization.Membership.Updated', 'add-applications', [...MGMT, 'organizationId', 'addedApplicationIds', 'hookId']],
  ['Organization.Membership.Updated', 'replace-applications', [...MGMT, 'organizationId', 'addedApplicationIds', 'removedApplicationIds', 'hookId'], (b) => expect(b).toMatchObject({ method: 'PUT', status: 204 })],
  ['Organization.Membership.Updated', 'remove-application', [...MGMT, 'organizationId', 'removedApplicationIds', 'hookId'], (b) => expect(b.removedApplicationIds).toEqual([b.params.applicationId])],
  ['Organization.Membership.Updated', 'invitation-accepted', [...MGMT, 'organizationId', 'hookId'], (b) => expect(b).toMatchObject({ method: 'PUT', status: 200, matchedRoute: '/organization-invitations/:id/status' })],
  ['Organization.Membership.Updated', 'jit-provisioning', [...EXPERIENCE, 'organizationId', 'addedUserIds', 'hookId'], (b) => expect(b.interactionEvent).toBe('Register')],
  ['Organization.Membership.Updated', 'enterprise-sso-jit', [...EXPERIENCE, 'organizationId', 'addedUserIds', 'hookId'], (b) => expect(b.interactionEvent).toBe('Register')],
  ['Organization.Membership.Updated', 'one-time-token-jit', [...EXPERIENCE, 'organizationId', 'addedUserIds', 'hookId'], (b) => expect(b.interactionEvent).toBe('SignIn')],
  ['OrganizationRole.Created', 'management-api', [...MGMT, 'data', 'hookId']],
  ['OrganizationRole.Deleted', 'management-api', [...MGMT, 'hookId']],
  ['OrganizationRole.Data.Updated', 'management-api', [...MGMT, 'data', 'hookId']],
  ['OrganizationRole.Scopes.Updated', 'assign', [...MGMT, 'hookId']],
  ['OrganizationRole.Scopes.Updated', 'replace', [...MGMT, 'hookId'], (b) => expect(b).toMatchObject({ method: 'PUT', status: 204 })],
  ['OrganizationRole.Scopes.Updated', 'remove', [...MGMT, 'hookId'], (b) => expect(b.matchedRoute).toBe('/organization-roles/:id/scopes/:organizationScopeId')],
  ['OrganizationRole.Scopes.Updated', 'role-creation', [...MGMT, 'organizationRoleId', 'hookId'], (b) => expect(b).toMatchObject({ matchedRoute: '/organization-roles', status: 201 })],
  ['OrganizationScope.Created', 'management-api', [...MGMT, 'data', 'hookId']],
  ['OrganizationScope.Deleted', 'management-api', [...MGMT, 'hookId']],
  ['OrganizationScope.Data.Updated', 'management-api', [...MGMT, 'data', 'hookId']],
  ['Identifier.Lockout', 'email', [...EXPERIENCE, 'type', 'value', 'hookId'], (b) => expect(b.type).toBe('email')],
  ['Identifier.Lockout', 'username', [...EXPERIENCE, 'type', 'value', 'hookId'], (b) => expect(b.type).toBe('username')],
  ['Identifier.Lockout', 'phone', [...EXPERIENCE, 'type', 'value', 'hookId'], (b) => { expect(b.type).toBe('phone'); expect(b.value).toMatch(/^\d+$/); }],
  ['Message.RateLimited', 'experience', [...EXPERIENCE, 'action', 'recipient', 'hookId'], (b) => expect(b.action).toBe('VerificationCodeSend')],
  ['Message.RateLimited', 'account-api', ['event', 'createdAt', 'userAgent', 'ip', 'action', 'recipient', 'hookId'], (b) => expect(b.action).toBe('VerificationCodeSend')],
  ['Grant.LimitExceeded', 'authorization', ['event', 'createdAt', 'ip', 'userAgent', 'application', 'userId', 'applicationId', 'revokedGrantIds', 'maxAllowedGrants', 'preRevocationActiveGrantCount', 'hookId']],
];

const body = (event: string, variant: string, options: Record<string, unknown> = {}) =>
  JSON.parse(prepareEvent({ provider: logto, event, variant, now: NOW, seed: 11, options }).request.body);

describe('every Logto event', () => {
  test('the 29 events of 1.42 in hookEvents order, then TrustedDevice after User.SuspensionStatus.Updated', () => {
    const names = logto.events.map((event) => event.name);
    expect(names.filter((name) => !name.startsWith('TrustedDevice'))).toEqual(HOOK_EVENTS_142);
    expect(names.slice(8, 10)).toEqual(['TrustedDevice.Created', 'TrustedDevice.Deleted']);
  });

  test('every variant of every event is covered by this table', () => {
    const listed = logto.events.filter((event) => !event.name.startsWith('TrustedDevice')).flatMap((event) => event.variants.map((variant) => `${event.name}/${variant.name}`));
    expect(cases.map(([event, variant]) => `${event}/${variant}`).sort()).toEqual(listed.sort());
  });

  test.each(cases)('%s (%s): key order, types, strict contract', (event, variant, keys, check) => {
    const payload = body(event, variant);
    expect(Object.keys(payload)).toEqual(keys);
    expect(payload.event).toBe(event);
    expect(payload.createdAt).toBe(NOW);
    expect(payload.hookId).toMatch(/^[a-z0-9]{21}$/);
    if ('path' in payload) {
      expect(payload.path).not.toMatch(/^\/api/);
      expect(payload.matchedRoute).not.toMatch(/^\/api/);
    }
    if (payload.user) expect(payload.user.createdAt).toEqual(expect.any(Number));
    expect(logtoWebhookPayload.safeParse(payload).success).toBe(true);
    check?.(payload);
  });
});

describe('options and profiles', () => {
  test('TrustedDevice.* only with 1.43 and dev features; data {id, userId, expiresAt}, no ip', () => {
    expect(() => body('TrustedDevice.Created', 'experience')).toThrow(UsageError);
    expect(() => body('TrustedDevice.Created', 'experience', { version: '1.43' })).toThrow(/dev features/);
    const created = body('TrustedDevice.Created', 'experience', { version: '1.43', devFeatures: true });
    // Fired in the Experience API with includeRequestIp: false.
    expect(Object.keys(created)).toEqual(['event', 'createdAt', 'interactionEvent', 'userAgent', 'applicationId', 'sessionId', 'application', 'data', 'hookId']);
    expect(Object.keys(created.data)).toEqual(['id', 'userId', 'expiresAt']);
    const deleted = body('TrustedDevice.Deleted', 'management-api', { version: 'master', devFeatures: true });
    expect(Object.keys(deleted)).toEqual(['event', 'createdAt', 'userAgent', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId']);
    expect(deleted).toMatchObject({ method: 'DELETE', status: 204, matchedRoute: '/users/:userId/trusted-devices/:trustedDeviceId', params: { trustedDeviceId: deleted.data.id } });
    expect(Object.keys(deleted.params)).toEqual(['userId', 'trustedDeviceId']);
    expect(Object.keys(body('TrustedDevice.Deleted', 'no-route-context', { version: '1.43', devFeatures: true }))).toEqual(['event', 'createdAt', 'userAgent', 'data', 'hookId']);
  });

  test('ipField: as the code sends it by default; one name everywhere on request', () => {
    expect(body('PostSignIn', 'experience')).toHaveProperty('userIp');
    expect(body('User.Created', 'management-api')).toHaveProperty('ip');
    const renamed = body('PostSignIn', 'experience', { ipField: 'ip' });
    expect(Object.keys(renamed)).toEqual(INTERACTION.map((key) => (key === 'userIp' ? 'ip' : key)));
    expect(Object.keys(body('User.Created', 'management-api', { ipField: 'userIp' }))).toContain('userIp');
  });

  test('membership deltas: empty lists omitted, each capped at 5000', () => {
    const many = Array.from({ length: 6000 }, (_, i) => `u${i}`);
    const delta = membershipDelta({ addedUserIds: many, removedUserIds: [], addedApplicationIds: ['a'] });
    expect(Object.keys(delta)).toEqual(['addedUserIds', 'addedApplicationIds']);
    expect((delta.addedUserIds as string[]).length).toBe(5000);
  });
});
