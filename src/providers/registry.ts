import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { dexieCloud } from './dexie-cloud/index.js';
import { logto } from './logto/index.js';
import type { AnyProvider, EventDefinition, EventVariant } from './types.js';

/** Every provider hooksim emulates. A new provider is one folder and one line here. */
export const providers: readonly AnyProvider[] = [dexieCloud, logto];

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
