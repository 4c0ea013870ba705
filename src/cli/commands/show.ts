import type { Command } from 'commander';
import { redact } from '../../core/redact.js';
import { prepareEvent } from '../../send.js';
import { formatRequest } from '../format.js';
import type { CliIo } from '../io.js';
import { colourEnabled, paint } from '../style.js';
import { addEventFlags, eventInputFrom, type EventFlags } from './event-input.js';

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
      .argument('<provider>', 'dexie-cloud or logto')
      .argument('<event>', 'event name'),
  )
    .option('--raw', 'print only the body bytes, exactly as sent')
    .option('--json', 'print {provider, event, variant, options, request} as JSON')
    .action((providerName: string, event: string, flags: ShowFlags) => {
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
