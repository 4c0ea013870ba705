import type { WireRequest } from '../../core/types.js';

/**
 * A signing scheme as data: which preset, and the few facts that differ between users of it
 * (header names, prefixes, tolerance). Declarative provider files write exactly this; the
 * interpreter in `./index.ts` turns it into a {@link Signer}.
 */
export type SigningSchemeSpec =
  | HmacHexSpec
  | StandardWebhooksSpec
  | StripeSpec
  | NoneSpec
  | CustomSpec;

/** Lowercase hex HMAC-SHA256 of the exact body in one header (Logto, GitHub with `prefix: sha256=`). */
export interface HmacHexSpec {
  scheme: 'hmac-sha256-hex';
  /** Lowercase header name. */
  header: string;
  /** Text before the digest (`sha256=`); default none. */
  prefix?: string;
}

/**
 * Standard Webhooks (svix, Clerk, ...): `webhook-id`, `webhook-timestamp` (seconds) and
 * `webhook-signature: v1,<base64>` over `id.timestamp.body`, key `whsec_<base64>`. Several keys
 * (space-separated) give several space-separated signatures, as during key rotation.
 */
export interface StandardWebhooksSpec {
  scheme: 'standard-webhooks';
  /** `webhook` (the spec's names, default) or `svix` (`svix-id`, `svix-timestamp`, `svix-signature`). */
  brand?: 'webhook' | 'svix';
  /** How far a timestamp may be from now when verifying, in seconds (default 300, as the spec). */
  toleranceS?: number;
}

/** Stripe-style: `<header>: t=<seconds>,v1=<hex>` over `t.body`, key used as UTF-8 text. */
export interface StripeSpec {
  scheme: 'stripe';
  /** Lowercase header name (default `stripe-signature`). */
  header?: string;
  /** Verification tolerance in seconds (default 300, as Stripe's libraries). */
  toleranceS?: number;
}

/** The provider does not sign. */
export interface NoneSpec {
  scheme: 'none';
}

/** Anything else, in TypeScript: a function from what is signed to the signature header's value. */
export interface CustomSpec {
  scheme: 'custom';
  /** A short name for reports (`acme-v2`). */
  name: string;
  /** Lowercase header name. */
  header: string;
  sign(input: SignInput): string;
}

/** Everything a scheme may sign over. */
export interface SignInput {
  /** The signing key as configured (several keys: separated by spaces). */
  key: string;
  /** The exact body text. */
  body: string;
  /** The provider's time of sending, epoch ms. */
  now: number;
  /** The message id (schemes that carry one use it; others ignore it). */
  id: string;
}

/** The result of checking a request's signature the way a careful hook does. */
export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * A scheme, interpreted: computes header values, reads them back, verifies, and knows its own
 * alphabet so deviations stay plausible. Pure: no clock or randomness of its own.
 */
export interface Signer {
  /** The scheme's name (`hmac-sha256-hex`, `standard-webhooks`, `stripe`, `none`, or a custom name). */
  readonly scheme: string;
  /** Header names the scheme writes, lowercase, in the order it writes them. */
  readonly headers: readonly string[];
  /** The header holding the signature proper ('' for `none`). */
  readonly signatureHeader: string;
  /** True when a timestamp is signed (stale and future timestamps can be probed). */
  readonly timestamped: boolean;
  /** True when a message id is signed (replays of an old id can be probed). */
  readonly identified: boolean;
  /** The header values for this message (empty for `none`). */
  sign(input: SignInput): Record<string, string>;
  /** The id and time a signed request carries (to re-sign another body with the same ones). */
  read(headers: Record<string, string>): { id?: string; now?: number };
  /** Checks a request as a hook that verifies correctly would, at time `now` (epoch ms). */
  verify(request: Pick<WireRequest, 'headers' | 'body'>, key: string, now: number): Verification;
  /** A key no real configuration uses, in the form this scheme expects (`wrong-key` probes). */
  readonly probeKey: string;
  /** The same value with one digest character changed within the digest's alphabet (never padding). */
  tamper(value: string): string;
}
