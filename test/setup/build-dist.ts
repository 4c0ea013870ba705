/**
 * vitest's global setup: brings dist/ up to date before any test file runs (`npm run build`), so
 * the tests that run the shipped CLI (bin/hooksim.js), pack the package or import `hooksim` test
 * today's sources even when vitest is started by hand after an edit. The build is `tsc -b`,
 * incremental: about a second when nothing changed.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function buildDist(): void {
  const root = resolve(import.meta.dirname, '../..');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`building dist/ failed (npm run build):\n${String(failed.stdout ?? '')}${String(failed.stderr ?? '')}`.trimEnd());
  }
}
