import { UsageError } from '../core/errors.js';
import type { WireRequest } from '../core/types.js';
import { signingOf, signRequest } from '../providers/signing/binding.js';
import type { AnyProvider } from '../providers/types.js';

import type { SignatureDeviation } from '../providers/signing/deviations.js';

export { signatureDeviations, type SignatureDeviation } from '../providers/signing/deviations.js';

/** How far stale and future timestamps are from now: well past the usual 5-minute tolerance. */
export const TIMESTAMP_SKEW_MS = 15 * 60_000;

/** What a deviation may need besides the request: the time, and an earlier message to replay. */
export interface DeviationContext {
  /** The provider's time (epoch ms); default: the time the request was signed at, or now. */
  now?: number;
  /** An earlier request of the same story: `replayed-id` reuses its message id. */
  previous?: WireRequest;
}

/**
 * Why `how` cannot apply to `provider`'s requests (no signature, no timestamp, no message id), or
 * undefined when it can. Scenario files are checked with this when they load.
 */
export function deviationProblem(provider: AnyProvider, how: SignatureDeviation): string | undefined {
  const signing = signingOf(provider);
  if (!signing) return `${provider.name} does not sign its requests: there is no signature to deviate from`;
  const { signer } = signing;
  if ((how === 'stale-timestamp' || how === 'future-timestamp') && !signer.timestamped) return `${provider.name} signs with ${signer.scheme}, which signs no timestamp: ${how} does not apply`;
  if (how === 'replayed-id' && !signer.identified) return `${provider.name} signs with ${signer.scheme}, which signs no message id: replayed-id does not apply`;
  return undefined;
}

/**
 * Applies a signature deviation to a faithful request. The provider's own scheme signs, so only
 * the deliberate difference changes: `missing` drops the signature header, `wrong-key` signs
 * with a key nobody configures, `tampered` changes one digest character within its alphabet,
 * `body-altered` changes the body after signing, `stale-timestamp` / `future-timestamp` sign
 * correctly at a time 15 minutes off, `replayed-id` signs correctly, now, with an earlier
 * message's id.
 */
export function deviateSignature(
  provider: AnyProvider,
  providerOptions: unknown,
  request: WireRequest,
  how: SignatureDeviation | undefined,
  context: DeviationContext = {},
): WireRequest {
  const signing = signingOf(provider);
  if (!how || !signing) return request;
  const { signer } = signing;
  const key = signing.key(providerOptions);
  const carried = signer.read(request.headers);
  const now = context.now ?? carried.now ?? Date.now();
  const resign = (input: { key?: string; now?: number; id?: string; body?: string }) =>
    signRequest(signer, input.key ?? (key || signer.probeKey), { ...request, body: input.body ?? request.body }, { now: input.now ?? now, id: input.id ?? carried.id });
  const header = signer.signatureHeader;
  switch (how) {
    case 'missing': {
      const headers = { ...request.headers };
      delete headers[header];
      return { ...request, headers };
    }
    case 'wrong-key':
      return resign({ key: signer.probeKey });
    case 'tampered': {
      const signed = request.headers[header] !== undefined ? request : resign({});
      return { ...signed, headers: { ...signed.headers, [header]: signer.tamper(signed.headers[header] ?? '') } };
    }
    case 'body-altered': {
      const signed = request.headers[header] !== undefined ? request : resign({});
      return { ...signed, body: alterBody(request.body) };
    }
    case 'stale-timestamp':
    case 'future-timestamp':
      if (!signer.timestamped) return request;
      return resign({ now: now + (how === 'stale-timestamp' ? -TIMESTAMP_SKEW_MS : TIMESTAMP_SKEW_MS) });
    case 'replayed-id': {
      if (!signer.identified) return request;
      const id = context.previous ? signer.read(context.previous.headers).id : undefined;
      if (id === undefined) throw new UsageError('replayed-id replays the message id of an earlier step: it cannot be the first step');
      return resign({ id });
    }
  }
}

/**
 * The body with one character changed and its length kept: what a proxy or an attacker might do.
 * The change lands inside a string value, so the body stays JSON: in `createdAt` when there is one
 * (hooksim's long-standing choice), else in the last string value with a letter or digit.
 */
export function alterBody(body: string): string {
  const created = body.lastIndexOf('"createdAt":"');
  if (created >= 0) return swapDigit(body, created + 13 + 3);
  const strings = [...body.matchAll(/:"([^"\\]*[A-Za-z0-9][^"\\]*)"/g)];
  const last = strings.at(-1);
  if (last) {
    const start = last.index + 2;
    const offset = last[1]!.search(/[A-Za-z0-9]/);
    return swapDigit(body, start + offset);
  }
  return swapDigit(body, 1);
}

function swapDigit(body: string, at: number): string {
  const swapped = body[at] === '1' ? '2' : '1';
  return body.slice(0, at) + swapped + body.slice(at + 1);
}
