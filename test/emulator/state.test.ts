import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { createEmulator, type Emulator } from '../../src/emulator/emulator.js';
import { parseState, readStateFile, writeStateFile, type EmulatorState } from '../../src/emulator/state.js';
import type { LogtoMockApi } from '../../src/providers/logto/mock-api/index.js';
import type { LogtoTenantState } from '../../src/providers/logto/mock-api/saved-tenant.js';
import type { DexieDatabaseState } from '../../src/providers/dexie-cloud/mock-api/saved-database.js';

/** The emulator's Logto tenant API (the emulator itself knows it only by its short name). */
const logtoOf = (emulator: Emulator) => emulator.mockApi('logto') as LogtoMockApi;

const clock = manualClock('2026-03-01T10:00:00Z');
let emulators: Emulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  emulators = [];
});
async function emulator(state?: EmulatorState) {
  const created = await createEmulator({ clock, ...(state ? { state } : {}) });
  emulators.push(created);
  return created;
}
/** An in-process hook that answers 204 to everything. */
const ok = { app: (_req: unknown, res: { statusCode: number; end(): void }) => ((res.statusCode = 204), res.end()) };

describe('emulator state', () => {
  it('a saved tenant comes back whole: users, role assignments, Dexie users, the next seed', async () => {
    const first = await emulator();
    const registered = await first.trigger({ provider: 'logto', event: 'PostRegister', target: 'x' } as never).catch((error: Error) => error);
    expect(String(registered)).toContain('unknown target "x"');
    const config = { targets: { ok: ok as never } };
    const withTargets = await createEmulator({ clock, config });
    emulators.push(withTargets);
    const delivery = await withTargets.trigger({ provider: 'logto', event: 'PostRegister', target: 'ok' });
    const member = [...logtoOf(withTargets).tenant.roles.values()].find((role) => role.name === 'member')!;
    logtoOf(withTargets).tenant.userRoles.set(delivery.userId!, new Set([member.id]));
    const file = join(mkdtempSync(join(tmpdir(), 'hooksim-state-')), 'state.json');
    await writeStateFile(file, withTargets.snapshot());

    const restored = await emulator((await readStateFile(file))!);
    expect([...logtoOf(restored).tenant.users.keys()]).toEqual([delivery.userId]);
    expect(logtoOf(restored).stateView()).toEqual(logtoOf(withTargets).stateView());
    expect(restored.snapshot().nextSeed).toBe(2);
  });

  it('a missing state file is a first run; a malformed one is a one-line error naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hooksim-state-'));
    expect(await readStateFile(join(dir, 'absent.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{"hooksimState": 1, "nextSeed": -1}');
    await expect(readStateFile(join(dir, 'bad.json'))).rejects.toThrow(`state file ${join(dir, 'bad.json')}: not a hooksim state file: nextSeed: Too small: expected number to be >=0`);
    writeFileSync(join(dir, 'text.json'), 'users: []');
    await expect(readStateFile(join(dir, 'text.json'))).rejects.toThrow(/^state file .*text\.json: invalid JSON: /);
  });

  it('the page sees client secrets redacted, and loading that view back keeps the real secrets', async () => {
    const running = await emulator();
    const view = running.publicSnapshot() as EmulatorState & { logto: LogtoTenantState };
    expect(view.logto.clients).toEqual([{ clientId: 'hooksim-m2m', clientSecret: '[redacted]', scopes: ['all'] }]);
    expect(JSON.stringify(view)).not.toContain('hooksim-m2m-secret');
    view.logto.roles = view.logto.roles.filter((role) => role.name === 'admin');
    running.load(parseState(view, 'state'));
    expect([...logtoOf(running).tenant.roles.values()].map((role) => role.name)).toEqual(['admin']);
    expect((running.snapshot().logto as LogtoTenantState).clients[0]!.clientSecret).toBe('hooksim-m2m-secret');
    expect((running.snapshot().dexie as DexieDatabaseState).clients[0]!.clientSecret).toBe('hooksim-secret');
  });
});
