import { PROBE_KEY, hmacSha256, sameText, splitKeys } from './digest.js';
import type { Signer, StripeSpec } from './types.js';

/** The hex HMAC of `t.body` under a key taken as UTF-8 text. */
export function stripeDigest(key: string, seconds: number, body: string): string {
  return hmacSha256(key, `${seconds}.${body}`).toString('hex');
}

function parse(value: string): { t?: number; v1: string[] } {
  const v1: string[] = [];
  let t: number | undefined;
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const text = part.slice(eq + 1).trim();
    if (name === 't' && /^\d+$/.test(text)) t = Number(text);
    if (name === 'v1') v1.push(text);
  }
  return { t, v1 };
}

/** Stripe-style timestamped signatures: `t=<seconds>,v1=<hex>[,v1=<hex>...]` in one header. */
export function stripeSigner(spec: StripeSpec): Signer {
  const header = spec.header ?? 'stripe-signature';
  const toleranceS = spec.toleranceS ?? 300;
  return {
    scheme: 'stripe',
    headers: [header],
    signatureHeader: header,
    timestamped: true,
    identified: false,
    probeKey: PROBE_KEY,
    sign({ key, body, now }) {
      const seconds = Math.floor(now / 1000);
      const entries = splitKeys(key).map((one) => `v1=${stripeDigest(one, seconds, body)}`);
      return { [header]: [`t=${seconds}`, ...entries].join(',') };
    },
    read(headers) {
      const t = headers[header] === undefined ? undefined : parse(headers[header]).t;
      return t === undefined ? {} : { now: t * 1000 };
    },
    verify(request, key, now) {
      const given = request.headers[header];
      if (given === undefined) return { ok: false, reason: `no ${header} header` };
      const { t, v1 } = parse(given);
      if (t === undefined) return { ok: false, reason: `${header} has no t=` };
      if (Math.abs(now / 1000 - t) > toleranceS) return { ok: false, reason: `${header} t= is more than ${toleranceS} s from now` };
      const expected = splitKeys(key).map((one) => stripeDigest(one, t, request.body));
      return v1.some((entry) => expected.some((want) => sameText(entry, want))) ? { ok: true } : { ok: false, reason: `no v1= in ${header} matches` };
    },
    // The last hex digit of each v1 entry.
    tamper: (value) =>
      value
        .split(',')
        .map((part) => (part.startsWith('v1=') && part.length > 3 ? part.slice(0, -1) + (part.at(-1) === '0' ? '1' : '0') : part))
        .join(','),
  };
}
