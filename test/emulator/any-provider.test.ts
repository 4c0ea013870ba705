/**
 * A provider the emulator has never heard of, with an API of its own (`Provider.emulator.api`),
 * is served, saved and shown like Logto's tenant: nothing in the emulator names it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UsageError } from '../../src/core/errors.js';
import { cli } from '../cli/helpers.js';
import { manualClock } from '../../src/core/clock.js';
import { createEmulator, type Emulator } from '../../src/emulator/emulator.js';
import { formatDelivery } from '../../src/emulator/format.js';
import { parseState } from '../../src/emulator/state.js';
import { CallRecorder } from '../../src/mock-apis/recorder.js';
import type { MockApi } from '../../src/mock-apis/types.js';
import type { EmulatedApi } from '../../src/providers/emulation.js';
import { getProvider, registerProvider } from '../../src/providers/registry.js';
import { withProviderScope } from '../../src/providers/scope.js';
import type { AnyProvider } from '../../src/providers/types.js';

/** Acme's directory: a list of user ids, `GET /users` answers it; the secret is an API key. */
function acmeDirectory(saved: { users: string[]; apiKey: string } | undefined, now: () => number): EmulatedApi {
  const state = structuredClone(saved ?? { users: ['u-seeded'], apiKey: 'acme-secret-key' });
  const calls = new CallRecorder();
  const api: MockApi = {
    provider: 'acme-idp',
    baseUrl: 'https://directory.acme.test',
    calls,
    handle(request) {
      const response = request.path === '/users' ? { status: 200, body: { users: state.users } } : { status: 404 };
      calls.record({ method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body, status: response.status, at: now() });
      return response;
    },
    stateView: () => structuredClone(state),
  };
  return {
    api,
    publicOrigin: 'https://directory.acme.test',
    actorFor(userId, generated) {
      if (!state.users.includes(userId)) throw new UsageError(`no user "${userId}" in Acme's directory`);
      return { ...generated, user: { ...(generated.user as object), id: userId } };
    },
    beforeDelivery: ({ actor }) => {
      const id = (actor.user as { id?: string } | undefined)?.id;
      if (id && !state.users.includes(id)) state.users.push(id);
    },
    save: () => structuredClone(state),
    redact: (saved) => ({ ...(saved as object), apiKey: '[redacted]' }),
    load(saved) {
      const next = saved as typeof state;
      state.users = [...next.users];
      if (next.apiKey !== '[redacted]') state.apiKey = next.apiKey;
    },
  };
}

const base = getProvider('standard-webhooks');
const acme: AnyProvider = {
  ...base,
  name: 'acme-idp',
  title: 'Acme identity',
  emulator: {
    outcomeLine: () => 'Acme marks the webhook delivered',
    api: {
      name: 'acme',
      label: 'Acme',
      defaultPort: 4499,
      flagSummary: '/users',
      routes: 'user directory at /users',
      stateSchema: z.object({ users: z.array(z.string()), apiKey: z.string() }),
      create: async ({ now, saved }) => acmeDirectory(saved as never, now),
    },
  },
};

let hook: Server;
let hookUrl: string;
beforeAll(async () => {
  hook = createServer((_req, res) => res.writeHead(204).end());
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => hook.close(() => resolve())));

