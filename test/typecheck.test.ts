/**
 * The whole project type-checks: the build checks src/ (tsc -b tsconfig.build.json), and this
 * checks tests, examples, benches and scripts against src's declarations, including the
 * compile-time assertions of test/types/. Run inside the test run so `tsc` works while the other
 * test files wait on sockets and child processes, instead of before them.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');

test('tsc -b reports no error', async () => {
  const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
  const outcome = await promisify(execFile)(process.execPath, [tsc, '-b', 'tsconfig.json'], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).then(
    () => '',
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  expect(outcome).toBe('');
}, 300_000);
