import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { Effects } from '../../check/types.js';
import { EXIT, type CliIo } from '../io.js';
import { prepareOutFile, writeAtomically, type OutFile } from '../out-files.js';
import { colourEnabled, paint } from '../style.js';
import { commandHelp } from './help.js';
import { outputsFor } from './run.js';
import { collect, intOption, providerOptionsFrom, setDedicated } from './shared.js';

interface CheckFlags {
  to?: string;
  signingKey?: string;
  events?: string;
  seed?: string;
  fuzz?: string;
  replay?: string;
  effects?: string;
  reporter?: string[];
  out?: string[];
  json?: boolean;
  strict?: boolean;
  only?: string[];
  option?: string[];
  timeout?: string;
  config?: string;
}

/**
 * `hooksim check <provider> --to <url|target>`: audits a hook with every check hooksim knows
 * for the provider. Exit 0 when no check fails (and, with --strict, none warns), 1 otherwise,
 * 2 on usage errors. The checks, fast-check, yaml and xmlbuilder2 load only when it runs.
 */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('audit a hook: every event and user shape, signature attacks, duplicates, order, latency, fuzzing, effects')
    .argument('<provider>', 'a provider, e.g. logto (`hooksim list` shows them all)')
    .option('--to <url|target>', 'the hook: a URL, or a target named in hooksim.config')
    .option('--signing-key <key>', "the provider's signing key (or env HOOKSIM_SIGNING_KEY); without it the signature checks are skipped")
    .option('--events <list>', 'comma-separated events the hook is subscribed to (others are still sent; refusing them is a warning)')
    .option('--seed <n>', 'seed for generated payloads and the fuzzer', '1')
    .option('--fuzz <n>', 'generated payloads to try (0: off; 1000 for a deep run)', '20')
    .option('--replay <path>', 'replay one fuzz failure: the path printed with it (with the same --seed)')
    .option('--effects <file>', 'YAML/JSON: per event, a request to your API and the answer expected after the delivery')
    .option('--only <prefix>', 'only checks whose id starts with this (signature., events.User); repeatable', collect)
    .option('--option <key=value>', 'provider option, e.g. version=1.43, timeoutMs=5000', collect)
    .option('--timeout <ms>', "the provider's timeout in ms")
    .option('--reporter <name>', 'pretty (default), json, junit or github; repeatable', collect)
    .option('--out <file>', 'write a document reporter to a file (junit=report.xml); repeatable', collect)
    .option('--json', 'print the report as one JSON document (same as --reporter json)')
    .option('--strict', 'warnings fail the run too')
    .option('--config <file>', 'configuration file: named targets, effects')
    .addHelpText(
      'after',
      commandHelp(
        [
          'hooksim check logto --to http://localhost:3000/hooks/logto --signing-key $LOGTO_SIGNING_KEY',
          'hooksim check logto --to logto-signed --events PostRegister,User.Created --effects effects.yaml',
          'hooksim check dexie-cloud --to http://localhost:3000/hooks/dexie --fuzz 1000',
          'hooksim check logto --to http://localhost:3000/hooks/logto --seed 1 --replay 12:0:1:1',
        ],
        'no check failed (warnings allowed unless --strict)',
        'a check failed (or, with --strict, warned)',
      ),
    )
    .action(async (providerName: string, flags: CheckFlags) => {
      if (!flags.to) throw new UsageError('check needs --to <url|target>: the hook to audit');
      // The checks, fast-check, yaml and xmlbuilder2 load here: `hooksim --help` must stay cheap.
      const { getProvider } = await import('../../providers/registry.js');
      const provider = getProvider(providerName);
      const names = flags.json ? ['json', ...(flags.reporter ?? [])] : (flags.reporter ?? ['pretty']);
      const { assertReporters, renderCheckReport } = await import('../../check/report/index.js');
      assertReporters(names);
      const outs = outputsFor(names, flags.out ?? []);
      // Report files are checked before anything is sent.
      const files = new Map<string, OutFile>();
      for (const [reporter, file] of outs) files.set(reporter, await prepareOutFile(io.cwd, file));
      const options = providerOptionsFrom(provider, flags.option);
      setDedicated(provider, options, 'timeoutMs', intOption(flags.timeout, '--timeout', 1), '--timeout');
      // The environment's key counts for providers that sign (the option they name for it).
      const { signingKeyOption } = await import('../../providers/signing/binding.js');
      const signingKey = flags.signingKey ?? (signingKeyOption(provider) !== undefined ? io.env.HOOKSIM_SIGNING_KEY : undefined);
      const events = flags.events?.split(',').map((event) => event.trim()).filter(Boolean);
      const { checkHook, parseEffectsFile } = await import('../../check/index.js');
      let effects: Effects | undefined;
      if (flags.effects !== undefined) {
        const file = resolve(io.cwd, flags.effects);
        const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new UsageError(`--effects ${flags.effects}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
        });
        effects = await parseEffectsFile(text, flags.effects);
      }
      // The config names targets and may declare effects; --to URL and --effects FILE win.
      const [{ loadConfig }, { namedTarget }] = await Promise.all([import('../../config/load.js'), import('../../scenarios/target.js')]);
      const { config } = await loadConfig(io.cwd, flags.config);
      const target = flags.to.includes('://') ? flags.to : namedTarget(flags.to, config, undefined);
      effects ??= config.effects;
      const report = await checkHook({
        provider,
        target,
        ...(signingKey ? { signingKey } : {}),
        events,
        seed: intOption(flags.seed, '--seed'),
        fuzz: intOption(flags.fuzz, '--fuzz'),
        replay: flags.replay,
        effects,
        strict: flags.strict,
        only: flags.only,
        options,
      });
      const p = paint(colourEnabled(io.isTty, io.env));
      for (const name of [...new Set(names)]) {
        const document = await renderCheckReport(name, report, p);
        const file = files.get(name);
        if (file !== undefined) await writeAtomically(file, document);
        else io.stdout(document);
      }
      setExit(report.exitCode === 0 ? EXIT.pass : EXIT.fail);
    });
}
