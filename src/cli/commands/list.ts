import type { Command } from 'commander';
import type { ProviderCatalogEntry } from '../../providers/catalog.js';
import type { CliIo } from '../io.js';
import { colourEnabled, paint } from '../style.js';
import { commandHelp } from './help.js';

/** `hooksim list`: providers, their events and each event's trigger variants. */
export function registerList(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('list providers, events and their variants')
    .argument('[provider]', 'only this provider')
    .option('--json', 'print as JSON')
    .addHelpText('after', commandHelp(['hooksim list', 'hooksim list logto --json'], 'the list was printed'))
    .action(async (only: string | undefined, flags: { json?: boolean }) => {
      const { loadCatalog, catalogEntry } = await import('../../providers/catalog.js');
      const { loadedProviderEntries } = await import('../provider-files.js');
      const catalog = [...(await loadCatalog()), ...loadedProviderEntries()];
      // catalogEntry throws a usage error with a suggestion for an unknown name.
      const chosen = only === undefined ? catalog : [catalogEntry(catalog, only)];
      if (flags.json) {
        io.stdout(JSON.stringify(chosen, null, 2) + '\n');
        return;
      }
      io.stdout(formatCatalog(chosen, paint(colourEnabled(io.isTty, io.env))));
    });
}

function formatCatalog(chosen: readonly ProviderCatalogEntry[], p: ReturnType<typeof paint>): string {
  const lines: string[] = [];
  for (const provider of chosen) {
    lines.push(`${p.bold(provider.name)}  ${p.dim(provider.title)}`);
    if (provider.notes) for (const note of provider.notes) lines.push(`  ${p.dim(note)}`);
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
  return lines.join('\n');
}
