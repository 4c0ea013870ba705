import { Command, CommanderError } from 'commander';
import { isUsageError } from '../core/errors.js';
import { registerCheck } from './commands/check.js';
import { registerList } from './commands/list.js';
import { registerLoad } from './commands/load.js';
import { registerRun } from './commands/run.js';
import { registerSchema } from './commands/schema.js';
import { registerSend } from './commands/send.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerTrigger } from './commands/trigger.js';
import { registerUi } from './commands/ui.js';
import type { ProviderCommandModule } from './commands/provider-commands.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { packageVersion } from './version.js';

// Command modules import only commander and small helpers; each loads its engine inside its action,
// so `hooksim --help` and `hooksim list` start about as fast as Node itself.

const EXIT_HELP = `
Exit codes:
  0  every hook kept its contract, every scenario passed
  1  a hook broke its contract or was unreachable, a scenario failed or errored
  2  usage or configuration error (one line on stderr)

Run \`hooksim <command> --help\` for a command's flags and examples.`;

/**
 * Builds the command tree. Commands report their exit code through `setExit`. `providerCommands`
 * are the commands providers add (`Provider.commands`, loaded by `loadProviderCommands()`).
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void, providerCommands: readonly ProviderCommandModule[] = []): Command {
  const program = new Command('hooksim')
    .description('Test your identity-provider hooks against a faithful Dexie Cloud and Logto')
    .version(packageVersion())
    // Program flags (--version, --help) are read before the command name only, so a command may
    // have a flag of the same name (test-hook --version 1.43).
    .enablePositionalOptions()
    .exitOverride()
    .showSuggestionAfterError(true)
    .option('--provider-file <file>', 'add a provider described in a YAML/JSON file (repeatable; also accepted among any command\'s flags)')
    .addHelpText('after', EXIT_HELP)
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      // Commander's own errors ("unknown option") are printed by runCli, once, in our format.
      writeErr: () => undefined,
      outputError: () => undefined,
    });
  registerSend(program, io, setExit);
  registerRun(program, io, setExit);
  registerShow(program, io);
  registerList(program, io);
  registerSchema(program, io);
  // Providers' own commands (Logto's test-hook) come after the commands that list and describe.
  for (const command of providerCommands) command.register(program, io, setExit);
  registerCheck(program, io, setExit);
  registerLoad(program, io, setExit);
  registerServe(program, io);
  registerTrigger(program, io, setExit);
  registerUi(program, io);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI and resolves to its exit code: 0 pass, 1 a hook or scenario failed, 2 usage or
 * configuration error. Never throws; errors become one line on stderr (stack only with HOOKSIM_DEBUG=1).
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.pass;
  try {
    // The providers' commands, from the built catalog: no provider code loads for --help.
    const { loadProviderCommands } = await import('./commands/provider-commands.js');
    const program = buildProgram(
      io,
      (code) => {
        exitCode = code;
      },
      await loadProviderCommands(),
    );
    if (argv.length === 0) {
      // A bare `hooksim` asks what there is: show it, but never pass a CI step that lost its command.
      io.stderr(program.helpInformation() + EXIT_HELP.trimEnd() + '\n');
      return EXIT.usage;
    }
    // Provider files first: every command then finds their providers by name.
    const [{ takeProviderFiles }, { withProviderScope }] = await Promise.all([import('./provider-files.js'), import('../providers/scope.js')]);
    // Providers from files last for this run: runCli called again in one process starts afresh.
    await withProviderScope(async () => program.parseAsync(await takeProviderFiles(argv, io.cwd), { from: 'user' }));
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0.
      if (error.exitCode === 0) return EXIT.pass;
      io.stderr(`hooksim: ${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT.usage;
    }
    if (isUsageError(error)) {
      io.stderr(`hooksim: ${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`hooksim: unexpected error: ${message}${io.env.HOOKSIM_DEBUG ? `\n${(error as Error).stack}` : ' (set HOOKSIM_DEBUG=1 for details)'}\n`);
    return EXIT.usage;
  }
}
