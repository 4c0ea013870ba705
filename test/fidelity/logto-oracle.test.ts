import * as oracle from 'logto-schemas-oracle';
import { describe, expect, test } from 'vitest';
import { logtoWebhookPayload } from '../../src/providers/logto/contract.js';
import { logto } from '../../src/providers/logto/index.js';
import { prepareEvent } from '../../src/send.js';

/**
 * Every payload hooksim can emit (each event, each variant, each version profile), checked against
 * the real guards of npm @logto/schemas 1.42.0 (the `logto-schemas-oracle` wrapper, zod 3) where
 * one exists, and key orders asserted from the source facts in ../shared/contracts/logto.md
 * (Corrections included). There is no 1.43.0 oracle: 1.43/master rows are checked with the 1.42
 * guards (non-strict, so 1.43's extra columns pass) plus the 1.43 key lists written out here.
 */

// The guards are zod 3 objects typed loosely here: they only validate hooksim's output.
type Guard = { safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } }; shape: Record<string, unknown>; strict(): Guard; pick(keys: Record<string, true>): Guard; array(): Guard };
const o = oracle as unknown as Record<string, any>;
const guard = (name: string): Guard => o[name].guard as Guard;
const userInfoGuard = o.userInfoGuard as Guard;
const userProfileResponseGuard = o.userProfileResponseGuard as Guard;
const jsonObjectGuard = o.jsonObjectGuard as Guard;
const userProfileGuard = o.userProfileGuard as Guard;
const registration = o.managementApiHooksRegistration as Record<string, string>;
const hookEvents142 = o.hookEvents as string[];
const interactionEvents = Object.values(o.InteractionEvent as Record<string, string>);
const applicationGuard = guard('Applications').pick({ id: true, type: true, name: true, description: true }).strict();

const NOW = '2026-03-02T08:00:00.000Z';

const PROFILES = [
  { label: '1.42', options: { version: '1.42' } },
  { label: '1.43', options: { version: '1.43' } },
  { label: '1.43 + dev features', options: { version: '1.43', devFeatures: true } },
  { label: 'master + dev features', options: { version: 'master', devFeatures: true } },
] as const;

// logto.md §2.3 (userInfoSelectFields), written out; 1.43 inserts cimdClientId before isSuspended.
const USER_142 = ['id', 'username', 'primaryEmail', 'primaryPhone', 'name', 'avatar', 'customData', 'identities', 'lastSignInAt', 'createdAt', 'updatedAt', 'profile', 'applicationId', 'isSuspended'];
const USER_143 = [...USER_142.slice(0, 13), 'cimdClientId', 'isSuspended'];
// §2.2 key orders.
const INTERACTION = ['event', 'interactionEvent', 'createdAt', 'sessionId', 'userAgent', 'userId', 'userIp', 'user', 'application'];
const MGMT_ROUTE = ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute'];
const EXPERIENCE = ['event', 'createdAt', 'interactionEvent', 'userAgent', 'applicationId', 'sessionId', 'ip', 'application'];
// Organization row of @logto/schemas 1.42.0, as the guard orders it (checked against the guard below).
const ORGANIZATION_142 = ['tenantId', 'id', 'name', 'description', 'customData', 'isMfaRequired', 'color', 'branding', 'customCss', 'createdAt'];

/** Payloads appended by hand (`appendDataHookContext`): their route may be registered to another event, or not at all. */
const APPENDED = new Set([
  'User.Deleted/management-api',
  'Role.Scopes.Updated/role-creation',
  'OrganizationRole.Scopes.Updated/role-creation',
  'TrustedDevice.Deleted/management-api',
  ...logto.events.find((event) => event.name === 'Organization.Membership.Updated')!.variants.map((variant) => `Organization.Membership.Updated/${variant.name}`),
]);

const cases = PROFILES.flatMap((profile) =>
  logto.events.flatMap((event) =>
    event.variants
      .filter(() => !event.name.startsWith('TrustedDevice') || ('devFeatures' in profile.options && profile.options.devFeatures))
      .map((variant) => ({ profile: profile.label, options: profile.options as Record<string, unknown>, event: event.name, variant: variant.name })),
  ),
);

function build(event: string, variant: string, options: Record<string, unknown>): Record<string, any> {
  return JSON.parse(prepareEvent({ provider: logto, event, variant, now: NOW, seed: 23, options }).request.body);
}