describe('an emulated API from any provider', () => {
  it('is served beside the built-in ones, its state saved under its short name, its secret kept from the page', async () => {
    await withProviderScope(async () => {
      registerProvider(acme);
      const emulator: Emulator = await createEmulator({ clock: manualClock('2026-03-01T10:00:00Z') });
      try {
        // Listed after the APIs with lower default ports, served on its own listener.
        expect(emulator.apis.map((api) => api.name)).toEqual(['logto', 'dexie', 'acme']);
        expect(emulator.urls.acme).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const answer = await fetch(`${emulator.urls.acme}/users`);
        expect(await answer.json()).toEqual({ users: ['u-seeded'] });

        // A trigger naming one of its users speaks of that user; the provider's words describe the outcome.
        const delivery = await emulator.trigger({ provider: 'acme-idp', event: 'user.created', target: hookUrl, user: 'u-seeded' });
        expect(delivery.userId).toBe('u-seeded');
        expect(formatDelivery(delivery)).toContain('  outcome  Acme marks the webhook delivered\n');
        expect(emulator.callsOf(delivery.id)).toEqual([]);
        await expect(emulator.trigger({ provider: 'acme-idp', event: 'user.created', target: hookUrl, user: 'ghost' })).rejects.toThrow('no user "ghost" in Acme\'s directory');

        const saved = emulator.snapshot();
        expect(saved.acme).toEqual({ users: ['u-seeded'], apiKey: 'acme-secret-key' });
        const shown = emulator.publicSnapshot();
        expect(shown.acme).toEqual({ users: ['u-seeded'], apiKey: '[redacted]' });
        // The page's view comes back: the users change, the key stays the real one.
        emulator.load(parseState({ ...shown, acme: { users: ['u-2'], apiKey: '[redacted]' } }, 'state'));
        expect(emulator.snapshot().acme).toEqual({ users: ['u-2'], apiKey: 'acme-secret-key' });
        // Its part of a state file is checked by its own schema.
        expect(() => parseState({ ...saved, acme: { users: 'u-2' } }, 'state')).toThrow('state: not a hooksim state file: acme.users: ');
      } finally {
        await emulator.close();
      }
    });
  });

  it('gets its --<name>-port flag on serve and ui, among the built-in ones, from the providers\' catalog', async () => {
    await withProviderScope(async () => {
      registerProvider(acme);
      for (const command of ['serve', 'ui']) {
        const { code, stdout } = await cli([command, '--help']);
        expect(code).toBe(0);
        const flags = [...stdout.matchAll(/^ {2}(--[\w-]+)/gm)].map((match) => match[1]);
        expect(flags.slice(0, 5)).toEqual(['--port', '--logto-port', '--dexie-port', '--acme-port', '--state']);
        expect(stdout.replace(/\s+/g, ' ')).toContain('--acme-port <n> Acme mock (/users) port (default: "4499")');
      }
      // A bad value is named by its flag.
      expect(await cli(['serve', '--acme-port', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--acme-port') });
    });
  });

  it('a provider with only a scenario mock API (Provider.mockApi) is served too, on any free port, kept in step, not saved', async () => {
    const seen: string[] = [];
    const beta: AnyProvider = {
      ...base,
      name: 'beta-idp',
      title: 'Beta',
      mockApi: {
        async create(_spec, { now }) {
          const { api } = acmeDirectory(undefined, now);
          return { api, beforeDelivery: (actor) => void seen.push(String((actor.user as { id?: string } | undefined)?.id ?? 'someone')) };
        },
      },
    };
    await withProviderScope(async () => {
      registerProvider(beta);
      const emulator = await createEmulator({ clock: manualClock('2026-03-01T10:00:00Z') });
      try {
        expect(emulator.apis.map((api) => [api.name, api.label])).toEqual([['logto', 'Logto'], ['dexie', 'Dexie Cloud'], ['beta-idp', 'Beta']]);
        expect(await (await fetch(`${emulator.urls['beta-idp']}/users`)).json()).toEqual({ users: ['u-seeded'] });
        await emulator.trigger({ provider: 'beta-idp', event: 'user.created', target: hookUrl });
        expect(seen).toHaveLength(1);
        expect(Object.keys(emulator.snapshot())).toEqual(['hooksimState', 'nextSeed', 'logto', 'dexie']);
      } finally {
        await emulator.close();
      }
    });
  });

  it('a provider without an emulated API cannot name a user: the message names those that can', async () => {
    const emulator = await createEmulator({ clock: manualClock('2026-03-01T10:00:00Z') });
    try {
      await expect(emulator.trigger({ provider: 'dexie-cloud', event: 'new-user', target: hookUrl, user: 'x' })).rejects.toThrow('user applies to logto events only: dexie-cloud events cannot name a user of the emulator');
    } finally {
      await emulator.close();
    }
  });
});
