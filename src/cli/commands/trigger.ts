import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { EXIT, type CliIo } from '../io.js';
import { commandHelp } from './help.js';
import { collect, intOption } from './shared.js';

interface TriggerFlags {
  variant?: string;
  set?: string[];
  unset?: string[];
  to?: string;
  target?: string;
  user?: string;
  seed?: string;
  emulator?: string;
  json?: boolean;
}

/** The emulator URL and the token it may carry (`http://127.0.0.1:5173/?token=...` from `hooksim ui`). */
function emulatorUrl(text: string): { base: URL; token?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--emulator expects the URL hooksim serve printed, e.g. http://127.0.0.1:4400, got "${text}"`);
  }
  const token = url.searchParams.get('token') ?? undefined;
  url.search = '';
  url.hash = '';
  return { base: url, ...(token ? { token } : {}) };
}

/** `hooksim trigger <provider> <event>`: asks a running emulator to send an event. */
export function registerTrigger(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('trigger')
    .description('ask a running emulator (hooksim serve / ui) to send an event about a user of its tenant')
    .argument('<provider>', 'a provider the emulator serves, e.g. logto (`hooksim list` shows them all)')
    .argument('<event>', 'event name, e.g. new-user, PostRegister, User.Created')
    .option('--to <url|name>', 'the hook: a URL or a config target name of the emulator [required]')
    .option('--variant <name>', 'how the event was triggered (see `hooksim list`)')
    .option('--set <path=value>', 'override a payload field (value parsed as JSON if it parses); repeatable', collect)
    .option('--unset <path>', 'remove a payload field; repeatable', collect)
    .option('--user <id>', "speak of this user of the provider's emulated API, e.g. a Logto tenant's user (default: a new user)")
    .option('--seed <n>', 'seed of the generated user (default: the emulator picks a new one)')
    .option('--emulator <url>', 'the running emulator (env HOOKSIM_EMULATOR)', 'http://127.0.0.1:4400')
    .option('--json', 'print the delivery as JSON (secrets redacted)')
    .addHelpText(
      'after',
      commandHelp(
        ['hooksim trigger logto PostRegister --to http://localhost:3000/hooks/logto', 'hooksim trigger dexie-cloud new-user --to dexie-domain --set email=ada@acme.test'],
        'the hook kept the contract',
        'the hook broke the contract, or could not be reached',
      ),
    )
    .action(async (provider: string, event: string, flags: TriggerFlags) => {
      const target = flags.to ?? flags.target;
      if (!target) throw new UsageError('trigger needs --to <url|name>: the hook to call');
      const { base, token } = emulatorUrl(io.env.HOOKSIM_EMULATOR && flags.emulator === 'http://127.0.0.1:4400' ? io.env.HOOKSIM_EMULATOR : flags.emulator!);
      const set = [...(flags.set ?? []), ...(flags.unset ?? []).map((path) => `-${path}`)];
      const body = { provider, event, target, ...(flags.variant ? { variant: flags.variant } : {}), ...(set.length ? { set } : {}), ...(flags.user ? { user: flags.user } : {}), ...(flags.seed !== undefined ? { seed: intOption(flags.seed, '--seed') } : {}) };
      let response: Response;
      try {
        response = await fetch(new URL('/api/trigger', base), { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { 'x-hooksim-token': token } : {}) }, body: JSON.stringify(body) });
      } catch {
        throw new UsageError(`no emulator at ${base.origin}: start one with \`hooksim serve\` (or pass --emulator URL)`);
      }
      const answer = (await response.json().catch(() => ({ error: `the emulator answered ${response.status} without JSON` }))) as Record<string, unknown>;
      if (!response.ok) throw new UsageError(String(answer.error ?? `the emulator answered ${response.status}`));
      const { formatDelivery } = await import('../../emulator/format.js');
      io.stdout(flags.json ? JSON.stringify(answer, null, 2) + '\n' : formatDelivery(answer as never));
      setExit((answer.verdict as { pass?: boolean } | undefined)?.pass ? EXIT.pass : EXIT.fail);
    });
}
