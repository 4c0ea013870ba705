/**
 * The emulator's state as plain JSON: what `--state file.json` saves on exit and loads at start,
 * and what the dashboard shows. Besides the format version and the next seed, each emulated
 * provider API keeps its own part under its short name (`logto`, `dexie`), in the shape and with
 * the schema its provider declares (`Provider.emulator.api`); APIs without one are not saved. Secrets are kept in the file (it is
 * the developer's own) and removed before anything reaches the page.
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import type { EmulatedApiPlugin } from '../providers/emulation.js';
import type { AnyProvider, MockApiPlugin } from '../providers/types.js';
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

/**
 * A provider's scenario mock API (`Provider.mockApi`) played for a session, for providers that
 * declare no `emulator.api`: served on any free port under the provider's name, kept in step with
 * the events as in scenarios, but not saved in the state file (there is no saved form to restore).
 */
function fromScenarioMockApi(provider: AnyProvider, mockApi: MockApiPlugin): EmulatedApiPlugin {
  return {
    name: provider.name,
    label: provider.title,
    defaultPort: 0,
    flagSummary: 'mock API',
    routes: 'mock API',
    stateSchema: z.unknown(),
    async create({ now }) {
      const session = await mockApi.create({}, { now });
      return {
        api: session.api,
        // The mock's own base URL is the provider's origin, until serving it replaces it with the local one.
        publicOrigin: session.api.baseUrl,
        beforeDelivery: ({ actor }) => session.beforeDelivery?.(actor),
        afterDelivery: (outcome) => session.afterDelivery?.(outcome),
        save: () => undefined,
        redact: (saved) => saved,
        load: () => undefined,
      };
    },
  };
}

/**
 * The provider APIs the emulator plays, in listing order: those with a fixed port by that port,
 * then the rest (any free port). A provider's `emulator.api` when it declares one, else its
 * scenario mock API.
 */
export function emulatedApis(): { provider: string; plugin: EmulatedApiPlugin }[] {
  const order = (plugin: EmulatedApiPlugin) => plugin.defaultPort || Number.POSITIVE_INFINITY;
  return providers
    .flatMap((provider) => {
      const plugin = provider.emulator?.api ?? (provider.mockApi ? fromScenarioMockApi(provider, provider.mockApi) : undefined);
      return plugin ? [{ provider: provider.name, plugin }] : [];
    })
    .sort((a, b) => order(a.plugin) - order(b.plugin));
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
