import type { Command } from 'commander';
import { getProvider, providers } from '../../providers/registry.js';
import type { CliIo } from '../io.js';
import { colourEnabled, paint } from '../style.js';

/** `hooksim list`: providers, their events and each event's trigger variants. */
export function registerList(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('list providers, events and their variants')
    .argument('[provider]', 'only this provider')
    .option('--json', 'print as JSON')
    .action((only: string | undefined, flags: { json?: boolean }) => {
      // getProvider throws a usage error with a suggestion for an unknown name.
      const chosen = only === undefined ? providers : [getProvider(only)];
      if (flags.json) {
        const data = chosen.map(({ name, title, events }) => ({ name, title, events }));
        io.stdout(JSON.stringify(data, null, 2) + '\n');
        return;
      }
      const p = paint(colourEnabled(io.isTty, io.env));
      const lines: string[] = [];
      for (const provider of chosen) {
        lines.push(`${p.bold(provider.name)}  ${p.dim(provider.title)}`);
        const width = Math.max(...provider.events.map((event) => event.name.length));
        for (const event of provider.events) {
          lines.push(`  ${event.name.padEnd(width)}  ${event.summary}`);
          event.variants.forEach((variant, index) => {
            const tag = index === 0 ? ' (default)' : '';
            lines.push(`  ${''.padEnd(width)}    ${p.dim(`--variant ${variant.name}${tag}: ${variant.summary}`)}`);
          });
        }
        lines.push('');
      }
      io.stdout(lines.join('\n'));
    });
}
