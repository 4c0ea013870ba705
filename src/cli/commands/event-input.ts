import { UsageError } from '../../core/errors.js';
import { getProvider } from '../../providers/registry.js';
import type { SendOptions } from '../../send.js';
import { collect, headersFrom, intOption, optionKeys, overridesFrom, providerOptionsFrom, setDedicated } from './shared.js';
import type { Command } from 'commander';

/** Flags shared by `send` and `show`: how to build the event. */
export interface EventFlags {
  variant?: string;
  seed?: string;
  set?: string[];
  unset?: string[];
  signingKey?: string;
  option?: string[];
  header?: string[];
  now?: string;
  timeout?: string;
  retries?: string;
}

/** Declares the event-building flags on a command. */
export function addEventFlags(command: Command): Command {
  return command
    .option('--variant <name>', 'how the event was triggered (see `hooksim list`)')
    .option('--seed <n>', 'seed for generated values: same seed, same bytes', '1')
    .option('--set <path=value>', 'override a payload field (dotted path; value parsed as JSON if it parses)', collect)
    .option('--unset <path>', 'remove a payload field', collect)
    .option('--signing-key <key>', 'Logto signing key (or env HOOKSIM_SIGNING_KEY)')
    .option('--header <name: value>', 'custom header configured on the Logto hook', collect)
    .option('--option <key=value>', 'provider option, e.g. version=1.43, failurePolicy=eval', collect)
    .option('--now <iso>', 'the time the provider thinks it is (pins createdAt)')
    .option('--timeout <ms>', "the provider's per-attempt timeout in ms")
    .option('--retries <mode>', 'Logto retry mode: none (1.42 code) or 5xx-retry-3 (docs)');
}

/** Turns parsed flags into `send()`/`prepareEvent()` input (without a target). */
export function eventInputFrom(
  providerName: string,
  event: string,
  flags: EventFlags,
  env: Record<string, string | undefined>,
): Omit<SendOptions, 'target'> {
  const provider = getProvider(providerName);
  const options = providerOptionsFrom(provider, flags.option);
  setDedicated(provider, options, 'timeoutMs', intOption(flags.timeout, '--timeout', 1), '--timeout');
  setDedicated(provider, options, 'retries', flags.retries, '--retries');
  setDedicated(provider, options, 'headers', headersFrom(flags.header), '--header');
  setDedicated(provider, options, 'signingKey', flags.signingKey, '--signing-key');
  if (options.signingKey === undefined && env.HOOKSIM_SIGNING_KEY && optionKeys(provider).includes('signingKey')) {
    options.signingKey = env.HOOKSIM_SIGNING_KEY;
  }
  if (flags.now !== undefined && !Number.isFinite(new Date(flags.now).getTime())) {
    throw new UsageError(`--now expects an ISO date such as 2026-01-31T12:00:00Z, got "${flags.now}"`);
  }
  return {
    provider,
    event,
    variant: flags.variant,
    seed: intOption(flags.seed, '--seed'),
    set: overridesFrom(flags.set, flags.unset),
    options,
    now: flags.now,
  };
}
