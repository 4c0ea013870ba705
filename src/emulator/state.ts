/**
 * The emulator's state as plain JSON: what `--state file.json` saves on exit and loads at start,
 * and what the dashboard shows. Besides the format version and the next seed, each emulated
 * provider API keeps its own part under its short name (`logto`, `dexie`), in the shape and with
 * the schema its provider declares (`Provider.emulator.api`). Secrets are kept in the file (it is
 * the developer's own) and removed before anything reaches the page.
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import type { EmulatedApiPlugin } from '../providers/emulation.js';
import { providers } from '../providers/registry.js';

/** Everything the emulator keeps between runs. */
export interface EmulatorState {
  /** Format version of this file. */
  hooksimState: 1;
  /** The seed the next generated identity uses: restarts go on with new users, not the same ones again. */
  nextSeed: number;
  /** Each emulated API's part, by its short name (`logto`, `dexie`). */
  [api: string]: unknown;
}

/** The provider APIs the emulator plays, in their listing order (their default ports). */
export function emulatedApis(): { provider: string; plugin: EmulatedApiPlugin }[] {
  return providers
    .flatMap((provider) => (provider.emulator?.api ? [{ provider: provider.name, plugin: provider.emulator.api }] : []))
    .sort((a, b) => a.plugin.defaultPort - b.plugin.defaultPort);
}

/** The state schema for the APIs there are: a part left out is a fresh API. */
function stateSchema(): z.ZodType {
  const parts = Object.fromEntries(emulatedApis().map(({ plugin }) => [plugin.name, plugin.stateSchema.optional()]));
  return z.object({ hooksimState: z.literal(1), nextSeed: z.number().int().nonnegative(), ...parts });
}

/** Checks a parsed state document; a one-line UsageError naming the first problem and `source`. */
export function parseState(value: unknown, source: string): EmulatorState {
  const parsed = stateSchema().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${source}: not a hooksim state file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as EmulatorState;
}

/** Reads a state file; undefined when it does not exist yet (the first run creates it on exit). */
export async function readStateFile(file: string): Promise<EmulatorState | undefined> {
  if (!existsSync(file)) return undefined;
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`state file ${file}: invalid JSON: ${(error as Error).message}`);
  }
  return parseState(value, `state file ${file}`);
}

/** Writes a state file whole (beside, then renamed): a crash mid-write never leaves half a tenant. */
export async function writeStateFile(file: string, state: EmulatorState): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2) + '\n', 'utf8');
  await rename(temporary, file);
}
