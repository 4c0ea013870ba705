import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { importOptional } from '../core/optional.js';
import { UsageError } from '../core/errors.js';
import { parseOrUsageError } from '../core/options.js';
import type { HooksimConfig } from './define.js';

/** Config file names looked for in the working directory, in this order (as vitest looks for its own). */
export const CONFIG_FILES = ['hooksim.config.ts', 'hooksim.config.mts', 'hooksim.config.js', 'hooksim.config.mjs', 'hooksim.config.json'];

const targetSchema = z.custom<NonNullable<HooksimConfig['targets']>[string]>(
  (value) => typeof value === 'string' || typeof value === 'function' || value instanceof URL || (typeof value === 'object' && value !== null),
  'expected a URL, an app/handler, { app, path } or { fetch, path }',
);

const configSchema = z
  .object({
    targets: z.record(z.string(), targetSchema).optional(),
    defaultTarget: z.string().optional(),
    scenarios: z.array(z.string()).optional(),
    seed: z.number().int().nonnegative().optional(),
    reporters: z.array(z.string()).optional(),
    maxReplyBytes: z.number().int().positive().optional(),
    providerOptions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    effects: z.record(z.string(), z.unknown()).optional(),
    providers: z
      .array(
        z.union([
          z.string().min(1),
          z.custom<Exclude<NonNullable<HooksimConfig['providers']>[number], string>>(
            (value) => typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && Array.isArray((value as { events?: unknown }).events),
            'expected a provider file path or a Provider object',
          ),
        ]),
      )
      .optional(),
  })
  .strict();

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  config: HooksimConfig;
  /** Absolute path of the file, or undefined when none was found. */
  file?: string;
}

async function importConfig(file: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    const text = await readFile(file, 'utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UsageError(`config ${jsonErrorAt(file, text, (error as Error).message)}`);
    }
  }
  if (/\.[cm]?js$/.test(file)) {
    // Plain JavaScript needs no compiler: a project without tsx can still have a config.
    try {
      return ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    } catch (error) {
      throw new UsageError(`config ${file}: failed to load: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  // tsx (an optional peer) compiles TypeScript configs and what they import on the fly.
  const { tsImport } = await importOptional('tsx', 'TypeScript config files', () => import('tsx/esm/api'), 'or write the config as hooksim.config.mjs or .json');
  try {
    const module = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default?: unknown };
    let value = module.default;
    // Outside a "type": "module" package tsx compiles to CommonJS: the export arrives wrapped once more.
    if (value && typeof value === 'object' && 'default' in value && Object.keys(value).every((key) => key === 'default' || key === '__esModule')) {
      value = (value as { default: unknown }).default;
    }
    return value;
  } catch (error) {
    throw new UsageError(`config ${file}: failed to load: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** `file:line:column: invalid JSON: reason`, from the offset JSON.parse reports. */
function jsonErrorAt(file: string, text: string, message: string): string {
  const offset = /at position (\d+)/.exec(message)?.[1];
  const reason = message.replace(/\s*(?:in JSON )?at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '');
  if (offset === undefined) return `${file}: invalid JSON: ${reason}`;
  const before = text.slice(0, Number(offset));
  const line = before.split('\n').length;
  const column = Number(offset) - before.lastIndexOf('\n');
  return `${file}:${line}:${column}: invalid JSON: ${reason}`;
}

/** Finds and loads the configuration: `explicit` when given, else the first of {@link CONFIG_FILES} in `cwd`. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  const file = explicit !== undefined ? resolve(cwd, explicit) : CONFIG_FILES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
  if (file === undefined) return { config: {} };
  if (!existsSync(file)) throw new UsageError(`config file not found: ${explicit}`);
  if (statSync(file).isDirectory()) throw new UsageError(`config ${explicit ?? file}: is a folder; give a file such as hooksim.config.ts`);
  const raw = await importConfig(file);
  if (raw === undefined) throw new UsageError(`config ${file}: no default export (export default defineConfig({...}))`);
  const config = parseOrUsageError(configSchema, raw, `config ${file}`, Object.keys(configSchema.shape));
  if (config.providers) await registerConfigProviders(config.providers as NonNullable<HooksimConfig['providers']>, dirname(file));
  return { config: config as HooksimConfig, file };
}

/** The config's `providers`: files (relative to the config's folder) are loaded, objects taken as they are. */
async function registerConfigProviders(list: NonNullable<HooksimConfig['providers']>, base: string): Promise<void> {
  const { registerProvider } = await import('../providers/registry.js');
  const files = list.filter((entry): entry is string => typeof entry === 'string');
  if (files.length > 0) {
    const { registerProviderFiles } = await import('../cli/provider-files.js');
    await registerProviderFiles(files, base);
  }
  for (const entry of list) if (typeof entry !== 'string') registerProvider(entry);
}
