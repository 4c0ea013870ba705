import { PROBE_KEY, hmacSha256, sameText } from './digest.js';
import type { HmacHexSpec, Signer } from './types.js';

/**
 * `hmac-sha256-hex`: the lowercase hex HMAC of the exact body, keyed with the key's UTF-8 bytes,
 * in one header. Byte-identical to Logto's `sign()` when the header is `logto-signature-sha-256`.
 */
export function hmacHexSigner(spec: HmacHexSpec): Signer {
  const prefix = spec.prefix ?? '';
  const digest = (key: string, body: string) => prefix + hmacSha256(key, body).toString('hex');
  return {
    scheme: 'hmac-sha256-hex',
    headers: [spec.header],
    signatureHeader: spec.header,
    timestamped: false,
    identified: false,
    probeKey: PROBE_KEY,
    sign: ({ key, body }) => ({ [spec.header]: digest(key, body) }),
    read: () => ({}),
    verify(request, key) {
      const given = request.headers[spec.header];
      if (given === undefined) return { ok: false, reason: `no ${spec.header} header` };
      return sameText(given, digest(key, request.body)) ? { ok: true } : { ok: false, reason: `${spec.header} does not match the body` };
    },
    // The last hex digit: every bit of it counts, so the value is wrong yet well-formed.
    tamper: (value) => (value === '' ? '0' : value.slice(0, -1) + (value.at(-1) === '0' ? '1' : '0')),
  };
}
