import type { DeclarativeOutcome } from '../declarative/compile.js';
import { shippedProvider } from '../declarative/shipped.js';
import { standardWebhooksDefinition } from './definition.generated.js';

/** Options of the standard-webhooks provider (see standard-webhooks.provider.yaml). */
export interface StandardWebhooksOptions {
  /** The instance the events come from (`instance_id`). */
  instanceId?: string;
  /** The endpoint's signing secret, `whsec_<base64>`; empty: unsigned. */
  signingKey?: string;
  timeoutMs?: number;
}

/** Clerk-style user events signed per Standard Webhooks, compiled from standard-webhooks.provider.yaml. */
export const standardWebhooks = shippedProvider(standardWebhooksDefinition);
export type StandardWebhooksOutcome = DeclarativeOutcome;

declare module '../typed.js' {
  /** The standard-webhooks provider's events, options and outcome, for the typed `send()`. */
  interface ProviderTypes {
    'standard-webhooks': { variants: import('./event-types.generated.js').StandardWebhooksEventVariants; options: StandardWebhooksOptions; outcome: DeclarativeOutcome };
  }
}
