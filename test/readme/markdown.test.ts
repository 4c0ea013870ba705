/** The doc tests' own machinery, each rule both ways: a stale block must fail, a faithful one pass. */
import { describe, expect, test } from 'vitest';
import { runReadmeCommand, splitTranscript } from './cli-run.js';
import { anchorLinks, checkedBlocks, compareOutput, headingAnchors, isShipped, normaliseVolatile, parseCommand, relativeLinks } from './markdown.js';

const fence = '```';

describe('checkedBlocks', () => {
  test('reads the block under each directive, blank lines between allowed', () => {
    const markdown = ['intro', '<!-- output: hooksim list -->', '', `${fence}console`, '$ npx hooksim list', 'a', `${fence}`, '<!-- file: examples/x.ts -->', `${fence}ts`, 'code', `${fence}`].join('\n');
    expect(checkedBlocks(markdown)).toEqual([
      { kind: 'output', subject: 'hooksim list', content: '$ npx hooksim list\na\n', line: 2 },
      { kind: 'file', subject: 'examples/x.ts', content: 'code\n', line: 8 },
    ]);
  });

  test('an unmarked block is not checked; a directive without a block is an error', () => {
    expect(checkedBlocks(`${fence}\nfree text\n${fence}\n`)).toEqual([]);
    expect(() => checkedBlocks('<!-- output: hooksim list -->\nprose\n')).toThrow('README line 1: "<!-- output: hooksim list -->" is not followed by a fenced code block');
  });

  test('a longer fence may hold a shorter one', () => {
    const markdown = ['<!-- file: README.md -->', '````md', `${fence}sh`, 'npm test', fence, '````'].join('\n');
    expect(checkedBlocks(markdown)[0]!.content).toBe(`${fence}sh\nnpm test\n${fence}\n`);
  });
});

describe('compareOutput', () => {
  test('equal text matches; one changed line does not, and the message points at it', () => {
    expect(compareOutput('a\nb\nc\n', 'a\nb\nc\n')).toBeNull();
    expect(compareOutput('a\nb\nc\n', 'a\nB\nc\n')).toBe('README block line 2 "b" does not match the real output near:\n  B\n  c');
  });

  test('… stands for any lines, none included; shown lines must still be there, in order', () => {
    expect(compareOutput('a\n…\nd\n', 'a\nb\nc\nd\n')).toBeNull();
    expect(compareOutput('a\n…\nb\n', 'a\nb\n')).toBeNull();
    expect(compareOutput('a\n…\nd\n', 'a\nb\nc\n')).toMatch(/line 3 "d" does not match/);
    expect(compareOutput('a\n…\nc\n…\nb\n', 'a\nb\nc\n')).not.toBeNull();
  });

  test('output the block leaves out fails, unless an … says it is elided', () => {
    expect(compareOutput('a\n', 'a\nmore\n')).toBe('the README block ends, but the real output goes on with:\n  more');
    expect(compareOutput('a\n…\n', 'a\nmore\n')).toBeNull();
    expect(compareOutput('a\nb\n', 'a\n')).toMatch(/line 2 "b" does not match the real output near:\n {2}\(end of output\)/);
  });

  test('a line ending in " …" matches a real line it begins, and no other', () => {
    expect(compareOutput('✔ delivery.latency  p50 …\n', '✔ delivery.latency  p50 1.2 ms, slowest (User.Deleted)\n')).toBeNull();
    expect(compareOutput('✔ delivery.latency  p50 …\n', '✘ delivery.latency  p50 1.2 ms\n')).not.toBeNull();
    expect(compareOutput('a → …\n', 'a → …\n')).toBeNull();
  });

  test('trailing spaces do not count', () => {
    expect(compareOutput('a\n', 'a  \n')).toBeNull();
  });
});

describe('normaliseVolatile', () => {
  test('durations, loopback ports and ISO dates, on both sides', () => {
    expect(normaliseVolatile('← 200 in 53 ms, p99 1.5 ms; Duration   3185 ms; http://127.0.0.1:41234/x at 2026-11-24T04:32:51.054Z')).toBe(
      '← 200 in N ms, p99 N ms; Duration   N ms; http://127.0.0.1:PORT/x at DATE',
    );
  });

  test('every other number is kept, so a changed count or status still fails', () => {
    expect(normaliseVolatile('Scenarios  18 passed; ← 401; (787 bytes)')).toBe('Scenarios  18 passed; ← 401; (787 bytes)');
    expect(compareOutput(normaliseVolatile('Steps 32 passed\n'), normaliseVolatile('Steps 31 passed\n'))).not.toBeNull();
  });
});

describe('parseCommand and splitTranscript', () => {
  test('quotes, escapes and leading environment words', () => {
    expect(parseCommand(`KEY=a=b npx hooksim send logto PostSignIn --header 'x-a: 1' --set "user.name=Ada L" a\\ b`)).toEqual({
      env: { KEY: 'a=b' },
      argv: ['npx', 'hooksim', 'send', 'logto', 'PostSignIn', '--header', 'x-a: 1', '--set', 'user.name=Ada L', 'a b'],
    });
    expect(() => parseCommand(`hooksim send 'open`)).toThrow("unclosed ' in");
  });

  test('the command line (with continuations) and the exit code are taken off the output', () => {
    expect(splitTranscript('$ npx hooksim send x \\\n    --to y\nout\n$ echo $?\n2\n')).toEqual({ shownCommand: 'npx hooksim send x --to y', output: 'out\n', exitCode: 2 });
    expect(splitTranscript('just output\n')).toEqual({ output: 'just output\n' });
  });
});

describe('links', () => {
  const markdown = ['# Quick start', '## Quick start', 'see [a](examples/README.md#x), [b](https://x.test), [c](#quick-start-1), `[d](nope.md)`', fence, '[e](in-code.md)', fence].join('\n');

  test('relative links are found outside code; absolute URLs and anchors are not relative', () => {
    expect(relativeLinks(markdown)).toEqual([{ target: 'examples/README.md#x', line: 3 }]);
  });

  test('heading anchors follow GitHub (repeats numbered) and anchor links are found', () => {
    expect(headingAnchors(markdown)).toEqual(new Set(['quick-start', 'quick-start-1']));
    expect(headingAnchors('## `hooksim check`: find bugs, fast!')).toEqual(new Set(['hooksim-check-find-bugs-fast']));
    expect(anchorLinks(markdown)).toEqual([{ anchor: 'quick-start-1', line: 3 }]);
  });

  test('a path ships when package.json "files" lists it or a folder above it', () => {
    const files = ['bin', 'dist', 'examples', 'README.md'];
    expect(isShipped('examples/logto/signed-hook.ts', files)).toBe(true);
    expect(isShipped('./README.md', files)).toBe(true);
    expect(isShipped('examples', files)).toBe(true);
    expect(isShipped('test/readme/readme.test.ts', files)).toBe(false);
    expect(isShipped('../shared/contracts/logto.md', files)).toBe(false);
    expect(isShipped('examples-old/x.ts', files)).toBe(false);
  });
});

describe('runReadmeCommand', () => {
  test('runs hooksim in-process with its exit code; refuses other programs', async () => {
    const run = await runReadmeCommand('npx hooksim send dexie-cloud new-usr --to http://127.0.0.1:3000/dexie');
    expect(run).toEqual({ output: 'hooksim: unknown dexie-cloud event "new-usr" (did you mean "new-user"?); see `hooksim list`\n', code: 2 });
    await expect(runReadmeCommand('curl http://127.0.0.1:3000')).rejects.toThrow('a README output block must run hooksim, got: curl http://127.0.0.1:3000');
  });
});
