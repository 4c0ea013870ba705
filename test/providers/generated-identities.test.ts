import { describe, expect, test } from 'vitest';
import { prepareEvent } from '../../src/send.js';
import { createDexieActor } from '../../src/providers/dexie-cloud/identity.js';
import { BROWSER_AGENTS, createLogtoActor, hookIdFromSeed, pickUserInfo } from '../../src/providers/logto/identity.js';
import { logtoVersions, userInfoSelectFields } from '../../src/providers/logto/versions.js';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const SEEDS = Array.from({ length: 2000 }, (_, i) => i * 7 + 1);
/** RFC 5737 documentation networks, host part 1-254. */
const DOCUMENTATION_IP = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])$/;

describe('Logto actors drawn from seeds', () => {
  const actors = SEEDS.map((seed) => createLogtoActor(seed, NOW));

  test('every field has the form Logto gives it, for every seed', () => {
    for (const { user, application, userAgent, ip } of actors) {
      expect(user.id).toMatch(/^[a-z0-9]{12}$/);
      expect(user.username).toMatch(/^[A-Z_a-z]\w*$/);
      expect(user.primaryEmail).toMatch(/^[a-z0-9._-]+@(gmail|yahoo|hotmail)\.com$/);
      expect(user.name).toMatch(/^[A-Z][A-Za-z']+ [A-Z][A-Za-z'-]+$/);
      expect(application.id).toMatch(/^[a-z0-9]{21}$/);
      expect(application.name).toMatch(/ Web$/);
      expect(BROWSER_AGENTS).toContain(userAgent);
      expect(ip).toMatch(DOCUMENTATION_IP);
      // Registered 7-400 days ago, last signed in 12 h - 6 days ago.
      expect(NOW - user.createdAt).toBeGreaterThanOrEqual(7 * 86_400_000);
      expect(NOW - user.createdAt).toBeLessThanOrEqual(400 * 86_400_000);
      expect(NOW - user.lastSignInAt!).toBeGreaterThanOrEqual(43_200_000);
      expect(NOW - user.lastSignInAt!).toBeLessThanOrEqual(6 * 86_400_000);
    }
  });

  test('different seeds are different people; all three networks and every browser are used', () => {
    expect(new Set(actors.map(({ user }) => user.id)).size).toBe(actors.length);
    expect(new Set(actors.map(({ user }) => user.primaryEmail)).size).toBeGreaterThan(actors.length * 0.98);
    expect(new Set(actors.map(({ ip }) => ip.split('.').slice(0, 3).join('.'))).size).toBe(3);
    expect(new Set(actors.map(({ userAgent }) => userAgent)).size).toBe(BROWSER_AGENTS.length);
  });

  test('hook ids are 21 lowercase alphanumerics, one per seed', () => {
    const ids = SEEDS.slice(0, 500).map(hookIdFromSeed);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(logtoVersions)('pickUserInfo(%s) has exactly userInfoSelectFields, in order', (version) => {
    expect(Object.keys(pickUserInfo(actors[0]!.user, version))).toEqual([...userInfoSelectFields(version)]);
  });
});

describe('events from seeds', () => {
  const body = (seed: number) => prepareEvent({ provider: 'logto', event: 'PostRegister', seed, now: NOW, signingKey: 'k'.repeat(32) }).request.body;

  test('the same seed gives the same bytes; another seed other bytes', () => {
    expect(body(42)).toBe(body(42));
    expect(body(43)).not.toBe(body(42));
  });

  test('a seed gives the same event whatever was built before it (no state leaks between events)', () => {
    const alone = body(9);
    for (let seed = 0; seed < 50; seed++) body(seed);
    prepareEvent({ provider: 'logto', event: 'Role.Created', seed: 9, now: NOW });
    expect(body(9)).toBe(alone);
  });

  test('each event carries its own time, also when times alternate', () => {
    const createdAt = (now: number) => (JSON.parse(prepareEvent({ provider: 'logto', event: 'PostSignIn', seed: 1, now }).request.body) as { createdAt: string }).createdAt;
    expect([NOW, NOW + 1000, NOW, NOW + 1000].map(createdAt)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T08:00:01.000Z', '2026-03-02T08:00:00.000Z', '2026-03-02T08:00:01.000Z']);
  });

  test('PostRegister of seed 1 is pinned (changing a draw changes every golden output: regenerate them deliberately)', () => {
    const payload = JSON.parse(body(1)) as { sessionId: string; user: { id: string; username: string; primaryEmail: string }; hookId: string };
    expect({ sessionId: payload.sessionId, ...payload.user, hookId: payload.hookId }).toMatchObject(PINNED_LOGTO_SEED_1);
  });

  test('Dexie Cloud users: valid lowercase emails, external ids, distinct per seed', () => {
    const users = SEEDS.map(createDexieActor);
    for (const user of users) {
      expect(user.email).toMatch(/^[a-z0-9._-]+@(gmail|yahoo|hotmail)\.com$/);
      expect(user.externalId).toMatch(/^usr_[a-z0-9]{16}$/);
    }
    expect(new Set(users.map(({ externalId }) => externalId)).size).toBe(users.length);
    expect(createDexieActor(1)).toEqual(PINNED_DEXIE_SEED_1);
  });
});

const PINNED_LOGTO_SEED_1 = { sessionId: 'TmQl9geCGCSlmYV0HG57Z', id: '1qfnktpsffyv', username: 'Tyler_Blick64', primaryEmail: 'tyler.blick95@hotmail.com', hookId: 'lfu8mofi3noj0ffe2x2os' };
const PINNED_DEXIE_SEED_1 = { email: 'tyler_blick@gmail.com', name: 'Tyler Blick', externalId: 'usr_qfnktpsffyvuxgvf' };
