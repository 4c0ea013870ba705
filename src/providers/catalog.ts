import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { EventDefinition } from './types.js';

/** What `hooksim list` shows of a provider: names and prose, no code. */
export interface ProviderCatalogEntry {
  name: string;
  title: string;
  /** Lines worth reading before choosing options (version profiles and what they rest on). */
  notes?: readonly string[];
  events: readonly EventDefinition[];
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
export function catalogOf(list: readonly { name: string; title: string; notes?: readonly string[]; events: readonly EventDefinition[] }[]): ProviderCatalogEntry[] {
  return list.map(({ name, title, notes, events }) => ({
    name,
    title,
    ...(notes ? { notes } : {}),
    events: events.map(({ name: event, summary, variants }) => ({
      name: event,
      summary,
      variants: variants.map(({ name: variant, summary: text }) => ({ name: variant, summary: text })),
    })),
  }));
}

/** The entry called `name`, or a {@link UsageError} suggesting the nearest name. */
export function catalogEntry(catalog: readonly ProviderCatalogEntry[], name: string): ProviderCatalogEntry {
  const entry = catalog.find((candidate) => candidate.name === name);
  if (entry) return entry;
  const names = catalog.map((candidate) => candidate.name);
  throw new UsageError(`unknown provider "${name}"${didYouMean(name, names)}; known: ${names.join(', ')}`);
}
