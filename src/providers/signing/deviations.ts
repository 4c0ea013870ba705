/**
 * Every way a scenario step (or `hooksim check`) can make a request's signature wrong. Kept free
 * of imports: the scenario schema lists them without loading any signing code.
 */
export const signatureDeviations = ['tampered', 'missing', 'wrong-key', 'body-altered', 'stale-timestamp', 'future-timestamp', 'replayed-id'] as const;
export type SignatureDeviation = (typeof signatureDeviations)[number];
