import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { getProvider } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';
import { createEventStream } from './stream.js';

/** What `hooksim load --export artillery DIR` writes. */
export interface ArtilleryExportOptions {
  dir: string;
  provider: string | AnyProvider;
  events: readonly string[];
  /** The hook's URL (Artillery has no in-process targets). */
  url: string;
  /** Events per second (open loop); Artillery's arrival rate is users per second, derived from it. */
  rate?: number;
  durationMs?: number;
  count?: number;
  /** Provider options written into the processor (secrets must not be here: see `secretOptions`). */
  options?: Record<string, unknown>;
  /**
   * Where the processor reads each secret option at run time: option name -> environment
   * variable (`{ signingKey: 'HOOKSIM_SIGNING_KEY' }`). Secrets are never written to the files.
   */
  secretOptions?: Record<string, string>;
  /** How the processor imports hooksim when the `hooksim` package is not installed beside it. */
  fallbackImport?: string;
  /** hooksim's version, for the package.json that distributed runners install from. */
  version?: string;
}

/** The files written, by name. */
export interface ArtilleryExport {
  script: string;
  processor: string;
  packageJson: string;
}

const DEFAULT_SECONDS = 60;
const DEFAULT_USERS_PER_SECOND = 10;

/** YAML scalars as JSON strings: valid YAML, and no quoting rules to get wrong. */
const q = (text: string) => JSON.stringify(text);

/**
 * Writes an Artillery test script and a processor that builds and signs each virtual user's
 * events with hooksim itself (one new user per virtual user, the user's events in order), so
 * the load can run on Artillery's distributed runners while every request stays faithful,
 * signed and unique.
 */
export async function exportArtillery(input: ArtilleryExportOptions): Promise<ArtilleryExport> {
  const provider = typeof input.provider === 'string' ? getProvider(input.provider) : input.provider;
  // Checks the event names and options now, with hooksim's messages, rather than in Artillery's workers.
  const stream = createEventStream({ provider, events: input.events, options: { ...input.options, ...placeholders(input.secretOptions) } });
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new UsageError(`--export artillery needs --to as a URL (Artillery cannot call an in-process app), got "${input.url}"`);
  }
  const perUser = stream.perUser;
  const seconds = Math.max(1, Math.round((input.durationMs ?? DEFAULT_SECONDS * 1000) / 1000));
  // Artillery starts virtual users; each sends one user's events.
  const phase =
    input.count !== undefined
      ? `    - duration: ${seconds}\n      arrivalCount: ${Math.ceil(input.count / perUser)}`
      : `    - duration: ${seconds}\n      arrivalRate: ${input.rate !== undefined ? Math.max(1, Math.round(input.rate / perUser)) : DEFAULT_USERS_PER_SECOND}`;
  const requests = input.events.map(
    () => `      - post:\n          url: ${q(url.pathname + url.search)}\n          beforeRequest: "hooksimSign"`,
  );
  const script = [
    `# Written by hooksim load --export artillery: ${provider.name} ${input.events.join(' ')}.`,
    '# Each virtual user is a new user whose events hooksim builds and signs (hooksim-processor.mjs).',
    `# Run: ${secretHint(input.secretOptions)}npx artillery run hooksim-load.yml`,
    'config:',
    `  target: ${q(url.origin)}`,
    '  phases:',
    phase,
    '  processor: "./hooksim-processor.mjs"',
    'scenarios:',
    `  - name: ${q(`${provider.name} ${input.events.join(' + ')}`)}`,
    '    flow:',
    '      - function: "hooksimNewUser"',
    ...requests,
    '',
  ].join('\n');

  const settings = { provider: provider.name, events: [...input.events], options: input.options ?? {}, secretOptions: input.secretOptions ?? {} };
  const processor = `// Written by hooksim load --export artillery. Builds and signs every request with hooksim, so
// each virtual user sends a new user's events exactly as ${provider.name} would.
import { randomInt } from 'node:crypto';

const settings = ${JSON.stringify(settings, null, 2)};

let streamPromise;
/** One event stream per Artillery worker, seeded apart from the other workers' (random base). */
function stream() {
  streamPromise ??= (async () => {
    const hooksim = await import('hooksim').catch(${input.fallbackImport ? `() => import(${q(input.fallbackImport)})` : '(error) => { throw new Error(`hooksim is not installed beside this processor: npm install hooksim (${error.message})`); }'});
    const options = { ...settings.options };
    for (const [option, variable] of Object.entries(settings.secretOptions)) {
      if (process.env[variable] === undefined) throw new Error(\`set \${variable}: the \${option} of the hook\`);
      options[option] = process.env[variable];
    }
    // Workers run in parallel (and on other machines): each draws its own range of users, so
    // no two virtual users anywhere send the same user (an Artillery run is not replayable).
    return hooksim.createEventStream({ provider: settings.provider, events: settings.events, seed: randomInt(1, 2 ** 31), options });
  })();
  return streamPromise;
}

/** A new user for this virtual user: their events, built and signed in order. */
export async function hooksimNewUser(context) {
  const events = await stream();
  context.vars.hooksimEvents = Array.from({ length: events.perUser }, () => events.next().request);
}

/** Puts the user's next event on this request: the exact body and headers hooksim signed. */
export function hooksimSign(requestParams, context, ee, next) {
  const request = context.vars.hooksimEvents.shift();
  delete requestParams.json;
  requestParams.body = request.body;
  requestParams.headers = { ...request.headers };
  return next();
}
`;
  const packageJson = `${JSON.stringify({ private: true, type: 'module', dependencies: { hooksim: input.version ? `^${input.version}` : '*' } }, null, 2)}\n`;

  await mkdir(input.dir, { recursive: true });
  await Promise.all([
    writeFile(join(input.dir, 'hooksim-load.yml'), script),
    writeFile(join(input.dir, 'hooksim-processor.mjs'), processor),
    writeFile(join(input.dir, 'package.json'), packageJson),
  ]);
  return { script, processor, packageJson };
}

/** Secret options stand in as placeholders while the names and options are checked. */
function placeholders(secretOptions: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.keys(secretOptions ?? {}).map((option) => [option, 'placeholder-secret-value']));
}

function secretHint(secretOptions: Record<string, string> | undefined): string {
  const variables = Object.values(secretOptions ?? {});
  return variables.length ? `${variables.map((variable) => `${variable}=...`).join(' ')} ` : '';
}
