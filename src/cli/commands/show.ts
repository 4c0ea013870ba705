import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { colourEnabled, paint } from '../style.js';
import { addEventFlags, type EventFlags } from './event-flags.js';
import { commandHelp } from './help.js';

interface ShowFlags extends EventFlags {
  json?: boolean;
  raw?: boolean;
}

/** `hooksim show <provider> <event>`: the exact request that would be sent; nothing is sent. */
export function registerShow(program: Command, io: CliIo): void {
  addEventFlags(
    program
      .command('show')
      .description('print the exact request a provider would send (nothing is sent)')
      .argument('<provider>', 'a provider, e.g. logto (`hooksim list` shows them all)')
      .argument('<event>', 'event name'),
  )
    .option('--raw', 'print only the body bytes, exactly as sent')
    .option('--json', 'print {provider, event, variant, options, request} as JSON')
    .addHelpText(
      'after',
      commandHelp(
        ['hooksim show logto User.Created --variant management-api', 'hooksim show dexie-cloud new-user --raw | jq .'],
        'the request was printed',
      ),
    )
    .action(async (providerName: string, event: string, flags: ShowFlags) => {
      const [{ eventInputFrom }, { prepareEvent }, { redact }, { formatRequest }] = await Promise.all([
        import('./event-input.js'),
        import('../../send.js'),
        import('../../core/redact.js'),
        import('../format.js'),
      ]);
      const prepared = prepareEvent(eventInputFrom(providerName, event, flags, io.env));
      const request = redact(prepared.request, prepared.secrets);
      if (flags.raw) {
        io.stdout(request.body);
        return;
      }
      if (flags.json) {
        const { provider, event: name, variant, options, seed } = prepared;
        io.stdout(JSON.stringify({ provider: provider.name, event: name, variant, seed, options, request }, null, 2) + '\n');
        return;
      }
      const p = paint(colourEnabled(io.isTty, io.env));
      io.stdout(`${p.dim(`${prepared.provider.name} ${prepared.event} (variant ${prepared.variant}, seed ${prepared.seed})`)}\n${formatRequest(request, '<hook URL>', p)}\n`);
    });
}
