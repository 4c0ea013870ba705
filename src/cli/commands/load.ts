import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { EXIT, type CliIo } from '../io.js';
import { commandHelp } from './help.js';
import { collect, intOption, providerOptionsFrom } from './shared.js';
import { packageVersion } from '../version.js';

// Declaring the command must stay cheap (`hooksim --help` loads this file): the load engine,
// providers and transports are imported inside the action.

interface LoadFlags {
  to?: string;
  connections?: string;
  rate?: string;
  duration?: string;
  events?: string;
  seed?: string;
  signingKey?: string;
  option?: string[];
  failOn?: string;
  json?: boolean;
  config?: string;
  export?: string[];
}

/** What `--fail-on` is when not given: any event not kept fails the run, as `send` fails. */
const DEFAULT_FAIL_ON = 'errors>0';

/** `30s`, `500ms`, `2m`, `1h` or a plain number of seconds, in ms. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--duration expects a time such as 30s, 500ms or 2m, got "${text}"`);
  const amount = Number(match[1]);
  const unit = (match[2] ?? 's').toLowerCase();
  const ms = amount * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
  if (ms <= 0) throw new UsageError(`--duration must be above 0, got "${text}"`);
  return ms;
}

/** `200` or `200/s` events per second. */
export function parseRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(\/s)?$/i.exec(text.trim());
  const rate = match ? Number(match[1]) : NaN;
  if (!(rate > 0)) throw new UsageError(`--rate expects events per second such as 200 or 200/s, got "${text}"`);
  return rate;
}

