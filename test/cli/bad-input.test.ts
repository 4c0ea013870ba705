import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers.js';

/**
 * Malformed input, as a new user (or a hostile file) would give it, across the CLI, the config
 * and scenario files. Each must end with exit code 2 and one line saying what is wrong, with
 * file:line:column when there is a file, never a stack trace, and quickly (the 2 s timeout).
 */

type Entry = string | Buffer | { fifo: true } | { dir: true } | { symlink: string };

interface Case {
  /** What is wrong. */
  name: string;
  argv: string[];
  files?: Record<string, Entry>;
  /** The one line that must say it (stderr for usage errors, the report for scenario files). */
  line: RegExp;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, Entry> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'hooksim-bad-'));
  roots.push(dir);
  for (const [name, entry] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(path, entry);
    else if ('fifo' in entry) execFileSync('mkfifo', [path]);
    else if ('dir' in entry) mkdirSync(path, { recursive: true });
    else symlinkSync(entry.symlink, path);
  }
  return dir;
}

/** A valid head: a URL target on a port nothing listens on (nothing is sent for a file that does not load). */
const head = 'name: story\nprovider: dexie-cloud\ntarget: http://127.0.0.1:1/\n';
const logto = 'name: story\nprovider: logto\ntarget: http://127.0.0.1:1/\n';
const step = 'steps:\n  - send: new-user\n';
const valid = `${head}${step}`;

/** Scenario file `s.yaml` with this text, run on its own. */
const scenario = (name: string, text: string | Buffer, line: RegExp): Case => ({ name, argv: ['run', 's.yaml'], files: { 's.yaml': text }, line });

const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  valid,
].join('\n');

const deepBlock = `${head}steps:\n  - send: new-user\n    set:\n      a:\n${Array.from({ length: 80 }, (_, i) => `${' '.repeat(8 + 2 * i)}k${i}:`).join('\n')} 1\n`;

