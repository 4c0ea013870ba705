/**
 * vitest's global setup: brings dist/ up to date before any test file runs, so the tests that run
 * the shipped CLI (bin/hooksim.js), pack the package or import `hooksim` test today's sources even
 * when vitest is started by hand after an edit. `tsc -b` is incremental: about half a second when
 * nothing changed.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function buildDist(): void {
  const root = resolve(import.meta.dirname, '../..');
  const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, ['scripts/write-catalog.mjs'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`building dist/ failed (npm run build):\n${String(failed.stdout ?? '')}${String(failed.stderr ?? '')}`.trimEnd());
  }
}
