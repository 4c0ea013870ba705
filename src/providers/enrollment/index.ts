import type { DeclarativeOutcome } from '../declarative/compile.js';
import { shippedProvider } from '../declarative/shipped.js';
import { enrollmentDefinition } from './definition.generated.js';

/** Options of the enrollment provider (see enrollment.provider.yaml). */
export interface EnrollmentOptions {
  /** The id of the app being enrolled. */
  appId?: string;
  /** The Standard Webhooks key, `whsec_<base64>`; empty: unsigned. */
  signingKey?: string;
  timeoutMs?: number;
}

/** The device enrollment webhook, compiled from enrollment.provider.yaml. */
export const enrollment = shippedProvider(enrollmentDefinition);
export type EnrollmentOutcome = DeclarativeOutcome;

declare module '../typed.js' {
  /** The enrollment provider's events, options and outcome, for the typed `send()`. */
  interface ProviderTypes {
    enrollment: { variants: import('./event-types.generated.js').EnrollmentEventVariants; options: EnrollmentOptions; outcome: DeclarativeOutcome };
  }
}
