import type { Command } from 'commander';
import { UsageError } from '../../../core/errors.js';
import { commandHelp } from '../../../cli/commands/help.js';
import { collect, headersFrom } from '../../../cli/commands/shared.js';
import type { ProviderCommandModule } from '../../../cli/commands/provider-commands.js';
import { EXIT } from '../../../cli/io.js';
import { colourEnabled, paint } from '../../../cli/style.js';

interface TestHookFlags {
  to?: string;
  signingKey?: string;
  header?: string[];
  hookId?: string;
  version?: string;
  json?: boolean;
}

/**
 * `hooksim test-hook <event>... --to <url>`: Logto Console's "Send test payload", a command Logto
 * adds to the CLI (`Provider.commands`). Like every command module it imports only commander and
 * small helpers; the flow loads inside the action.
 */
export const register: ProviderCommandModule['register'] = (program: Command, io, setExit) => {
  program
    .command('test-hook')
    .description("send Logto's fixed test payloads, as the Console's \"Send test payload\" does, and print Logto's answer (204 or 422)")
    .argument('<events...>', 'Logto events, e.g. PostRegister User.Created')
    .option('--to <url>', 'the hook URL [required]')
    .option('--signing-key <key>', 'the hook signing key (or env HOOKSIM_SIGNING_KEY)')
    .option('--header <name: value>', 'a custom header of the hook; repeatable', collect)
    .option('--hook-id <id>', 'the hook id', 'hooksimtesthook000000')
    // Only this command's flag: the program's own --version is read before the command name alone.
    .option('--version <version>', 'Logto version profile: 1.42 or 1.43', '1.42')
    .option('--json', 'print { response, requests } as JSON')
    .addHelpText(
      'after',
      commandHelp(
        [
          'hooksim test-hook PostRegister User.Created --to http://localhost:3000/hooks/logto --signing-key $KEY',
          'hooksim test-hook PostSignIn --to http://localhost:3000/hooks/logto --version 1.43 --json',
        ],
        'Logto would answer 204: every test payload got a 2xx',
        'Logto would answer 422: a hook replied non-2xx or could not be reached',
      ),
    )
    .action(async (events: string[], flags: TestHookFlags) => {
      if (!flags.to) throw new UsageError('test-hook needs --to <url>: the hook to call');
      const [{ sendLogtoTestPayloads }, { getEvent, getProvider }, { parseTargetUrl }, { formatRequest }] = await Promise.all([
        import('../flows/test-hook.js'),
        import('../../registry.js'),
        import('../../../transports/target.js'),
        import('../../../cli/format.js'),
      ]);
      const logto = getProvider('logto');
      for (const event of events) getEvent(logto, event);
      if (flags.version !== '1.42' && flags.version !== '1.43') throw new UsageError(`--version expects 1.42 or 1.43, got "${flags.version}"`);
      const { response, requests } = await sendLogtoTestPayloads({
        target: parseTargetUrl(flags.to),
        events,
        hookId: flags.hookId ?? 'hooksimtesthook000000',
        signingKey: flags.signingKey ?? io.env.HOOKSIM_SIGNING_KEY,
        headers: headersFrom(flags.header),
        version: flags.version,
      });
      if (flags.json) io.stdout(JSON.stringify({ response, requests }, null, 2) + '\n');
      else {
        const p = paint(colourEnabled(io.isTty, io.env));
        for (const request of requests) io.stdout(`${formatRequest(request, flags.to, p)}\n\n`);
        const verdict = response.status === 204 ? p.ok('Logto answers 204: the test payloads were delivered') : p.bad(`Logto answers 422 ${response.body.code}`);
        io.stdout(`${verdict}\n${response.status === 422 ? `${JSON.stringify(response.body, null, 2)}\n` : ''}`);
      }
      setExit(response.status === 204 ? EXIT.pass : EXIT.fail);
    });
};
