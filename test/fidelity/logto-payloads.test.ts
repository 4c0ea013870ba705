import express from 'express';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { JsonObject } from '../../src/core/json.js';
import { dispatchLogtoEvents, signUpTriggers } from '../../src/providers/logto/flows/fanout.js';
import { logtoWebhookPayload } from '../../src/providers/logto/contract.js';
import { haversineKm } from '../../src/providers/logto/events/adaptive-mfa.js';
import { logto } from '../../src/providers/logto/index.js';
import { logtoTestPayload } from '../../src/providers/logto/test-payload.js';
import { prepareEvent } from '../../src/send.js';

/** Fidelity corrections of issue 10, items 3-7 and 12, each against the source fact it restores. */

const NOW = '2026-03-02T08:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;

const build = (event: string, variant?: string, options: Record<string, unknown> = {}, actor?: JsonObject, seed = 31) =>
  prepareEvent({ provider: logto, event, ...(variant ? { variant } : {}), now: NOW, seed, options, ...(actor ? { actor } : {}) });
const body = (event: string, variant?: string, options: Record<string, unknown> = {}) => JSON.parse(build(event, variant, options).request.body) as Record<string, any>;

describe('one sign-up: one interaction, one user row (item 3)', () => {
  test('dispatched together, PostRegister and User.Created share sessionId and user createdAt', async () => {
    const bodies: Record<string, any>[] = [];
    const app = express();
    app.post('*splat', express.json(), (req, res) => {
      bodies.push(req.body);
      res.sendStatus(204);
    });
    await dispatchLogtoEvents({ hooks: [{ id: 'h0000000000000000000a', events: ['PostRegister', 'User.Created'], target: app }], triggers: signUpTriggers, seed: 4, now: NOW_MS });
    const register = bodies.find((b) => b.event === 'PostRegister')!;
    const created = bodies.find((b) => b.event === 'User.Created')!;
    expect(created.sessionId).toBe(register.sessionId);
    expect(created.data.createdAt).toBe(register.user.createdAt);
    expect(created.data.id).toBe(register.user.id);
    // The row as inserted (no sign-in yet) vs re-read after the sign-up (signed in).
    expect(created.data).toMatchObject({ lastSignInAt: null, updatedAt: register.user.createdAt });
    expect(register.user.lastSignInAt).toBe(register.user.createdAt);
  });

  test('in either order: User.Created first, then PostRegister joins its interaction', () => {
    const first = build('User.Created', 'experience');
    const second = build('PostRegister', undefined, {}, first.actor);
    const [a, b] = [first.payload as Record<string, any>, second.payload as Record<string, any>];
    expect(b.sessionId).toBe(a.sessionId);
    expect(b.user.createdAt).toBe(a.data.createdAt);
  });

  test('a later sign-in is a new interaction with a new sessionId', () => {
    const register = build('PostRegister');
    const signIn = build('PostSignIn', undefined, {}, register.actor, 32);
    expect((signIn.payload as any).sessionId).not.toBe((register.payload as any).sessionId);
  });

  test('a second PostRegister after a finished sign-up opens a new interaction', () => {
    const a = build('PostRegister');
    const b = build('PostRegister', undefined, {}, a.actor, 32);
    expect((b.payload as any).sessionId).not.toBe((a.payload as any).sessionId);
  });
});

