import type { Command } from 'commander';

/** The flags `hooksim serve` and `hooksim ui` share: where the mock APIs listen, the tenant file, the config. */
export function addEmulatorFlags(command: Command): Command {
  return command
    .option('--logto-port <n>', 'Logto mock (Management API + /oidc/token) port', '4401')
    .option('--dexie-port <n>', 'Dexie Cloud mock (/token + /users) port', '4402')
    .option('--state <file.json>', 'load the tenant from this file at start (if it exists), save it on exit')
    .option('--config <file>', 'configuration file with named targets (default: hooksim.config.* here)');
}
