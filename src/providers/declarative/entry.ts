/**
 * Provider files from the main entry: the loader (and the YAML parser under it) is imported only
 * when a file is loaded, so `import('hooksim')` stays free of YAML code.
 */
import type { DeclarativeProvider } from './load.js';

export type { DeclarativeOptions, DeclarativeOutcome } from './compile.js';
export type { DeclarativeProvider } from './load.js';
export type { ProviderFile } from './schema.js';

/** Loads a provider file (YAML or JSON) and compiles it into a provider for `send({ provider })`. */
export async function loadProviderFile(path: string, displayName = path): Promise<DeclarativeProvider> {
  const { loadProviderFile: load } = await import('./load.js');
  return load(path, displayName);
}
