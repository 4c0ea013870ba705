import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { dexieCloud } from './dexie-cloud/index.js';
import { enrollment } from './enrollment/index.js';
import { logto } from './logto/index.js';
import { standardWebhooks } from './standard-webhooks/index.js';
import { recordRegistration } from './scope.js';
import type { AnyProvider, EventDefinition, EventVariant } from './types.js';

/** The providers hooksim ships. A new provider is one folder and one line here. */
export const builtinProviders: readonly AnyProvider[] = [dexieCloud, logto, enrollment, standardWebhooks];
const builtins = builtinProviders;

const registered: AnyProvider[] = [...builtins];

/**
 * Every provider hooksim knows: the built-in ones, then those added at run time
 * ({@link registerProvider}: `--provider-file`, the config's `providers`).
 */
export const providers: readonly AnyProvider[] = registered;

/**
 * Adds a provider for this process (a compiled provider file, or your own `Provider` object), so
 * names resolve to it everywhere: CLI commands, scenario files, `send({ provider: 'name' })`.
 * Registering the very same object again is a no-op; another provider with a taken name is a
 * {@link UsageError}.
 */
export function registerProvider(provider: AnyProvider): void {
  const index = registered.findIndex((candidate) => candidate.name === provider.name);
  const existing = registered[index];
  if (existing === provider) return;
  // The same provider file loaded again (a second CLI run in one process, a config reloaded): the newer one wins.
  if (existing && !builtins.includes(existing) && sourceOf(existing) !== undefined && sourceOf(existing) === sourceOf(provider)) {
    registered[index] = provider;
    recordRegistration(() => {
      if (registered[index] === provider) registered[index] = existing;
    });
    return;
  }
  if (existing) {
    const origin = builtins.includes(existing) ? 'a built-in provider' : 'a provider already loaded';
    throw new UsageError(`provider "${provider.name}" is already defined (${origin}); give yours another name`);
  }
  registered.push(provider);
  recordRegistration(() => {
    const at = registered.indexOf(provider);
    if (at >= 0) registered.splice(at, 1);
  });
}

/** The file a provider was compiled from, when it was. */
function sourceOf(provider: AnyProvider): string | undefined {
  return (provider as { source?: string }).source;
}

/** The provider called `name`, or a {@link UsageError} suggesting the nearest name. */
export function getProvider(name: string): AnyProvider {
  const provider = providers.find((candidate) => candidate.name === name);
  if (provider) return provider;
  const names = providers.map((candidate) => candidate.name);
  throw new UsageError(`unknown provider "${name}"${didYouMean(name, names)}; known: ${names.join(', ')}`);
}

/** The event called `name` of `provider`, or a {@link UsageError} suggesting the nearest name. */
export function getEvent(provider: AnyProvider, name: string): EventDefinition {
  const event = provider.events.find((candidate) => candidate.name === name);
  if (event) return event;
  const names = provider.events.map((candidate) => candidate.name);
  throw new UsageError(`unknown ${provider.name} event "${name}"${didYouMean(name, names)}; see \`hooksim list\``);
}

/** The named variant of an event (default: its first), or a {@link UsageError}. */
export function getVariant(provider: AnyProvider, event: EventDefinition, name?: string): EventVariant {
  if (name === undefined) return event.variants[0]!;
  const variant = event.variants.find((candidate) => candidate.name === name);
  if (variant) return variant;
  const names = event.variants.map((candidate) => candidate.name);
  throw new UsageError(
    `unknown variant "${name}" of ${provider.name} ${event.name}${didYouMean(name, names)}; variants: ${names.join(', ')}`,
  );
}
