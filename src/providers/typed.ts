import type { z } from 'zod';
import type { dexieOptionsSchema } from './dexie-cloud/options.js';
import type { DexieCloudEventVariants } from './dexie-cloud/event-types.generated.js';
import type { DexieOutcome } from './dexie-cloud/outcome.js';
import type { DeclarativeOutcome } from './declarative/compile.js';
import type { EnrollmentEventVariants } from './enrollment/event-types.generated.js';
import type { EnrollmentOptions } from './enrollment/index.js';
import type { LogtoEventVariants } from './logto/event-types.generated.js';
import type { logtoOptionsSchema } from './logto/options.js';
import type { LogtoOutcome } from './logto/outcome.js';
import type { StandardWebhooksEventVariants } from './standard-webhooks/event-types.generated.js';
import type { StandardWebhooksOptions } from './standard-webhooks/index.js';

/**
 * What the type checker knows of each built-in provider: its events with their variants, the
 * options it accepts and what it makes of a reply. `send()` and `prepareEvent()` read this map, so
 * a misspelt event, variant or option name is a compile error and `result.outcome` is typed.
 */
export interface ProviderTypes {
  logto: { variants: LogtoEventVariants; options: z.input<typeof logtoOptionsSchema>; outcome: LogtoOutcome };
  'dexie-cloud': { variants: DexieCloudEventVariants; options: z.input<typeof dexieOptionsSchema>; outcome: DexieOutcome };
  enrollment: { variants: EnrollmentEventVariants; options: EnrollmentOptions; outcome: DeclarativeOutcome };
  'standard-webhooks': { variants: StandardWebhooksEventVariants; options: StandardWebhooksOptions; outcome: DeclarativeOutcome };
}

/** A built-in provider's name. */
export type ProviderName = keyof ProviderTypes;
/** The events of provider `P`. */
export type EventName<P extends ProviderName> = P extends ProviderName ? keyof ProviderTypes[P]['variants'] & string : never;
/** The trigger variants of event `E` of provider `P`. */
export type VariantName<P extends ProviderName, E extends EventName<P>> = P extends ProviderName
  ? E extends keyof ProviderTypes[P]['variants']
    ? ProviderTypes[P]['variants'][E] & string
    : never
  : never;
/** The options provider `P` accepts (defaults filled in by hooksim). */
export type OptionsOf<P extends ProviderName> = ProviderTypes[P]['options'];
/** What provider `P` makes of a reply: `result.outcome`. */
export type OutcomeOf<P extends ProviderName> = ProviderTypes[P]['outcome'];