describe('adaptive MFA details as the rules build them (item 4)', () => {
  const rule = (variant: string) => body('PostSignInAdaptiveMfaTriggered', variant).adaptiveMfaResult.triggeredRules[0];

  test('new_country: {currentCountry, windowDays: 180, recentCountries: [{country, lastSignInAt}]}', () => {
    const { rule: name, details } = rule('new-country');
    expect(name).toBe('new_country');
    expect(Object.keys(details)).toEqual(['currentCountry', 'windowDays', 'recentCountries']);
    expect(details.windowDays).toBe(180);
    expect(Object.keys(details.recentCountries[0])).toEqual(['country', 'lastSignInAt']);
    expect(details.recentCountries.map((r: any) => r.country)).not.toContain(details.currentCountry);
    expect(details.recentCountries[0].lastSignInAt).toEqual(expect.any(Number));
  });

  test('geo_velocity: previous/current places, distance and speed over 900 km/h, consistent with user.lastSignInAt', () => {
    const payload = body('PostSignInAdaptiveMfaTriggered', 'geo-velocity');
    const { details } = payload.adaptiveMfaResult.triggeredRules[0];
    expect(Object.keys(details)).toEqual(['previous', 'current', 'distanceKm', 'durationHours', 'speedKmh', 'thresholdKmh']);
    expect(Object.keys(details.previous)).toEqual(['country', 'at']);
    expect(Object.keys(details.current)).toEqual(['country', 'city', 'at']);
    expect(details.thresholdKmh).toBe(900);
    expect(details.speedKmh).toBeGreaterThan(900);
    expect(Date.parse(details.previous.at)).toBe(payload.user.lastSignInAt);
    expect(details.current.at).toBe(NOW);
    // speedKmh is rounded from the unrounded distance and duration.
    expect(Math.abs(details.speedKmh - details.distanceKm / details.durationHours) / details.speedKmh).toBeLessThan(0.01);
  });

  test('long_inactivity: over 30 days since lastSignInAt (ISO), the user row agrees', () => {
    const payload = body('PostSignInAdaptiveMfaTriggered', 'long-inactivity');
    const { details } = payload.adaptiveMfaResult.triggeredRules[0];
    expect(Object.keys(details)).toEqual(['lastSignInAt', 'inactivityDays', 'thresholdDays']);
    expect(details.thresholdDays).toBe(30);
    expect(details.inactivityDays).toBeGreaterThan(30);
    expect(Date.parse(details.lastSignInAt)).toBe(payload.user.lastSignInAt);
    expect(details.inactivityDays).toBeCloseTo((NOW_MS - payload.user.lastSignInAt) / DAY, 2);
  });

  test('untrusted_ip: {signals: {botScore, botVerified}, matchedSignals: ["botScore<30"]}', () => {
    const { rule: name, details } = rule('untrusted-ip');
    expect(name).toBe('untrusted_ip');
    expect(Object.keys(details)).toEqual(['signals', 'matchedSignals']);
    expect(details.signals.botScore).toBeLessThan(30);
    expect(details.matchedSignals).toEqual(['botScore<30']);
  });

  test('haversine as the haversine-distance package: Berlin to New York is about 6 400 km', () => {
    expect(haversineKm({ latitude: 52.52, longitude: 13.405 }, { latitude: 40.7128, longitude: -74.006 })).toBeGreaterThan(6_380);
    expect(haversineKm({ latitude: 52.52, longitude: 13.405 }, { latitude: 40.7128, longitude: -74.006 })).toBeLessThan(6_410);
    expect(haversineKm({ latitude: 1, longitude: 1 }, { latitude: 1, longitude: 1 })).toBe(0);
  });
});

describe('membership and role routes (item 5)', () => {
  test('invitation accepted: PUT /organization-invitations/:id/status, status 200, organizationId only without dev features', () => {
    const plain = body('Organization.Membership.Updated', 'invitation-accepted');
    expect(plain).toMatchObject({ path: `/organization-invitations/${plain.params.id}/status`, method: 'PUT', status: 200 });
    expect(plain).not.toHaveProperty('addedUserIds');
    expect(plain).not.toHaveProperty('interactionEvent');
    const dev = body('Organization.Membership.Updated', 'invitation-accepted', { devFeatures: true });
    expect(dev.addedUserIds).toEqual([expect.stringMatching(/^[a-z0-9]{12}$/)]);
  });

  test('OrganizationRole.Scopes.Updated on creation with scopes: organizationRoleId after the route keys, no data', () => {
    const payload = body('OrganizationRole.Scopes.Updated', 'role-creation');
    expect(payload).toMatchObject({ path: '/organization-roles', method: 'POST', status: 201, params: {} });
    expect(payload.organizationRoleId).toMatch(/^[a-z0-9]{21}$/);
    expect(payload).not.toHaveProperty('data');
  });

  test('User.Data.Updated from PATCH /users/:userId/logto-configs: the user, no route keys', () => {
    const payload = body('User.Data.Updated', 'logto-configs');
    expect(payload).not.toHaveProperty('path');
    expect(payload.data).not.toHaveProperty('hasPassword');
    expect(payload.data.id).toMatch(/^[a-z0-9]{12}$/);
  });
});

