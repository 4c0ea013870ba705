import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

/** A report file checked before the run and written whole after it. */
export interface OutFile {
  /** As the user wrote it, for messages. */
  given: string;
  path: string;
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];

/** A sibling temporary name: same folder (so the rename is atomic), hidden, unique. */
const temporary = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Checks, before anything is sent, that a report can be written at `given`: the folder exists
 * or can be made, a file can be created in it, and what is there now (if anything) is a plain
 * file. A run must not end with its results thrown away (`EEXIST`), or block on a pipe or a
 * `/proc` entry.
 */
export async function prepareOutFile(cwd: string, given: string): Promise<OutFile> {
  if (given.trim() === '') throw new UsageError('--out needs a file path, such as --out reports/junit.xml');
  const path = resolve(cwd, given);
  const current = await stat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : error));
  if (current instanceof Error) throw new UsageError(`--out ${given}: cannot write there (${code(current)})`);
  if (current && !current.isFile()) {
    throw new UsageError(`--out ${given}: ${current.isDirectory() ? 'is a folder' : 'is not a regular file (a pipe or a device?)'}; give a file path such as reports/junit.xml`);
  }
  try {
    await makeFolders(dirname(path));
  } catch (error) {
    throw new UsageError(`--out ${given}: cannot create the folder ${dirname(given)} (${code(error)})`);
  }
  // Proves the folder takes new files (read-only, /proc, no permission) without touching the target.
  const probe = temporary(path);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
    await unlink(probe);
  } catch (error) {
    throw new UsageError(`--out ${given}: cannot write there (${code(error)})`);
  }
  return { given, path };
}

/**
 * `mkdir -p`, one level at a time. Node's recursive mkdir retries forever when the kernel
 * answers ENOENT for a folder whose parent exists (`/proc/x`): the run hung for minutes.
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    if (info) {
      if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
  }
}

/**
 * Writes the whole text to a temporary file beside the target and renames it over the target:
 * a reader (CI uploading JUnit) sees the old file or the new one, never half of one.
 */
export async function writeAtomically(file: OutFile, text: string): Promise<void> {
  const temp = temporary(file.path);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file.path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError(`--out ${file.given}: could not be written (${code(error)})`);
  }
}
