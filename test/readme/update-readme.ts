/**
 * Brings README.md's checked blocks up to date after a change, for a person to review with
 * `git diff README.md`: `npx tsx test/readme/update-readme.ts [text in the command or path]`.
 *
 * - A file block is replaced with its file.
 * - An output block that shows no output yet (only its `$ npx hooksim …` line) is filled with a real run.
 * - An output block without `…` elisions that no longer matches is replaced with a real run.
 * - An output block with elisions that no longer matches is left alone and its real output printed:
 *   choose by hand what it shows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot, runReadmeCommand, splitTranscript, startExampleHooks } from './cli-run.js';
import { ELISION, checkedBlocks, compareOutput, normaliseVolatile } from './markdown.js';

const only = process.argv[2];
const readmePath = resolve(repoRoot, 'README.md');
const lines = readFileSync(readmePath, 'utf8').split('\n');
const hooks = await startExampleHooks();
try {
  // Bottom up, so that the line numbers of the blocks still to do stay right.
  for (const block of checkedBlocks(lines.join('\n')).reverse()) {
    if (only && !block.subject.includes(only)) continue;
    let open = block.line;
    while (!/^\s*(```|~~~)/.test(lines[open]!)) open++;
    const size = block.content === '' ? 0 : block.content.replace(/\n$/, '').split('\n').length;
    if (block.kind === 'file') {
      lines.splice(open + 1, size, ...readFileSync(resolve(repoRoot, block.subject), 'utf8').replace(/\n$/, '').split('\n'));
      continue;
    }
    const shown = splitTranscript(block.content);
    const run = await runReadmeCommand(block.subject, hooks.origin);
    const elided = shown.output.split('\n').some((line) => line.trim() === ELISION || line.endsWith(` ${ELISION}`));
    const stale = compareOutput(normaliseVolatile(shown.output), normaliseVolatile(run.output)) !== null || (shown.exitCode !== undefined && shown.exitCode !== run.code);
    const empty = shown.output.trim() === '';
    if (!empty && !stale) continue;
    if (elided) {
      console.log(`README.md:${block.line} \`${block.subject}\` no longer matches; its real output (exit ${run.code}):\n${run.output}`);
      continue;
    }
    // The command line, with its continuations, stays as written.
    let commandLines = 0;
    if (shown.shownCommand !== undefined) while (lines[open + 1 + commandLines++]!.endsWith('\\'));
    const command = lines.slice(open + 1, open + 1 + commandLines);
    const exit = shown.exitCode !== undefined ? ['$ echo $?', String(run.code)] : [];
    lines.splice(open + 1, size, ...command, ...run.output.replace(/\n$/, '').split('\n'), ...exit);
    console.log(`README.md:${block.line} \`${block.subject}\` ${empty ? 'filled' : 'updated'}`);
  }
} finally {
  await hooks.close();
}
writeFileSync(readmePath, lines.join('\n'));
