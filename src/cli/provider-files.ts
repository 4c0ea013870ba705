import { UsageError } from '../core/errors.js';
import type { ProviderCatalogEntry } from '../providers/catalog.js';

/** Providers this process loaded from files, for `hooksim list` (the built-in catalog has only the shipped ones). */
const loaded: ProviderCatalogEntry[] = [];

/** The catalog entries of providers loaded with `--provider-file` or the config. */
export function loadedProviderEntries(): readonly ProviderCatalogEntry[] {
  return loaded;
}

/**
 * Takes every `--provider-file FILE` (or `--provider-file=FILE`) out of `argv`, wherever it is
 * written (before the command, as a global option, or among a command's flags), loads each file
 * and registers its provider. Returns the remaining arguments. Nothing after `--` is looked at.
 */
export async function takeProviderFiles(argv: readonly string[], cwd: string): Promise<string[]> {
  const rest: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--provider-file') {
      const file = argv[i + 1];
      if (file === undefined || file.startsWith('--')) throw new UsageError('--provider-file expects a file: --provider-file providers/acme.yaml');
      files.push(file);
      i++;
    } else if (arg.startsWith('--provider-file=')) {
      files.push(arg.slice('--provider-file='.length));
    } else {
      rest.push(arg);
    }
  }
  if (files.length > 0) await registerProviderFiles(files, cwd);
  return rest;
}

/** Loads provider files (paths relative to `cwd`) and registers their providers. */
export async function registerProviderFiles(files: readonly string[], cwd: string): Promise<void> {
  const [{ loadProviderFile }, { registerProvider }, { catalogOf }, { resolve }] = await Promise.all([
    import('../providers/declarative/load.js'),
    import('../providers/registry.js'),
    import('../providers/catalog.js'),
    import('node:path'),
  ]);
  for (const file of files) {
    const provider = await loadProviderFile(resolve(cwd, file), file);
    registerProvider(provider);
    if (!loaded.some((entry) => entry.name === provider.name)) loaded.push(...catalogOf([provider]));
  }
}
