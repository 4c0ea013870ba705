import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { MAX_SCENARIO_BYTES } from './load.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * Files that sit in projects and are never scenarios: package manifests, lockfiles, compiler
 * and tool configs, JSON Schemas (a `scenario.schema.json` kept beside scenarios for editors).
 */
const NOT_A_SCENARIO = /^(package(-lock)?\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|pnpm-workspace\.yaml|yarn\.lock|[jt]sconfig(\..*)?\.json|composer\.json|.*\.schema\.json|docker-compose.*\.ya?ml|compose\.ya?ml|renovate\.json|vercel\.json|turbo\.json|nx\.json|lerna\.json)$/i;

/** Folders a walk never enters: dependencies, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage']);

/** How much of a file is read to decide whether it is a scenario. */
const SNIFF_BYTES = 4096;

/**
 * Whether a file found in a folder looks like a scenario: it has a top-level `provider:` or
 * `steps:` key (a misspelt scenario still has the other, and is then reported, not skipped).
 */
async function looksLikeScenario(file: string): Promise<boolean> {
  try {
    if (/\.json$/i.test(file)) {
      const info = await stat(file);
      // Too big to be anything but a scenario error: the loader says so.
      if (info.size > MAX_SCENARIO_BYTES) return true;
      const text = await readFile(file, 'utf8');
      try {
        const data = JSON.parse(text) as unknown;
        return typeof data === 'object' && data !== null && !Array.isArray(data) && ('provider' in data || 'steps' in data);
      } catch {
        // Broken JSON that means to be a scenario gets its error; other broken JSON is not ours.
        return /"(?:provider|steps)"\s*:/.test(text);
      }
    }
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      // YAML keys at column 0 (JSON-style YAML too).
      return /^(?:provider|steps)\s*:/m.test(buffer.subarray(0, bytesRead).toString('utf8')) || /^\s*\{/.test(buffer.toString('utf8', 0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable: let the loader say why, at the file.
    return true;
  }
}

/**
 * Expands files and folders into scenario files (`.yaml`, `.yml`, `.json`), folders searched
 * recursively, in a stable order. Paths come back relative to `cwd` for readable reports. A
 * file named explicitly is always a scenario; in a folder, only files that look like one are
 * (so `hooksim run .` in a project root leaves `package.json` and friends alone).
 */
export async function discoverScenarioFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const passedOver: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (info.isDirectory()) found.push(...(await walk(absolute, passedOver)));
    else found.push(absolute);
  }
  const unique = [...new Set(found)].map((file) => relative(cwd, file) || file);
  if (unique.length === 0) {
    const where = paths.join(', ');
    const skipped = passedOver.length
      ? ` (${passedOver.length} YAML/JSON file${passedOver.length === 1 ? '' : 's'} there ${passedOver.length === 1 ? 'is' : 'are'} not a scenario: ${passedOver
          .slice(0, 3)
          .map((file) => relative(cwd, file) || file)
          .join(', ')}${passedOver.length > 3 ? ', ...' : ''})`
      : '';
    throw new UsageError(
      `no scenarios in ${where}${skipped}: a scenario is a .yaml/.yml/.json file with name:, provider: and steps:; try \`hooksim run scenarios/\` or see the README's first scenario`,
    );
  }
  return unique;
}

async function walk(folder: string, passedOver: string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  // A folder's own files first, then its subfolders: the main stories before the galleries.
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) folders.push(path);
    else if (!SCENARIO_FILE.test(entry.name)) continue;
    else if (NOT_A_SCENARIO.test(entry.name) || !(await looksLikeScenario(path))) passedOver.push(path);
    else files.push(path);
  }
  for (const path of folders) files.push(...(await walk(path, passedOver)));
  return files;
}
