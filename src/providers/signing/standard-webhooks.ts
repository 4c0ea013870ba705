import { UsageError } from '../../core/errors.js';
import { PROBE_KEY, hmacSha256, sameText, splitKeys, swapAt } from './digest.js';
import type { Signer, StandardWebhooksSpec } from './types.js';

const SECRET_PREFIX = 'whsec_';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The key's bytes: `whsec_` stripped, the rest base64-decoded (as the spec's libraries do). A key
 * that is not base64 is a usage error: Node's decoder would skip the bad characters and sign with
 * other bytes than the receiver's library, which refuses such a key outright.
 */
export function standardWebhooksKey(key: string): Buffer {
  const encoded = key.startsWith(SECRET_PREFIX) ? key.slice(SECRET_PREFIX.length) : key;
  if (encoded === '' || !BASE64.test(encoded)) {
    throw new UsageError('a Standard Webhooks signing key is whsec_ followed by base64 (e.g. whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw); this one is not base64');
  }
  return Buffer.from(encoded, 'base64');
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
