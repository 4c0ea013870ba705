import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { prepareOutFile, writeAtomically } from '../../src/cli/out-files.js';

const folder = () => mkdtempSync(join(tmpdir(), 'hooksim-out-'));

describe('--out files', () => {
  test('prepare creates missing folders and leaves no probe behind; the write replaces the file whole', async () => {
    const dir = folder();
    const file = await prepareOutFile(dir, 'a/b/report.xml');
    expect(readdirSync(join(dir, 'a/b'))).toEqual([]);
    writeFileSync(file.path, 'old');
    await writeAtomically(file, '<new/>');
    expect(readFileSync(file.path, 'utf8')).toBe('<new/>');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['report.xml']);
  });

  test('a write that fails leaves no temporary file and says which --out', async () => {
    const dir = folder();
    const file = await prepareOutFile(dir, 'report.xml');
    // Something took the name between the check and the write.
    mkdirSync(file.path);
    await expect(writeAtomically(file, '<x/>')).rejects.toThrow(/^--out report\.xml: could not be written \((EISDIR|ENOTEMPTY|EEXIST)\)$/);
    expect(readdirSync(dir)).toEqual(['report.xml']);
  });

  test('prepare refuses a folder, a path under a file, and a folder the kernel will not create (/proc)', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'taken'), '');
    await expect(prepareOutFile(dir, 'reports')).rejects.toThrow(/^--out reports: is a folder/);
    await expect(prepareOutFile(dir, 'taken/r.xml')).rejects.toThrow(/^--out taken\/r\.xml: cannot (write there|create the folder taken) \((ENOTDIR|EEXIST)\)$/);
    await expect(prepareOutFile(dir, '/proc/hooksim-x/r.xml')).rejects.toThrow(/^--out \/proc\/hooksim-x\/r\.xml: cannot create the folder \/proc\/hooksim-x \(ENOENT\)$/);
  });
});
