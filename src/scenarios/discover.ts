import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * Expands files and folders into scenario files (`.yaml`, `.yml`, `.json`), folders searched
 * recursively, in a stable order. Paths come back relative to `cwd` for readable reports.
 */
export async function discoverScenarioFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (info.isDirectory()) found.push(...(await walk(absolute)));
    else found.push(absolute);
  }
  const unique = [...new Set(found)].map((file) => relative(cwd, file) || file);
  if (unique.length === 0) throw new UsageError(`no scenario files (.yaml, .yml, .json) in ${paths.join(', ')}`);
  return unique;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  // A folder's own files first, then its subfolders: the main stories before the galleries.
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) folders.push(path);
    else if (SCENARIO_FILE.test(entry.name)) files.push(path);
  }
  for (const path of folders) files.push(...(await walk(path)));
  return files;
}
