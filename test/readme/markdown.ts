/**
 * What the README doc tests read from markdown: fenced blocks tied to a command or a file by the
 * HTML comment right above them, relative links, heading anchors, and the comparison of an
 * output block with a real run (volatile parts normalised, `…` lines standing for elided lines).
 */

/** A fenced block whose content a test checks: `<!-- output: hooksim ARGS -->` or `<!-- file: PATH -->` above it. */
export interface CheckedBlock {
  kind: 'output' | 'file';
  /** The command after `output:` (e.g. `hooksim list`), or the path after `file:`. */
  subject: string;
  /** The block's text, without its fences, ending with a newline. */
  content: string;
  /** 1-based line of the comment, for test names and failures. */
  line: number;
}

const DIRECTIVE = /^<!--\s*(output|file):\s*(.+?)\s*-->$/;
const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

/**
 * The checked blocks of a markdown text, in order. A directive must be followed by a fenced block
 * (blank lines between are allowed); a directive with no block after it is an error, so a typo
 * cannot silently switch a check off.
 */
export function checkedBlocks(markdown: string): CheckedBlock[] {
  const lines = markdown.split('\n');
  const blocks: CheckedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const directive = DIRECTIVE.exec(lines[i]!.trim());
    if (!directive) continue;
    let start = i + 1;
    while (start < lines.length && lines[start]!.trim() === '') start++;
    const open = FENCE.exec(lines[start] ?? '');
    if (!open) throw new Error(`README line ${i + 1}: "${lines[i]!.trim()}" is not followed by a fenced code block`);
    const fence = open[2]!;
    let end = start + 1;
    while (end < lines.length && !(lines[end]!.trim().startsWith(fence[0]!.repeat(fence.length)) && lines[end]!.trim().replace(/[`~]/g, '') === '')) end++;
    if (end >= lines.length) throw new Error(`README line ${start + 1}: the code block is never closed`);
    const body = lines.slice(start + 1, end);
    blocks.push({ kind: directive[1] as 'output' | 'file', subject: directive[2]!, content: body.length ? body.join('\n') + '\n' : '', line: i + 1 });
    i = end;
  }
  return blocks;
}

/**
 * Splits a command line as a POSIX shell would for the simple cases the README uses: words,
 * single and double quotes, backslash escapes. Leading `NAME=value` words are environment.
 */
export function parseCommand(command: string): { env: Record<string, string>; argv: string[] } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (quote) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${command}`);
  if (inWord) words.push(word);
  const env: Record<string, string> = {};
  while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  return { env, argv: words };
}

/**
 * Replaces what changes from run to run and nothing else: durations (`12 ms`, `1.5 ms`), ports
 * of loopback URLs, ISO timestamps. Applied to both sides, so a changed word or number anywhere
 * else still fails the comparison.
 */
export function normaliseVolatile(text: string): string {
  return text
    .replace(/\b\d+(?:\.\d+)? ?ms\b/g, 'N ms')
    .replace(/\b(127\.0\.0\.1|localhost):\d+/g, '$1:PORT')
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g, 'DATE');
}

/** A line of just `…` in a README block stands for any number of lines (zero included). */
export const ELISION = '…';

/**
 * One expected line against one real line: equal, or, when the expected line ends with ` …`,
 * the real line starts with what comes before it (a line cut short: a long replay command, a
 * latency figure that names whichever event was slowest).
 */
function lineMatches(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  return expected.endsWith(` ${ELISION}`) && actual.startsWith(expected.slice(0, -ELISION.length - 1));
}

/**
 * Whether `actual` is what `expected` shows: every expected line equals an actual line, in order,
 * with `…` lines matching any run of lines, lines ending in ` …` matching any line they begin,
 * and nothing left over at either end. Trailing spaces
 * are ignored (editors strip them). Returns null on a match, else where it stops matching.
 */
export function compareOutput(expected: string, actual: string): string | null {
  const want = expected.replace(/\n$/, '').split('\n').map((line) => line.trimEnd());
  const got = actual.replace(/\n$/, '').split('\n').map((line) => line.trimEnd());
  // Longest prefix of `want` matched, for the message; backtracking over elisions is small here.
  let best = { wantIndex: 0, gotIndex: 0 };
  const match = (w: number, g: number): boolean => {
    if (w > best.wantIndex) best = { wantIndex: w, gotIndex: g };
    if (w === want.length) return g === got.length;
    if (want[w] === ELISION) {
      for (let skip = g; skip <= got.length; skip++) if (match(w + 1, skip)) return true;
      return false;
    }
    return g < got.length && lineMatches(want[w]!, got[g]!) && match(w + 1, g + 1);
  };
  if (match(0, 0)) return null;
  const line = want[best.wantIndex];
  if (line === undefined) return `the README block ends, but the real output goes on with:\n  ${got.slice(best.gotIndex, best.gotIndex + 3).join('\n  ')}`;
  return `README block line ${best.wantIndex + 1} ${JSON.stringify(line)} does not match the real output near:\n  ${got.slice(best.gotIndex, best.gotIndex + 3).join('\n  ') || '(end of output)'}`;
}

/** Relative link targets (`[text](path)`, `[text](path#anchor)`), with their line; absolute URLs and in-page anchors are left out. */
export function relativeLinks(markdown: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  let inFence = false;
  markdown.split('\n').forEach((text, index) => {
    if (FENCE.test(text)) inFence = !inFence;
    if (inFence) return;
    // Inline code is not a link: `[a](b)` in backticks shows syntax.
    const prose = text.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
      links.push({ target, line: index + 1 });
    }
  });
  return links;
}

/** In-page anchor links (`[text](#anchor)`) with their line. */
export function anchorLinks(markdown: string): { anchor: string; line: number }[] {
  const anchors: { anchor: string; line: number }[] = [];
  let inFence = false;
  markdown.split('\n').forEach((text, index) => {
    if (FENCE.test(text)) inFence = !inFence;
    if (inFence) return;
    for (const match of text.replace(/`[^`]*`/g, '').matchAll(/\]\(#([^)\s]+)\)/g)) anchors.push({ anchor: match[1]!, line: index + 1 });
  });
  return anchors;
}

/** The anchors GitHub gives the headings: lowercase, punctuation dropped, spaces to dashes, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const text of markdown.split('\n')) {
    if (FENCE.test(text)) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.*)$/.exec(text);
    if (!heading) continue;
    const slug = heading[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  return anchors;
}

/** Whether a repository-relative path ships, given package.json's `files` (folders or files). */
export function isShipped(path: string, files: readonly string[]): boolean {
  const clean = path.replace(/^\.\//, '').replace(/\/$/, '');
  return files.some((entry) => {
    const root = entry.replace(/^\.\//, '').replace(/\/$/, '');
    return clean === root || clean.startsWith(`${root}/`);
  });
}
