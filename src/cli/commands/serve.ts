import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { addEmulatorFlags } from './emulator-flags.js';
import { commandHelp } from './help.js';
import { intOption } from './shared.js';

interface ServeFlags {
  port?: string;
  state?: string;
  config?: string;
  /** `--<name>-port` of each emulated provider API. */
  [portFlag: string]: string | undefined;
}

/** `hooksim serve`: the provider emulator, headless, until Ctrl-C. */
export function registerServe(program: Command, io: CliIo): void {
  const command = program
    .command('serve')
    .description("run a local provider emulator: the providers' mock APIs (Logto's Management API, Dexie Cloud's database) and a control API to trigger events")
    .option('--port <n>', 'control API port (hooksim trigger talks to it)', '4400');
  const emulatorFlags = addEmulatorFlags(program, command);
  command
    .addHelpText(
      'after',
      commandHelp(
        ['hooksim serve --state .hooksim/tenant.json', 'hooksim trigger logto PostRegister --to http://localhost:3000/hooks/logto'],
        'stopped with Ctrl-C or SIGTERM (the state file is saved first)',
      ),
    )
    .action(async (flags: ServeFlags) => {
      const [{ loadConfig }, { startService, untilStopped }, { resolve }] = await Promise.all([import('../../config/load.js'), import('../../emulator/service.js'), import('node:path')]);
      const { config } = await loadConfig(io.cwd, flags.config);
      const stateFile = flags.state ? resolve(io.cwd, flags.state) : undefined;
      const service = await startService({
        config,
        port: intOption(flags.port, '--port'),
        ports: emulatorFlags.ports(flags, intOption),
        stateFile,
        env: io.env,
        warn: (line) => io.stderr(`${line}\n`),
      });
      const { emulator, server } = service;
      io.stdout(
        [
          'hooksim serve: provider emulator running',
          `  control API  ${server.url}  (hooksim trigger --emulator ${server.url})`,
          ...emulator.apis.map((api) => `  ${api.label.padEnd(11)}  ${api.url}  (${api.routes}${api.clientId ? `; client id ${api.clientId}` : ''})`),
          `  targets      ${Object.keys(config.targets ?? {}).join(', ') || 'none (trigger with --to URL)'}`,
          ...(stateFile ? [`  state        ${stateFile} (saved on exit)`] : []),
          'Ctrl-C to stop',
          '',
        ].join('\n'),
      );
      await untilStopped();
      await service.close();
      io.stderr('hooksim serve: stopped' + (stateFile ? `, state saved to ${stateFile}` : '') + '\n');
    });
}
