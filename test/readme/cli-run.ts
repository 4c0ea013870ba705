/**
 * Runs a README command line the way a reader would in a shell, but in-process: test/cli/helpers'
 * `cli` (`runCli` from the sources), the repository root as working directory, no colour. URLs on 127.0.0.1:3000 (where
 * `npx tsx examples/serve.ts` serves the example hooks) go to the test's own server on a free
 * port, also inside scenario files named on the command line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { cli } from '../cli/helpers.js';
import express from 'express';
import { createDexieDomainHook, demoDomainConfig } from '../../examples/dexie-cloud/domain-hook.js';
import { createLogtoSignedHook } from '../../examples/logto/signed-hook.js';
import { parseCommand } from './markdown.js';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** The address the README's URL examples use: `examples/serve.ts`'s default. */
export const README_HOOK_ORIGIN = '127.0.0.1:3000';

export interface CliRun {
  /** stdout, then stderr: what a terminal shows for these commands. */
  output: string;
  code: number;
}

/**
 * Runs `hooksim ARGS` (the `npx ` prefix is optional), with leading `NAME=value` words as its
 * environment. `origin` replaces 127.0.0.1:3000 in the arguments and in files they name.
 */
export async function runReadmeCommand(command: string, origin = README_HOOK_ORIGIN): Promise<CliRun> {
  const { env, argv } = parseCommand(command);
  if (argv[0] === 'npx') argv.shift();
  if (argv[0] !== 'hooksim') throw new Error(`a README output block must run hooksim, got: ${command}`);
  const renamed = new Map<string, string>();
  const args = argv.slice(1).map((arg) => {
    const swapped = arg.replaceAll(README_HOOK_ORIGIN, origin);
    const path = resolve(repoRoot, swapped);
    if (origin === README_HOOK_ORIGIN || !existsSync(path) || !statSync(path).isFile()) return swapped;
    const text = readFileSync(path, 'utf8');
    if (!text.includes(README_HOOK_ORIGIN)) return swapped;
    // The same file pointed at the test's server; its path in the output is put back below.
    const copy = join(mkdtempSync(join(tmpdir(), 'hooksim-readme-')), basename(path));
    writeFileSync(copy, text.replaceAll(README_HOOK_ORIGIN, origin));
    renamed.set(copy, swapped);
    return copy;
  });
  let result: { code: number; stdout: string; stderr: string };
  try {
    result = await cli(args, { NO_COLOR: '1', ...env }, repoRoot);
  } finally {
    for (const copy of renamed.keys()) rmSync(dirname(copy), { recursive: true, force: true });
  }
  const { code, stdout, stderr } = result;
  let output = stdout + stderr;
  // Reports name files relative to the working directory, or absolute: both forms go back.
  for (const [copy, original] of renamed) output = output.replaceAll(relative(repoRoot, copy), original).replaceAll(copy, original);
  return { output: output.replaceAll(origin, README_HOOK_ORIGIN), code };
}

/**
 * Splits an output block into the command shown on its first line (`$ npx hooksim …`), the
 * output, and the exit code shown by a closing `$ echo $?` / `N` pair (both optional).
 */
export function splitTranscript(content: string): { shownCommand?: string; output: string; exitCode?: number } {
  const lines = content.replace(/\n$/, '').split('\n');
  let shownCommand: string | undefined;
  if (lines[0]?.startsWith('$ ')) {
    shownCommand = lines.shift()!.slice(2);
    // A long command goes on over lines ending in a backslash, as in a shell.
    while (shownCommand.endsWith('\\') && lines.length) shownCommand = `${shownCommand.slice(0, -1).trimEnd()} ${lines.shift()!.trim()}`;
  }
  let exitCode: number | undefined;
  if (lines.length >= 2 && lines.at(-2) === '$ echo $?' && /^\d+$/.test(lines.at(-1)!)) {
    exitCode = Number(lines.pop());
    lines.pop();
  }
  return { ...(shownCommand !== undefined ? { shownCommand } : {}), output: lines.join('\n') + '\n', ...(exitCode !== undefined ? { exitCode } : {}) };
}

/** The example hooks as `npx tsx examples/serve.ts` serves them, on a free loopback port. */
export async function startExampleHooks(): Promise<{ origin: string; close: () => Promise<void> }> {
  const app = express();
  app.use('/dexie', createDexieDomainHook(demoDomainConfig));
  app.use('/logto', createLogtoSignedHook({ signingKey: 'hooksimDemoSigningKey0123456789ab' }).app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((done) => server.once('listening', done));
  return {
    origin: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
