import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { EXIT, type CliIo } from '../io.js';
import { colourEnabled, paint } from '../style.js';
import { addEventFlags, type EventFlags } from './event-flags.js';
import { commandHelp } from './help.js';
import { intOption } from './shared.js';

interface SendFlags extends EventFlags {
  to?: string;
  json?: boolean;
  maxReplyBytes?: string;
  maxTotalMs?: string;
  insecure?: boolean;
}

/** `hooksim send <provider> <event> --to <url>`: one event, judged. */
export function registerSend(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addEventFlags(
    program
      .command('send')
      .description('send one provider event to a hook and judge its reply')
      .argument('<provider>', 'a provider, e.g. logto (`hooksim list` shows them all)')
      .argument('<event>', 'event name, e.g. new-user, PostRegister, User.Created'),
  )
    .option('--to <url>', 'the hook URL (http or https) [required]')
    .option('--max-reply-bytes <n>', 'bytes of the reply kept for the report', '1048576')
    .option('--max-total-ms <ms>', "hooksim's own cap on a whole attempt, body included (default: the provider's timeout + 30000)")
    .option('--insecure', 'accept a self-signed or otherwise untrusted TLS certificate (or trust it: NODE_EXTRA_CA_CERTS=ca.pem)')
    .option('--json', 'print one JSON document (secrets redacted)')
    .addHelpText(
      'after',
      commandHelp(
        [
          'hooksim send dexie-cloud new-user --to http://localhost:3000/hooks/dexie',
          'hooksim send logto PostRegister --to http://localhost:3000/hooks/logto --signing-key $LOGTO_SIGNING_KEY',
        ],
        'the hook kept the contract',
        'the hook broke the contract, or could not be reached',
      ),
    )
    .action(async (providerName: string, event: string, flags: SendFlags) => {
      if (!flags.to) throw new UsageError('send needs --to <url>: the hook to call');
      // Loaded here, not at the top: `hooksim --help` must not pay for providers and transports.
      const [{ eventInputFrom }, { send }, { formatSendResult }] = await Promise.all([
        import('./event-input.js'),
        import('../../send.js'),
        import('../format.js'),
      ]);
      const input = eventInputFrom(providerName, event, flags, io.env);
      const result = await send({
        ...input,
        target: flags.insecure ? { url: flags.to, insecure: true } : flags.to,
        maxReplyBytes: intOption(flags.maxReplyBytes, '--max-reply-bytes', 1),
        maxTotalMs: intOption(flags.maxTotalMs, '--max-total-ms', 1),
      });
      if (flags.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
      else io.stdout(formatSendResult(result, paint(colourEnabled(io.isTty, io.env))));
      setExit(result.verdict.pass ? EXIT.pass : EXIT.fail);
    });
}