describe('what the contract accepts (item 7)', () => {
  const accepts = (payload: unknown) => logtoWebhookPayload.safeParse(payload);

  test.each(logto.events.map((event) => event.name))("Logto's own test payload for %s, in both profiles", (event) => {
    for (const version of ['1.42', '1.43'] as const) {
      const result = accepts(logtoTestPayload(event, 'jhcgbb09lfhk448jds1jr', NOW_MS, version));
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  test('a top-level cimdClientId in an interaction payload (master)', () => {
    const payload = { ...body('PostSignIn'), cimdClientId: 'https://client.example.com/metadata.json' };
    expect(accepts(payload).success).toBe(true);
  });

  test('an invitation accept as Logto sends it without dev features: route keys and organizationId only', () => {
    const payload = { event: 'Organization.Membership.Updated', createdAt: NOW, userAgent: 'node', ip: '::1', path: '/organization-invitations/abc/status', method: 'PUT', status: 200, params: { id: 'abc' }, matchedRoute: '/organization-invitations/:id/status', organizationId: 'o1', hookId: 'jhcgbb09lfhk448jds1jr' };
    expect(accepts(payload).success).toBe(true);
  });

  test('still strict: a key Logto never sends is refused, with its name', () => {
    const result = accepts({ ...body('PostSignIn'), tenantId: 'default' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('tenantId');
  });
});

describe('version profiles (item 12)', () => {
  test('master with a CIMD client: top-level cimdClientId, no application', () => {
    const payload = body('PostSignIn', undefined, { version: 'master', cimdClientId: 'https://client.example.com/metadata.json' });
    expect(payload.cimdClientId).toBe('https://client.example.com/metadata.json');
    expect(payload).not.toHaveProperty('application');
    expect(Object.keys(payload).slice(-2)).toEqual(['cimdClientId', 'hookId']);
    expect(payload.user).toHaveProperty('cimdClientId');
  });

  test('master without a CIMD client sends what 1.43 sends', () => {
    expect(Object.keys(body('PostSignIn', undefined, { version: 'master' }))).toEqual(Object.keys(body('PostSignIn', undefined, { version: '1.43' })));
  });

  test('cimdClientId with another profile is a usage error naming the profile to use', () => {
    expect(() => build('PostSignIn', undefined, { version: '1.43', cimdClientId: 'https://client.example.com/m.json' })).toThrow(UsageError);
    expect(() => build('PostSignIn', undefined, { version: '1.43', cimdClientId: 'https://client.example.com/m.json' })).toThrow(/version=master/);
  });

  test('the organization row carries isTrustedDeviceAllowed only with 1.43/master and dev features (master hides it otherwise)', () => {
    expect(body('Organization.Created', undefined, { version: '1.43', devFeatures: true }).data.isTrustedDeviceAllowed).toBe(true);
    expect(body('Organization.Created', undefined, { version: '1.43' }).data).not.toHaveProperty('isTrustedDeviceAllowed');
    expect(body('Organization.Created', undefined, { version: '1.42', devFeatures: true }).data).not.toHaveProperty('isTrustedDeviceAllowed');
  });

  test('hooksim list says what each profile rests on', () => {
    const notes = (logto as { notes?: readonly string[] }).notes ?? [];
    expect(notes.join('\n')).toMatch(/1\.43.*@logto\/schemas 1\.43\.0 only/);
    expect(notes.join('\n')).toMatch(/master/);
  });
});
