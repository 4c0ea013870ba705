/**
 * What `npm i hooksim` costs a project: packs this checkout, installs the tarball with production
 * dependencies only into a fresh folder, and prints packages, megabytes and install time.
 * Run: `npm run bench:footprint` (builds first). Set BASELINE=path/to/other.tgz to measure another
 * tarball side by side in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function sizeOf(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0);
}

function measure(tarball: string): { packages: number; megabytes: number; seconds: number } {
  const folder = mkdtempSync(join(tmpdir(), 'hooksim-footprint-'));
  try {
    writeFileSync(join(folder, 'package.json'), '{"name":"footprint","private":true,"type":"module"}');
    const started = performance.now();
    execFileSync('npm', ['install', '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: folder, stdio: 'ignore' });
    const seconds = (performance.now() - started) / 1000;
    const listed = execFileSync('npm', ['ls', '--all', '--omit=dev', '--parseable'], { cwd: folder, encoding: 'utf8' });
    const packages = listed.trim().split('\n').length - 1; // the first line is the project itself
    return { packages, megabytes: sizeOf(join(folder, 'node_modules')) / 1024 / 1024, seconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmpdir()], { cwd: root, encoding: 'utf8' })) as [{ filename: string }];
const rows: [string, string][] = [['this checkout', join(tmpdir(), packed[0].filename)]];
if (process.env.BASELINE) rows.unshift(['baseline', resolve(process.env.BASELINE)]);
console.log('| package | packages | MB on disk | install s (warm npm cache) |');
console.log('|---|---|---|---|');
for (const [name, tarball] of rows) {
  const { packages, megabytes, seconds } = measure(tarball);
  console.log(`| ${name} | ${packages} | ${megabytes.toFixed(1)} | ${seconds.toFixed(1)} |`);
}
