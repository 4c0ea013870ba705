import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { emulatedApiInfo, type EmulatedApiInfo, type ProviderEmulator } from './emulation.js';
import type { EventDefinition, ProviderCommand } from './types.js';

/** What `hooksim list` shows of a provider: names and prose, no code. */
export interface ProviderCatalogEntry {
  name: string;
  title: string;
  /** Lines worth reading before choosing options (version profiles and what they rest on). */
  notes?: readonly string[];
  events: readonly EventDefinition[];
  /** CLI commands the provider adds, each with its module relative to this file's folder. */
  commands?: readonly ProviderCommand[];
  /** The API `hooksim serve` / `ui` play for it, as data: its `--<name>-port` flag and printed line come from here. */
  emulatedApi?: EmulatedApiInfo;
}

/**
 * The build writes the built-in providers' catalog next to the compiled registry
 * (`dist/providers/catalog.json`, by `scripts/write-catalog.mjs`), so `hooksim list` reads one JSON
 * file instead of loading every provider's builders, zod and faker: a cold start stays close to
 * Node's own. From sources (tests, tsx) there is no such file and the registry answers.
 */
export async function loadCatalog(): Promise<ProviderCatalogEntry[]> {
  try {
    const text = await readFile(new URL('./catalog.json', import.meta.url), 'utf8');
    return JSON.parse(text) as ProviderCatalogEntry[];
  } catch {
    const { providers } = await import('./registry.js');
    return catalogOf(providers);
  }
}

/** The catalog of providers, as the build writes it. */
export function catalogOf(
  list: readonly { name: string; title: string; notes?: readonly string[]; events: readonly EventDefinition[]; commands?: readonly ProviderCommand[]; emulator?: ProviderEmulator<never> }[],
): ProviderCatalogEntry[] {
  return list.map(({ name, title, notes, events, commands, emulator }) => ({
    name,
    title,
    ...(notes ? { notes } : {}),
    // Relative module paths: the catalog is written at build time and shipped.
    ...(commands ? { commands: commands.map((command) => ({ name: command.name, module: relativeModule(command.module) })) } : {}),
    events: events.map(({ name: event, summary, variants }) => ({
      name: event,
      summary,
      variants: variants.map(({ name: variant, summary: text }) => ({ name: variant, summary: text })),
    })),
    ...(emulator?.api ? { emulatedApi: emulatedApiInfo(emulator.api) } : {}),
  }));
}

/** The entry called `name`, or a {@link UsageError} suggesting the nearest name. */
export function catalogEntry(catalog: readonly ProviderCatalogEntry[], name: string): ProviderCatalogEntry {
  const entry = catalog.find((candidate) => candidate.name === name);
  if (entry) return entry;
  const names = catalog.map((candidate) => candidate.name);
  throw new UsageError(`unknown provider "${name}"${didYouMean(name, names)}; known: ${names.join(', ')}`);
}

/** This folder (providers/), which command module paths in the catalog are relative to. */
const PROVIDERS_DIR = new URL('.', import.meta.url).href;

function relativeModule(module: string): string {
  return module.startsWith(PROVIDERS_DIR) ? module.slice(PROVIDERS_DIR.length) : module;
}

/** The URL to import a provider command's module from (catalog paths are relative to providers/). */
export function commandModuleUrl(command: ProviderCommand): string {
  return new URL(command.module, PROVIDERS_DIR).href;
}
