import { UsageError } from '../../core/errors.js';
import { getProvider } from '../../providers/registry.js';
import { signingKeyOption } from '../../providers/signing/binding.js';
import type { ProviderSendOptions } from '../../send.js';
import type { EventFlags } from './event-flags.js';
import { headersFrom, intOption, overridesFrom, providerOptionsFrom, setByFlag, setDedicated } from './shared.js';

/** Turns parsed flags into `send()`/`prepareEvent()` input (without a target). */
export function eventInputFrom(
  providerName: string,
  event: string,
  flags: EventFlags,
  env: Record<string, string | undefined>,
): Omit<ProviderSendOptions, 'target'> {
  const provider = getProvider(providerName);
  const options = providerOptionsFrom(provider, flags.option);
  setDedicated(provider, options, 'timeoutMs', intOption(flags.timeout, '--timeout', 1), '--timeout');
  // What --retries and --header set is the provider's to say (an option declaring the flag).
  setByFlag(provider, options, '--retries', flags.retries);
  setByFlag(provider, options, '--header', headersFrom(flags.header));
  // The key goes to the option the provider names (a provider file's `keyOption`).
  const keyOption = signingKeyOption(provider);
  if (flags.signingKey !== undefined) {
    if (keyOption === undefined) throw new UsageError(`--signing-key does not apply to ${provider.name}`);
    options[keyOption] = flags.signingKey;
  } else if (keyOption !== undefined && options[keyOption] === undefined && env.HOOKSIM_SIGNING_KEY) {
    options[keyOption] = env.HOOKSIM_SIGNING_KEY;
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