/** `hooksim load <provider> <event...> --to <url|target>`: many distinct events, judged, summarised. */
export function registerLoad(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('load')
    .description('send many distinct, signed events to a hook and report throughput, latency percentiles and verdicts')
    .argument('<provider>', 'a provider, e.g. logto (`hooksim list` shows them all)')
    .argument('<events...>', "one user's events, in order (each round is a new user); event:variant picks a variant, e.g. PostRegister User.Created:experience")
    .option('--to <url|target>', 'the hook: a URL, or a target name from the config [required]')
    .option('--connections <n>', 'requests in flight at most (closed loop: that many senders)', '10')
    .option('--rate <n/s>', 'open loop: start this many events per second whatever the hook does (latency counts from the intended start)')
    .option('--duration <time>', 'stop starting events after this long: 30s, 500ms, 2m')
    .option('--events <n>', 'stop after this many events (default 1000 when no --duration)')
    .option('--seed <n>', 'seed of the run: same seed, same events', '1')
    .option('--signing-key <key>', "the provider's signing key (or env HOOKSIM_SIGNING_KEY)")
    .option('--option <key=value>', 'provider option, e.g. version=1.43, failurePolicy=eval; repeatable', collect)
    .option('--fail-on <conditions>', `exit 1 when any holds, e.g. 'p99>500ms,errors>0.1%' (default '${DEFAULT_FAIL_ON}'); metrics: p50 p90 p99 p99.9 max mean errors broken transport-errors throughput`)
    .option('--json', 'print the report as one JSON document')
    .option('--config <file>', 'configuration file for target names (default: hooksim.config.* here)')
    .option('--export <artillery-dir...>', 'write the same load as an Artillery script + processor (`--export artillery DIR`) instead of running it')
    .addHelpText(
      'after',
      commandHelp(
        [
          "hooksim load logto PostRegister User.Created:experience --to http://localhost:3000/hooks/logto --signing-key $KEY --events 10000 --connections 20",
          "hooksim load dexie-cloud new-user --to http://localhost:3000/hooks/dexie --rate 200/s --duration 30s --fail-on 'p99>500ms,errors>0.1%'",
        ],
        'no --fail-on condition held',
        'a --fail-on condition held (by default: an event was not kept)',
      ),
    )
    .action(async (providerName: string, events: string[], flags: LoadFlags) => {
      if (!flags.to) throw new UsageError('load needs --to <url|target>: the hook to call');
      if (flags.duration !== undefined && flags.events !== undefined) throw new UsageError('give --duration or --events, not both');
      const connections = intOption(flags.connections, '--connections', 1);
      const count = intOption(flags.events, '--events', 1);
      const durationMs = flags.duration === undefined ? undefined : parseDuration(flags.duration);
      const rate = flags.rate === undefined ? undefined : parseRate(flags.rate);
      const seed = intOption(flags.seed, '--seed');
      const [{ loadTest, formatLoadReport, formatProgress, parseThresholds, evaluateThresholds }, { getProvider }] = await Promise.all([
        import('../../load/index.js'),
        import('../../providers/registry.js'),
      ]);
      const thresholds = parseThresholds(flags.failOn ?? DEFAULT_FAIL_ON);
      const provider = getProvider(providerName);
      let options = providerOptionsFrom(provider, flags.option);
      let target: unknown = flags.to;
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(flags.to)) {
        // Not a URL: a target name from the config (an in-process app, or a URL it names).
        const [{ loadConfig }, { didYouMean }] = await Promise.all([import('../../config/load.js'), import('../../core/suggest.js')]);
        const { config } = await loadConfig(io.cwd, flags.config);
        const names = Object.keys(config.targets ?? {});
        if (!names.includes(flags.to)) {
          throw new UsageError(`--to "${flags.to}" is neither a URL nor a target of the config${didYouMean(flags.to, names)}${names.length ? `; targets: ${names.join(', ')}` : ''}`);
        }
        target = config.targets![flags.to];
        options = { ...(config.providerOptions?.[provider.name] ?? {}), ...options };
      }
      // The key goes to the option the provider names for it (a provider file's `keyOption`).
      const { signingKeyOption } = await import('../../providers/signing/binding.js');
      const keyOption = signingKeyOption(provider);
      if (flags.signingKey !== undefined && keyOption === undefined) throw new UsageError(`--signing-key does not apply to ${provider.name}`);
      const signingKey = flags.signingKey ?? (keyOption !== undefined && options[keyOption] === undefined ? io.env.HOOKSIM_SIGNING_KEY : undefined);
      if (keyOption !== undefined && signingKey !== undefined) options = { ...options, [keyOption]: signingKey };
      if (flags.export !== undefined) {
        const [tool, dir, ...rest] = flags.export;
        if (tool !== 'artillery' || dir === undefined || rest.length > 0) throw new UsageError('--export expects "artillery <dir>", e.g. --export artillery load-test/');
        if (typeof target !== 'string') throw new UsageError('--export artillery needs --to as a URL: Artillery cannot call an in-process app');
        const { exportArtillery } = await import('../../load/artillery.js');
        const { resolve } = await import('node:path');
        // Secrets stay out of the files: the processor reads them from the environment.
        const secretOptions: Record<string, string> = keyOption !== undefined ? { [keyOption]: 'HOOKSIM_SIGNING_KEY' } : {};
        const parsed = provider.optionsSchema.safeParse(options);
        const secrets: unknown[] = parsed.success ? provider.secrets(parsed.data) : [];
        const plainOptions: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(options)) {
          if (key in secretOptions) continue;
          if (secrets.includes(value)) secretOptions[key] = `HOOKSIM_OPTION_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
          else plainOptions[key] = value;
        }
        await exportArtillery({
          dir: resolve(io.cwd, dir),
          provider,
          events,
          url: target,
          rate,
          durationMs,
          count,
          options: plainOptions,
          secretOptions,
          fallbackImport: await ownEntry(),
          // The runners' `npm install` then gets the hooksim that wrote the processor.
          version: packageVersion(),
        });
        io.stdout(`wrote ${dir}/hooksim-load.yml, hooksim-processor.mjs and package.json\nrun: cd ${dir} && npm install && ${Object.values(secretOptions).map((name) => `${name}=... `).join('')}npx artillery run hooksim-load.yml\n`);
        setExit(EXIT.pass);
        return;
      }

      const controller = new AbortController();
      const stopListening = io.onInterrupt?.(() => controller.abort());
      // Live progress only on a terminal, on stderr: piped output stays the report alone.
      const live = io.isTty && !flags.json;
      let report;
      try {
        report = await loadTest({
          provider,
          events,
          target: target as never,
          connections,
          rate,
          durationMs,
          count,
          seed,
          options,
          signal: controller.signal,
          ...(live ? { onProgress: (progress) => io.stderr(`\r\x1b[2K${formatProgress(progress)}`) } : {}),
        });
      } finally {
        if (live) io.stderr('\r\x1b[2K');
        stopListening?.();
      }
      const results = evaluateThresholds(thresholds, report);
      const failed = results.some((result) => result.failed);
      if (flags.json) io.stdout(JSON.stringify({ ...report, thresholds: results, pass: !failed }, null, 2) + '\n');
      else io.stdout(formatLoadReport(report, results));
      setExit(report.interrupted ? EXIT.interrupted : failed ? EXIT.fail : EXIT.pass);
    });
}

/**
 * hooksim's own root module, for an exported processor to import when the `hooksim` package is
 * not installed beside it: dist/index.js, or src/index.ts when running from source (under tsx).
 */
async function ownEntry(): Promise<string> {
  const [{ existsSync }, { fileURLToPath }] = await Promise.all([import('node:fs'), import('node:url')]);
  const built = new URL('../../index.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built.href : new URL('../../index.ts', import.meta.url).href;
}
