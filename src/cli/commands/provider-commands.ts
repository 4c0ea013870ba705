import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * A module adding a provider's own command to the CLI (`Provider.commands`: Logto's `test-hook`).
 * Like the built-in command modules it imports only commander and small helpers, and loads its
 * engine inside the action, so `hooksim --help` stays cheap.
 */
export interface ProviderCommandModule {
  register(program: Command, io: CliIo, setExit: (code: number) => void): void;
}

/**
 * The command modules the built-in providers contribute, loaded from the providers' catalog (one
 * JSON file at run time; the registry itself only from sources, in tests).
 */
export async function loadProviderCommands(): Promise<ProviderCommandModule[]> {
  const { loadCatalog, commandModuleUrl } = await import('../../providers/catalog.js');
  const catalog = await loadCatalog();
  const urls = catalog.flatMap((entry) => (entry.commands ?? []).map((command) => commandModuleUrl(command)));
  return Promise.all(urls.map(async (url) => (await import(url)) as ProviderCommandModule));
}
