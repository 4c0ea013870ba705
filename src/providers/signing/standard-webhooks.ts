import { PROBE_KEY, hmacSha256, sameText, splitKeys, swapAt } from './digest.js';
import type { Signer, StandardWebhooksSpec } from './types.js';

const SECRET_PREFIX = 'whsec_';

/** The key's bytes: `whsec_` stripped, the rest base64-decoded (as the spec's libraries do). */
export function standardWebhooksKey(key: string): Buffer {
  return Buffer.from(key.startsWith(SECRET_PREFIX) ? key.slice(SECRET_PREFIX.length) : key, 'base64');
}

/** `v1,<base64>` of `id.timestamp.body` under one key. */
export function standardWebhooksSignature(key: string, id: string, seconds: number, body: string): string {
  return `v1,${hmacSha256(standardWebhooksKey(key), `${id}.${seconds}.${body}`).toString('base64')}`;
}

/**
 * Standard Webhooks: three headers (`webhook-*`, or `svix-*` for that brand), the signature
 * over `id.timestamp.body` with the timestamp in whole seconds.
 */
export function standardWebhooksSigner(spec: StandardWebhooksSpec): Signer {
  const brand = spec.brand ?? 'webhook';
  const idHeader = `${brand}-id`;
  const timestampHeader = `${brand}-timestamp`;
  const signatureHeader = `${brand}-signature`;
  const toleranceS = spec.toleranceS ?? 300;
  return {
    scheme: 'standard-webhooks',
    headers: [idHeader, timestampHeader, signatureHeader],
    signatureHeader,
    timestamped: true,
    identified: true,
    probeKey: `${SECRET_PREFIX}${Buffer.from(PROBE_KEY).toString('base64')}`,
    sign({ key, body, now, id }) {
      const seconds = Math.floor(now / 1000);
      const signatures = splitKeys(key).map((one) => standardWebhooksSignature(one, id, seconds, body));
      return { [idHeader]: id, [timestampHeader]: String(seconds), [signatureHeader]: signatures.join(' ') };
    },
    read(headers) {
      const seconds = Number(headers[timestampHeader]);
      return { id: headers[idHeader], ...(Number.isInteger(seconds) ? { now: seconds * 1000 } : {}) };
    },
    verify(request, key, now) {
      const id = request.headers[idHeader];
      const timestamp = request.headers[timestampHeader];
      const given = request.headers[signatureHeader];
      if (id === undefined || timestamp === undefined || given === undefined) return { ok: false, reason: `missing ${[idHeader, timestampHeader, signatureHeader].filter((name) => request.headers[name] === undefined).join(', ')}` };
      const seconds = Number(timestamp);
      if (!/^\d+$/.test(timestamp)) return { ok: false, reason: `${timestampHeader} is not whole seconds` };
      if (Math.abs(now / 1000 - seconds) > toleranceS) return { ok: false, reason: `${timestampHeader} is more than ${toleranceS} s from now` };
      const expected = splitKeys(key).map((one) => standardWebhooksSignature(one, id, seconds, request.body));
      const matches = given.split(' ').some((entry) => expected.some((want) => sameText(entry, want)));
      return matches ? { ok: true } : { ok: false, reason: `no ${signatureHeader} entry matches` };
    },
    // The first base64 character of each entry: the last one may be padding or carry unused bits.
    tamper: (value) => value.split(' ').map((entry) => (entry.startsWith('v1,') ? swapAt(entry, 3) : swapAt(entry, 0))).join(' '),
  };
}
