import type { Command, Option } from 'commander';

/** The provider API port flags a command got, and how to read them. */
export interface EmulatorPortFlags {
  /** Port of each emulated API by its short name, as given (`--logto-port 0` → `{ logto: 0 }`). */
  ports(flags: Record<string, unknown>, toInt: (value: string | undefined, flag: string) => number | undefined): Record<string, number | undefined>;
}

/**
 * The flags `hooksim serve` and `hooksim ui` share: one `--<name>-port` per provider API the
 * emulator plays (from the providers' catalog: `Provider.emulator.api`), the tenant file, the
 * config; then `more` (the command's own). They are declared once the command is chosen, not
 * when the program is built: the catalog is read for `serve` and `ui` only, never for `--help`.
 */
export function addEmulatorFlags(program: Command, command: Command, more: (command: Command) => void = () => undefined): EmulatorPortFlags {
  const portOptions: { name: string; option: Option }[] = [];
  program.hook('preSubcommand', async (_program, chosen) => {
    if (chosen !== command || portOptions.length > 0) return;
    const { loadCatalog } = await import('../../providers/catalog.js');
    const apis = (await loadCatalog()).flatMap((entry) => (entry.emulatedApi ? [entry.emulatedApi] : [])).sort((a, b) => a.defaultPort - b.defaultPort);
    for (const api of apis) {
      command.option(`--${api.name}-port <n>`, `${api.label} mock (${api.flagSummary}) port`, String(api.defaultPort));
      portOptions.push({ name: api.name, option: command.options.at(-1)! });
    }
    command
      .option('--state <file.json>', 'load the tenant from this file at start (if it exists), save it on exit')
      .option('--config <file>', 'configuration file with named targets (default: hooksim.config.* here)');
    more(command);
  });
  return {
    ports: (flags, toInt) => Object.fromEntries(portOptions.map(({ name, option }) => [name, toInt(flags[option.attributeName()] as string | undefined, option.long!)])),
  };
}
