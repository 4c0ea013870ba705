/**
 * README.md cannot go stale: every output block is the CLI's real output, every code block tied
 * to a file is that file (and the file is run by the tests in this folder), and every link points
 * at a file the package ships.
 *
 * - `<!-- output: hooksim ARGS -->` above a block: runs the command in-process and compares, with
 *   durations, loopback ports and ISO dates normalised and `…` lines standing for elided lines.
 *   A first line `$ npx hooksim …` must be that command; a closing `$ echo $?` / `N` is the exit code.
 * - `<!-- file: PATH -->` above a block: the block is the file's whole content.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, runReadmeCommand, splitTranscript, startExampleHooks } from './cli-run.js';
import { anchorLinks, checkedBlocks, compareOutput, headingAnchors, isShipped, normaliseVolatile, parseCommand, relativeLinks } from './markdown.js';

const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
const blocks = checkedBlocks(readme);
const packageFiles = (JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { files: string[] }).files;

/** The example hooks as `npx tsx examples/serve.ts` serves them, on a free port. */
let origin = '';
let close: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ origin, close } = await startExampleHooks());
});
afterAll(() => close());

test('the README has output and file blocks to check (the markers are found)', () => {
  expect(blocks.filter((block) => block.kind === 'output').length).toBeGreaterThanOrEqual(10);
  expect(blocks.filter((block) => block.kind === 'file').length).toBeGreaterThanOrEqual(5);
});

describe('README output blocks are the CLI’s real output', () => {
  for (const block of blocks.filter((candidate) => candidate.kind === 'output')) {
    test(`line ${block.line}: ${block.subject}`, async () => {
      const shown = splitTranscript(block.content);
      if (shown.shownCommand !== undefined) {
        const strip = (command: string) => {
          const parsed = parseCommand(command);
          return { env: parsed.env, argv: parsed.argv[0] === 'npx' ? parsed.argv.slice(1) : parsed.argv };
        };
        expect(strip(shown.shownCommand), 'the command shown in the block is the one run').toEqual(strip(block.subject));
      }
      const run = await runReadmeCommand(block.subject, origin);
      const mismatch = compareOutput(normaliseVolatile(shown.output), normaliseVolatile(run.output));
      expect(mismatch, `README.md:${block.line} \`${block.subject}\`\n--- real output ---\n${run.output}`).toBeNull();
      if (shown.exitCode !== undefined) expect(run.code, 'the exit code shown after `$ echo $?`').toBe(shown.exitCode);
    }, 120_000);
  }
});

describe('README code blocks tied to a file are that file', () => {
  for (const block of blocks.filter((candidate) => candidate.kind === 'file')) {
    test(`line ${block.line}: ${block.subject}`, () => {
      const file = readFileSync(resolve(repoRoot, block.subject), 'utf8');
      expect(block.content, `README.md:${block.line} differs from ${block.subject}`).toBe(file.endsWith('\n') ? file : `${file}\n`);
    });
  }
});

describe('README links', () => {
  test('every relative link points at an existing file that the package ships', () => {
    const broken = relativeLinks(readme).flatMap(({ target, line }) => {
      const path = decodeURIComponent(target.split('#')[0]!);
      const problems: string[] = [];
      let exists = true;
      try {
        readFileSync(resolve(repoRoot, path));
      } catch (error) {
        // A folder is a fine link target (GitHub lists it); anything else missing is not.
        exists = (error as NodeJS.ErrnoException).code === 'EISDIR';
      }
      if (!exists) problems.push(`README.md:${line}: ${target} does not exist`);
      if (!isShipped(path, packageFiles)) problems.push(`README.md:${line}: ${target} is not in package.json "files" (${packageFiles.join(', ')})`);
      return problems;
    });
    expect(broken).toEqual([]);
  });

  test('every in-page anchor names a heading', () => {
    const headings = headingAnchors(readme);
    const dangling = anchorLinks(readme)
      .filter(({ anchor }) => !headings.has(anchor))
      .map(({ anchor, line }) => `README.md:${line}: #${anchor}`);
    expect(dangling).toEqual([]);
  });
});