function expectParses(g: Guard, value: unknown, what: string): void {
  const result = g.safeParse(value);
  expect(result.success, `${what}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
}

/** The entity guard for a data event's row, by event prefix. */
const ROW_GUARDS: Record<string, string> = {
  'Role.Created': 'Roles',
  'Role.Data.Updated': 'Roles',
  'Scope.Created': 'Scopes',
  'Scope.Data.Updated': 'Scopes',
  'Organization.Created': 'Organizations',
  'Organization.Data.Updated': 'Organizations',
  'OrganizationRole.Created': 'OrganizationRoles',
  'OrganizationRole.Data.Updated': 'OrganizationRoles',
  'OrganizationScope.Created': 'OrganizationScopes',
  'OrganizationScope.Data.Updated': 'OrganizationScopes',
};

describe('the oracle itself', () => {
  test('the 1.42.0 guards are the ones the key lists were written from', () => {
    expect(Object.keys(guard('Organizations').shape)).toEqual(ORGANIZATION_142);
    expect(o.userInfoSelectFields).toEqual(USER_142);
    expect(hookEvents142).toHaveLength(29);
  });
});

/** One check per fact, each a function of the built payload; run together per case to keep the suite fast. */
const checks: [fact: string, check: (payload: Record<string, any>, c: (typeof cases)[number], is143: boolean) => void][] = [];
const check = (fact: string, fn: (payload: Record<string, any>, c: (typeof cases)[number], is143: boolean) => void) => checks.push([fact, fn]);
{

  check('event name: in 1.42.0 hookEvents, or one of the two 1.43 TrustedDevice events', (payload, c, is143) => {
    if (c.event.startsWith('TrustedDevice.')) expect(hookEvents142).not.toContain(c.event);
    else expect(hookEvents142).toContain(c.event);
    expect(payload.event).toBe(c.event);
    expect(Object.keys(payload).at(-1)).toBe('hookId');
  });

  check('the whole payload passes hooksim\'s own contract', (payload, c, is143) => {
    const result = logtoWebhookPayload.safeParse(payload);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  check('user objects: userInfoGuard, userInfoSelectFields order of the profile', (payload, c, is143) => {
    const users = [payload.user, payload.data && typeof payload.data === 'object' && 'username' in payload.data ? payload.data : undefined].filter(Boolean);
    for (const user of users) {
      expectParses(userInfoGuard, user, 'userInfoGuard');
      const keys = Object.keys(user).filter((key) => key !== 'hasPassword');
      expect(keys).toEqual(is143 ? USER_143 : USER_142);
      if ('hasPassword' in user) {
        expectParses(userProfileResponseGuard, user, 'userProfileResponseGuard');
        expect(Object.keys(user).at(-1)).toBe('hasPassword');
      }
    }
  });

  check('application: Applications.guard picked to id, type, name, description', (payload, c, is143) => {
    if (payload.application === undefined) return;
    expectParses(applicationGuard, payload.application, 'application');
    expect(Object.keys(payload.application)).toEqual(['id', 'type', 'name', 'description']);
  });

  check('interactionEvent is one of InteractionEvent', (payload, c, is143) => {
    if ('interactionEvent' in payload) expect(interactionEvents).toContain(payload.interactionEvent);
  });

  check('route: registered to this event in managementApiHooksRegistration unless appended by hand', (payload, c, is143) => {
    if (payload.matchedRoute === undefined) return;
    const key = `${payload.method} ${payload.matchedRoute}`;
    if (APPENDED.has(`${c.event}/${c.variant}`)) expect(registration[key]).not.toBe(c.event);
    else expect(registration[key]).toBe(c.event);
    expect(payload.path).not.toMatch(/^\/api\//);
  });

  check('entity rows: the table guard, strict, in the guard\'s key order', (payload, c, is143) => {
    const name = ROW_GUARDS[c.event];
    if (name === undefined) return;
    const row = { ...payload.data };
    const extra = name === 'Organizations' && is143 && 'devFeatures' in c.options ? ['isTrustedDeviceAllowed'] : [];
    expect(Object.keys(row).filter((key) => key !== 'isTrustedDeviceAllowed')).toEqual(Object.keys(guard(name).shape));
    expect(Object.keys(row).filter((key) => extra.includes(key))).toEqual(extra);
    for (const key of extra) delete row[key];
    expectParses(guard(name).strict(), row, name);
  });

  check('data of User.* events: the route response guard', (payload, c, is143) => {
    if (!c.event.startsWith('User.') || payload.data === undefined) return;
    if (c.variant === 'custom-data') expectParses(jsonObjectGuard, payload.data, 'jsonObjectGuard');
    else if (c.variant === 'profile') expectParses(userProfileGuard, payload.data, 'userProfileGuard');
    else expectParses(userInfoGuard, payload.data, 'userInfoGuard');
  });

  check('Role.Scopes.Updated data: Scopes.guard rows', (payload, c, is143) => {
    if (c.event !== 'Role.Scopes.Updated' || payload.data === undefined) return;
    expectParses(guard('Scopes').strict().array(), payload.data, 'Scopes[]');
  });

  check('top-level key order from the source facts', (payload, c, is143) => {
    const keys = Object.keys(payload);
    if (c.event.startsWith('Post')) {
      const start = c.event === 'PostSignInAdaptiveMfaTriggered' ? ['adaptiveMfaResult', ...INTERACTION] : INTERACTION;
      expect(keys).toEqual([...start, 'hookId']);
    } else if (c.event === 'User.Deleted') {
      expect(keys).toEqual(['event', 'createdAt', 'userAgent', 'ip', 'data', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId']);
    } else if (c.event === 'TrustedDevice.Created') {
      expect(keys).toEqual([...EXPERIENCE.filter((key) => key !== 'ip'), 'data', 'hookId']);
    } else if ('matchedRoute' in payload && 'ip' in payload) {
      expect(keys.slice(0, MGMT_ROUTE.length)).toEqual(MGMT_ROUTE);
    } else if ('sessionId' in payload && c.event !== 'Grant.LimitExceeded') {
      expect(keys.slice(0, EXPERIENCE.length)).toEqual(EXPERIENCE);
    }
  });
}

test.each(cases.map((c) => [`${c.profile}: ${c.event} (${c.variant})`, c] as const))('%s', (_name, c) => {
  const payload = build(c.event, c.variant, c.options);
  for (const [fact, fn] of checks) {
    try {
      fn(payload, c, c.options.version !== '1.42');
    } catch (error) {
      throw new Error(`${fact}: ${(error as Error).message}`);
    }
  }
});

test('every event and variant of every profile was checked (the table is not empty or partial)', () => {
  const variants = logto.events.reduce((sum, event) => sum + event.variants.length, 0);
  const trusted = logto.events.filter((event) => event.name.startsWith('TrustedDevice')).reduce((sum, event) => sum + event.variants.length, 0);
  expect(cases).toHaveLength(4 * variants - 2 * trusted);
});
