import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { Reporter } from '../../reporters/types.js';
import { EXIT, type CliIo } from '../io.js';
import { prepareOutFile, writeAtomically, type OutFile } from '../out-files.js';
import { colourEnabled } from '../style.js';
import { commandHelp } from './help.js';
import { collect, intOption } from './shared.js';

interface RunFlags {
  target?: string;
  grep?: string;
  seed?: string;
  reporter?: string[];
  out?: string[];
  bail?: boolean;
  config?: string;
  now?: string;
}

/** Reporters that stream to the terminal; the others write a document (stdout or --out). */
const LIVE = new Set(['pretty', 'github']);

/**
 * Pairs `--out` values with reporters: `junit=report.xml` names its reporter; a bare file goes
 * to the last document reporter (`--reporter pretty --reporter junit --out report.xml`).
 */
export function outputsFor(reporters: readonly string[], outs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  const documents = reporters.filter((name) => !LIVE.has(name));
  for (const out of outs) {
    const eq = out.indexOf('=');
    const named = eq > 0 ? out.slice(0, eq) : undefined;
    if (named !== undefined && reporters.includes(named)) {
      map.set(named, out.slice(eq + 1));
      continue;
    }
    const target = documents.find((name) => !map.has(name));
    if (!target) throw new UsageError(`--out ${out}: no reporter to write it (add --reporter json or --reporter junit)`);
    map.set(target, out);
  }
  return map;
}

/** `hooksim run [paths...]`: run scenario files and report. */
export function registerRun(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('run scenario files (YAML/JSON) against hooks and report')
    .argument('[paths...]', 'scenario files or folders (default: the config\'s scenarios, or ./scenarios)')
    .option('--target <url|name>', "send every scenario's events here (a URL or a config target name)")
    .option('--grep <text>', 'only scenarios whose name or file contains this text')
    .option('--seed <n>', "replace every scenario's seed")
    .option('--reporter <name>', 'pretty (default), json, junit or github; repeatable', collect)
    .option('--out <file>', 'write a document reporter to a file (junit=report.xml); repeatable', collect)
    .option('--bail', 'stop after the first scenario that does not pass')
    .option('--config <file>', 'configuration file (default: hooksim.config.{ts,mts,js,mjs,json} here)')
    .option('--now <iso>', 'the provider clock at the first step of scenarios without start:')
    .addHelpText(
      'after',
      `${commandHelp(
        ['hooksim run scenarios/', 'hooksim run --reporter pretty --reporter junit --out junit=reports/hooksim.xml'],
        'every scenario passed',
        'a scenario failed or errored (a hook unreachable, an unexpected error), or a reporter failed',
      )}\n  130  interrupted with Ctrl-C: the partial report is printed and --out files are written\n\n--out files are checked before anything is sent and replaced whole (written beside, then renamed).`,
    )
    .action(async (paths: string[], flags: RunFlags) => {
      // The runner, YAML and reporters load here, not at the top: `hooksim --help` must stay cheap.
      const [{ loadConfig }, { createReporters, progressReporter }, { runScenarios }] = await Promise.all([
        import('../../config/load.js'),
        import('../../reporters/index.js'),
        import('../../scenarios/run-all.js'),
      ]);
      const { isolateReporter, describeFailure } = await import('../../reporters/isolate.js');
      const { config } = await loadConfig(io.cwd, flags.config);
      const names = flags.reporter ?? config.reporters ?? ['pretty'];
      const outs = outputsFor(names, flags.out ?? []);
      if (flags.now !== undefined && !Number.isFinite(new Date(flags.now).getTime())) {
        throw new UsageError(`--now expects an ISO date such as 2026-01-31T12:00:00Z, got "${flags.now}"`);
      }
      const seed = intOption(flags.seed, '--seed');
      // Report files are checked before anything is sent: a run must not end with nowhere to write.
      const files = new Map<string, OutFile>();
      for (const [reporter, file] of outs) files.set(reporter, await prepareOutFile(io.cwd, file));

      const colour = colourEnabled(io.isTty, io.env);
      const failedReporters = new Set<string>();
      const onFailure = (failure: Parameters<typeof describeFailure>[0]) => {
        failedReporters.add(failure.reporter);
        io.stderr(`hooksim: ${describeFailure(failure)}\n`);
      };
      const created: Reporter[] = createReporters(names, { write: io.stdout, isTty: io.isTty, colour });
      // Without the pretty reporter, stdout may carry a document: progress goes to stderr.
      if (!names.includes('pretty')) created.push(progressReporter({ write: io.stderr, isTty: io.isTty, colour }));
      const reporters = created.map((reporter) => isolateReporter(reporter, onFailure));

      const controller = new AbortController();
      const stopListening = io.onInterrupt?.(() => controller.abort());
      let run;
      try {
        run = await runScenarios({
          paths,
          config,
          target: flags.target,
          grep: flags.grep,
          seed,
          bail: flags.bail,
          now: flags.now === undefined ? undefined : new Date(flags.now).getTime(),
          env: io.env,
          cwd: io.cwd,
          reporters,
          // Deliveries are kept only for a reporter that renders them all at the end (JSON).
          keepResults: reporters.some((reporter) => reporter.keepsResults),
          signal: controller.signal,
          onReporterError: onFailure,
        });

        let writeFailed = false;
        for (const reporter of reporters) {
          const document = reporter.onRunEnd(run);
          // Half a report is worse than none: a failed reporter's file keeps what it had.
          if (failedReporters.has(reporter.name)) continue;
          const file = files.get(reporter.name);
          if (file !== undefined) {
            try {
              await writeAtomically(file, document);
            } catch (error) {
              writeFailed = true;
              io.stderr(`hooksim: ${(error as Error).message}\n`);
            }
          } else if (document) {
            io.stdout(document.endsWith('\n') ? document : `${document}\n`);
          }
        }
        let code: number = run.exitCode;
        if (failedReporters.size > 0 && code === EXIT.pass) code = EXIT.fail;
        if (writeFailed) code = EXIT.usage;
        if (run.interrupted) code = EXIT.interrupted;
        setExit(code);
      } finally {
        stopListening?.();
      }
    });
}