const cases: Case[] = [
  // The command line.
  { name: 'unknown flag', argv: ['run', '--frobnicate'], line: /^hooksim: unknown option '--frobnicate'/ },
  { name: 'unknown command', argv: ['frobnicate'], line: /^hooksim: unknown command 'frobnicate'/ },
  { name: 'unknown reporter', argv: ['run', '--reporter', 'junt'], line: /^hooksim: unknown reporter "junt" \(did you mean "junit"\?\)/ },
  { name: 'missing path', argv: ['run', 'nowhere'], line: /^hooksim: no such file or folder: nowhere$/ },
  { name: '--grep matching nothing', argv: ['run', 's.yaml', '--grep', 'zzz'], files: { 's.yaml': valid }, line: /^hooksim: no scenario matches --grep "zzz"$/ },
  { name: '--out without a document reporter', argv: ['run', '--out', 'x.xml'], line: /^hooksim: --out x\.xml: no reporter to write it/ },
  { name: '--seed not a number', argv: ['run', 's.yaml', '--seed', 'abc'], files: { 's.yaml': valid }, line: /^hooksim: --seed expects a whole number >= 0, got "abc"$/ },
  { name: '--seed negative', argv: ['run', 's.yaml', '--seed', '-1'], files: { 's.yaml': valid }, line: /^hooksim: --seed expects a whole number >= 0, got "-1"$/ },
  { name: '--now not a date', argv: ['run', 's.yaml', '--now', 'yesterday'], files: { 's.yaml': valid }, line: /^hooksim: --now expects an ISO date/ },
  { name: '--config missing', argv: ['run', '--config', 'missing.config.ts'], line: /^hooksim: config file not found: missing\.config\.ts$/ },
  { name: '--out under /proc', argv: ['run', 's.yaml', '--reporter', 'junit', '--out', '/proc/hooksim/report.xml'], files: { 's.yaml': valid }, line: /^hooksim: --out \/proc\/hooksim\/report\.xml: cannot create the folder/ },
  { name: '--out empty', argv: ['run', 's.yaml', '--reporter', 'junit', '--out='], files: { 's.yaml': valid }, line: /^hooksim: --out needs a file path, such as --out reports\/junit\.xml$/ },
  { name: '--config a folder', argv: ['run', 's.yaml', '--config', 'conf'], files: { 's.yaml': valid, conf: { dir: true } }, line: /^hooksim: config conf: is a folder; give a file such as hooksim\.config\.ts$/ },
  { name: '--out a folder', argv: ['run', 's.yaml', '--reporter', 'junit', '--out', 'reports'], files: { 's.yaml': valid, reports: { dir: true } }, line: /^hooksim: --out reports: is a folder/ },
  { name: '--out under a file (EEXIST)', argv: ['run', 's.yaml', '--reporter', 'junit', '--out', 'taken/report.xml'], files: { 's.yaml': valid, taken: 'a file' }, line: /^hooksim: --out taken\/report\.xml: cannot (create the folder taken|write there) \((EEXIST|ENOTDIR)\)$/ },
  { name: '--out a pipe', argv: ['run', 's.yaml', '--reporter', 'junit', '--out', 'pipe'], files: { 's.yaml': valid, pipe: { fifo: true } }, line: /^hooksim: --out pipe: is not a regular file/ },
  { name: '--target without a scheme', argv: ['run', 's.yaml', '--target', 'localhost:4005'], files: { 's.yaml': valid }, line: /^hooksim: unknown target "localhost:4005".*a URL needs its scheme/ },
  { name: '--target a malformed URL', argv: ['run', 's.yaml', '--target', 'http://exa mple/'], files: { 's.yaml': valid }, line: /^hooksim: invalid target URL "http:\/\/exa mple\/"/ },
  { name: '--target an unsupported scheme', argv: ['run', 's.yaml', '--target', 'ftp://x/'], files: { 's.yaml': valid }, line: /^hooksim: invalid target URL "ftp:\/\/x\/": only http and https are supported$/ },
  scenario('a malformed target URL in the file', 'name: s\nprovider: dexie-cloud\ntarget: "http://exa mple/"\nsteps:\n  - send: new-user\n', /^s\.yaml:3:9: invalid target URL "http:\/\/exa mple\/"/),
  { name: 'send --to not a URL', argv: ['send', 'dexie-cloud', 'new-user', '--to', 'not a url'], line: /^hooksim: .*not a url/ },
  { name: 'send --to an unsupported scheme', argv: ['send', 'dexie-cloud', 'new-user', '--to', 'ftp://example.test/'], line: /^hooksim: .*ftp/ },
  { name: 'send: unknown provider', argv: ['send', 'nope', 'x', '--to', 'http://127.0.0.1:1/'], line: /^hooksim: unknown provider "nope"/ },
  { name: 'misspelt event', argv: ['send', 'logto', 'PostRegistr', '--to', 'http://127.0.0.1:1/'], line: /^hooksim: .*"PostRegistr".*\(did you mean "PostRegister"\?\)/ },
  { name: '--set __proto__', argv: ['show', 'logto', 'PostRegister', '--set', '__proto__.polluted=1'], line: /^hooksim: invalid path "__proto__\.polluted": "__proto__" cannot be used as a key$/ },
  { name: '--set constructor', argv: ['show', 'logto', 'PostRegister', '--set', 'user.constructor=1'], line: /^hooksim: invalid path "user\.constructor": "constructor" cannot be used as a key$/ },
  { name: '--set without =', argv: ['show', 'logto', 'PostRegister', '--set', 'noequals'], line: /^hooksim: invalid --set "noequals": expected path=value/ },
  { name: 'show: unknown variant', argv: ['show', 'logto', 'PostRegister', '--variant', 'nope'], line: /^hooksim: .*variant "nope"/ },
  { name: 'unknown flag of list', argv: ['list', '--bogus'], line: /^hooksim: unknown option '--bogus'/ },
  { name: 'no scenarios folder', argv: ['run'], line: /^hooksim: no such file or folder: scenarios$/ },
  {
    name: 'a project root with no scenarios',
    argv: ['run', '.'],
    files: { 'package.json': '{"name":"app","version":"1.0.0"}', 'tsconfig.json': '{}', 'docker-compose.yml': 'services: {}\n', 'scenario.schema.json': '{"$schema":"x","properties":{"provider":{}}}' },
    line: /^hooksim: no scenarios in \. \(4 YAML\/JSON files there are not a scenario: docker-compose\.yml, package\.json, scenario\.schema\.json, \.\.\.\): a scenario is a \.yaml\/\.yml\/\.json file with name:, provider: and steps:/,
  },
  { name: 'an empty folder', argv: ['run', 'empty'], files: { empty: { dir: true } }, line: /^hooksim: no scenarios in empty: / },
  // The configuration.
  { name: 'config: invalid JSON', argv: ['run', 's.yaml'], files: { 'hooksim.config.json': '{"seed": 1,,}', 's.yaml': valid }, line: /^hooksim: config .*hooksim\.config\.json:1:12: invalid JSON/ },
  { name: 'config: unknown key', argv: ['run', 's.yaml'], files: { 'hooksim.config.json': '{"target": {}}', 's.yaml': valid }, line: /^hooksim: config .*unknown option "target" \(did you mean "targets"\?\)/ },
  { name: 'config: wrong type', argv: ['run', 's.yaml'], files: { 'hooksim.config.json': '{"seed": "x"}', 's.yaml': valid }, line: /^hooksim: config .*seed/ },
  { name: 'config: not an object', argv: ['run', 's.yaml'], files: { 'hooksim.config.json': '[]', 's.yaml': valid }, line: /^hooksim: config .*(object|array)/i },
  { name: 'config: __proto__ key', argv: ['run', 's.yaml'], files: { 'hooksim.config.json': '{"__proto__": {"seed": 1}}', 's.yaml': valid }, line: /^hooksim: config .*__proto__/ },
  { name: 'config: unknown reporter', argv: ['run', 's.yaml'], files: { 'hooksim.config.json': '{"reporters": ["junt"]}', 's.yaml': valid }, line: /^hooksim: unknown reporter "junt"/ },
  { name: 'config: negative reply cap', argv: ['run', 's.yaml'], files: { 'hooksim.config.json': '{"maxReplyBytes": -1}', 's.yaml': valid }, line: /^hooksim: config .*maxReplyBytes/ },
  { name: 'config: module that throws', argv: ['run', 's.yaml'], files: { 'hooksim.config.mjs': 'throw new Error("boom\\nsecond line");\n', 's.yaml': valid }, line: /^hooksim: config .*failed to load: boom$/ },
  { name: 'config: no default export', argv: ['run', 's.yaml'], files: { 'hooksim.config.mjs': 'export const x = 1;\n', 's.yaml': valid }, line: /^hooksim: config .*no default export/ },
  // Scenario files: shape.
  scenario('unknown top-level key', `${head}stepz:\n  - send: new-user\n`, /^s\.yaml:4:1: unknown key "stepz" \(did you mean "steps"\?\)/),
  scenario('unknown nested key', `${head}${step}    expect:\n      statuz: 200\n`, /^s\.yaml:7:7: unknown key "statuz" \(did you mean "status"\?\)/),
  scenario('missing steps', 'name: story\nprovider: dexie-cloud\n', /^s\.yaml:1:1: missing required key "steps"/),
  scenario('wrong type of a key', `${head}seed: lots\n${step}`, /^s\.yaml:4:7: seed: expected number, got string "lots"$/),
  scenario('bad enum value', `${head}${step}    expect:\n      contract: kep\n`, /^s\.yaml:7:17: .*got string "kep" \(did you mean "kept"\?\)/),
  scenario('unknown provider', 'name: s\nprovider: dexie\nsteps:\n  - send: new-user\n', /^s\.yaml:2:11: unknown provider "dexie" \(did you mean "dexie-cloud"\?\)/),
  scenario('unknown event', `${logto}steps:\n  - send: PostRegistr\n`, /^s\.yaml:5:11: unknown logto event "PostRegistr" \(did you mean "PostRegister"\?\)/),
  scenario('unknown variant', `${logto}steps:\n  - send: PostRegister\n    variant: nope\n`, /^s\.yaml:6:14: unknown variant "nope" of PostRegister/),
  scenario('duplicate key', `${head}name: again\n${step}`, /^s\.yaml:4:1: invalid YAML: Map keys must be unique/),
  scenario('YAML syntax error', `${head}steps:\n  - send: "new-user\n`, /^s\.yaml:6:1: invalid YAML: Missing closing "quote$/),
  scenario('bad indentation', `${head}steps:\n  - send: new-user\n   expect: {}\n`, /^s\.yaml:\d+:\d+: invalid YAML: /),
  scenario('empty file', '', /^s\.yaml:1:1: the file is empty: a scenario is a mapping with name, provider and steps$/),
  scenario('a list, not a mapping', '- 1\n- 2\n', /^s\.yaml:1:1: expected a scenario mapping with name, provider and steps, got a list$/),
  scenario('binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x7b, 0x0a, 0x00, 0x5b]), /^s\.yaml:\d+:\d+: /),
  scenario('no steps at all', `${head}steps: []\n`, /^s\.yaml:4:8: steps: expected at least 1 item/),
  scenario('reference to an unknown step', `${head}${step}    set:\n      user.x: \${steps.nope.reply.status}\n`, /^s\.yaml:7:15: \$\{steps\.nope\.reply\.status\} refers to step "nope"/),
  scenario('unknown actor', `${head}${step}    actor: ada\n`, /^s\.yaml:6:12: unknown actor "ada"/),
  scenario('bad duration', `${head}${step}    after: soon\n`, /^s\.yaml:6:12: .*expected a duration/),
  scenario('status out of range', `${head}${step}    expect:\n      status: 99\n`, /^s\.yaml:7:15: .*expected a status code/),
  scenario('repeat too high', `${head}${step}    deviate:\n      repeat: 100\n`, /^s\.yaml:7:15: steps\.0\.deviate\.repeat: expected at most 20, got number 100$/),
  scenario('mock API port out of range', `${head}mockApi:\n  port: 70000\n${step}`, /^s\.yaml:5:9: mockApi\.port: expected at most 65535, got number 70000$/),
  scenario('invalid regular expression', `${head}${step}    expect:\n      body:\n        action:\n          matches: "(["\n`, /^s\.yaml:9:20: invalid regular expression/),
  scenario('matcher keyword typo oneof', `${head}${step}    expect:\n      body:\n        action:\n          oneof: [prod, eval]\n`, /^s\.yaml:9:11: unknown matcher "oneof" \(did you mean "oneOf"\?\)/),
  scenario('matcher keyword typo equal', `${head}${step}    expect:\n      body:\n        action:\n          equal: prod\n`, /^s\.yaml:9:11: unknown matcher "equal" \(did you mean "equals"\?\)/),
  // Scenario files: hostile.
  { name: 'alias bomb', argv: ['run', 's.yaml'], files: { 's.yaml': aliasBomb }, line: /^s\.yaml:2:8: too many YAML alias expansions \(an alias bomb\?\)/ },
  scenario('deep flow nesting', `${head}steps: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /^s\.yaml:\d+:\d+: nested too deeply: a scenario file may nest at most 64 levels$/),
  scenario('deep block nesting', deepBlock, /^s\.yaml:\d+:\d+: nested too deeply: a scenario file may nest at most 64 levels$/),
  scenario('a 50 MB file', Buffer.alloc(50 * 1024 * 1024, 0x61), /^s\.yaml:1:1: file too large: 50\.0 MB; a scenario file may be at most 2\.0 MB$/),
  scenario('__proto__ under expect.body', `${head}${step}    expect:\n      body:\n        __proto__: { action: prod }\n`, /^s\.yaml:8:9: key "__proto__" is not allowed/),
  scenario('constructor under expect.body', `${head}${step}    expect:\n      body:\n        constructor: 1\n`, /^s\.yaml:8:9: key "constructor" is not allowed/),
  scenario('constructor inside a set path', `${head}${step}    set:\n      user.constructor.name: x\n`, /^s\.yaml:7:7: key "user\.constructor\.name" is not allowed/),
  scenario('a malformed set path', `${head}${step}    set:\n      user..name: x\n`, /^s\.yaml:7:7: invalid path "user\.\.name": use dotted keys/),
  scenario('a malformed unset path', `${head}${step}    unset: ["user["]\n`, /^s\.yaml:6:13: invalid path "user\[": use dotted keys/),
  scenario('a malformed actor field path', `${head}actors:\n  ada:\n    user.: x\n${step}`, /^s\.yaml:6:5: invalid path "user\.": use dotted keys/),
  scenario('prototype under actors', `${head}actors:\n  ada:\n    prototype: 1\n${step}`, /^s\.yaml:6:5: key "prototype" is not allowed/),
  scenario('__proto__ at the top', `__proto__: {}\n${head}${step}`, /^s\.yaml:1:1: key "__proto__" is not allowed/),
  scenario('__proto__ in unset', `${head}${step}    unset: [__proto__]\n`, /^s\.yaml:6:13: path "__proto__" is not allowed/),
  scenario('a missing environment variable in options', `${logto}options:\n  signingKey: { env: HOOKSIM_TEST_UNSET_KEY }\nsteps:\n  - send: PostRegister\n`, /^s\.yaml:5:15: environment variable HOOKSIM_TEST_UNSET_KEY is not set/),
  scenario('a missing environment variable in a step', `${head}${step}  - send: new-user\n    set:\n      user.name: { env: HOOKSIM_TEST_UNSET_NAME }\n`, /^s\.yaml:8:18: environment variable HOOKSIM_TEST_UNSET_NAME is not set/),
  { name: 'a folder named like a scenario', argv: ['run', 'x.yaml'], files: { 'x.yaml': { dir: true } }, line: /^hooksim: no scenarios in x\.yaml/ },
  { name: 'a pipe named like a scenario', argv: ['run', 'p.yaml'], files: { 'p.yaml': { fifo: true } }, line: /^p\.yaml:1:1: not a regular file/ },
  { name: 'a broken symlink', argv: ['run', 'l.yaml'], files: { 'l.yaml': { symlink: 'gone.yaml' } }, line: /^hooksim: no such file or folder: l\.yaml$/ },
  { name: 'a JSON scenario with a syntax error', argv: ['run', 's.json'], files: { 's.json': '{"name": "s", "provider": "dexie-cloud",, "steps": []}' }, line: /^s\.json:1:\d+: invalid YAML: / },
  { name: 'a JSON scenario with duplicate keys', argv: ['run', 's.json'], files: { 's.json': '{"name": "s", "name": "t", "provider": "dexie-cloud", "steps": [{"send": "new-user"}]}' }, line: /^s\.json:1:15: invalid YAML: Map keys must be unique/ },
];

/** Lines that look like a stack frame, or the catch-all for errors nobody planned. */
const STACK = /^\s+at .+[:(]/m;

describe('bad input, counted: exit 2, one line, no stack trace', () => {
  // The CLI loads its engines on first use; each case's 2 s is for the input, not for that.
  beforeAll(async () => {
    await cli(['run', workspace({ 'w.yaml': 'name: w\n' })], {}, tmpdir());
  });

  test('the table has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = workspace(c.files);
    const { code, stdout, stderr } = await cli(c.argv, {}, dir);
    const output = `${stderr}\n${stdout}`;
    expect(output).not.toMatch(STACK);
    expect(output).not.toMatch(/unexpected error|Maximum call stack/);
    expect(code, output).toBe(2);
    const lines = output.split('\n').map((line) => line.replace(/^\s*!?\s*/, ''));
    const said = lines.filter((line) => c.line.test(line));
    expect(said, output).not.toHaveLength(0);
    // One line each: a usage error is stderr's only line; a file's error is one (repeated) line.
    if (c.line.source.startsWith('^hooksim:')) expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
    else expect(new Set(lines.filter((line) => /^[\w./-]+:\d+:\d+: /.test(line))).size, output).toBe(1);
  }, 2000);
});
