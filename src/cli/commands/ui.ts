import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { addEmulatorFlags } from './emulator-flags.js';
import { commandHelp } from './help.js';
import { intOption } from './shared.js';

interface UiFlags {
  port?: string;
  state?: string;
  config?: string;
  open?: boolean;
  /** `--<name>-port` of each emulated provider API. */
  [portFlag: string]: string | boolean | undefined;
}

/** Opens a URL in the desktop's browser (only with --open); failure is a warning, not an error. */
async function openBrowser(url: string, warn: (line: string) => void): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => warn(`hooksim ui: could not open a browser (${command as string}); open the URL above yourself`));
  child.unref();
}

/** `hooksim ui`: the emulator with a dashboard, until Ctrl-C. */
export function registerUi(program: Command, io: CliIo): void {
  const command = program
    .command('ui')
    .description('run the provider emulator with a local dashboard: send, stories, check, mock APIs, history')
    .option('--port <n>', 'dashboard port (0: any free one)', '0');
  const emulatorFlags = addEmulatorFlags(program, command, (chosen) => chosen.option('--open', 'open the dashboard in the default browser'));
  command
    .addHelpText('after', commandHelp(['hooksim ui', 'hooksim ui --port 5173 --state .hooksim/tenant.json --open'], 'stopped with Ctrl-C or SIGTERM (the state file is saved first)'))
    .action(async (flags: UiFlags) => {
      const [{ loadConfig }, { startDashboard }, { untilStopped }, { resolve }] = await Promise.all([
        import('../../config/load.js'),
        import('../../ui/server.js'),
        import('../../emulator/service.js'),
        import('node:path'),
      ]);
      const { config } = await loadConfig(io.cwd, flags.config);
      const stateFile = flags.state ? resolve(io.cwd, flags.state) : undefined;
      const warn = (line: string) => io.stderr(`${line}\n`);
      const dashboard = await startDashboard({
        config,
        cwd: io.cwd,
        port: intOption(flags.port, '--port'),
        ports: emulatorFlags.ports(flags, intOption),
        stateFile,
        env: io.env,
        warn,
      });
      io.stdout(
        [
          `hooksim ui: ${dashboard.url}`,
          ...dashboard.emulator.apis.map((api) => `  ${api.label.padEnd(11)}  ${api.url}  (${api.routes})`),
          `  targets      ${Object.keys(config.targets ?? {}).join(', ') || 'none (type a URL in the dashboard)'}`,
          `  trigger      hooksim trigger <provider> <event> --to <target> --emulator '${dashboard.url}'`,
          ...(stateFile ? [`  state        ${stateFile} (saved on exit)`] : []),
          'Ctrl-C to stop',
          '',
        ].join('\n'),
      );
      if (flags.open) await openBrowser(dashboard.url, warn);
      await untilStopped();
      await dashboard.close();
      io.stderr('hooksim ui: stopped' + (stateFile ? `, state saved to ${stateFile}` : '') + '\n');
    });
}
