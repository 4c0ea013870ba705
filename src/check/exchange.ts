import { redact } from '../core/redact.js';
import type { WireRequest } from '../core/types.js';
import { DEFAULT_MAX_REPLY_BYTES, type AttemptResult } from '../transports/types.js';
import type { CheckContext, SentExchange } from './types.js';

/** Shell single-quoting: the text comes out byte for byte, newlines and quotes included. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `curl` line sending exactly these bytes. `printf %s` keeps the body as it is (no trailing
 * newline, no escapes interpreted); in-process targets get `$HOOK_URL`.
 */
export function curlLine(request: WireRequest, url: string | undefined, secrets: readonly string[]): string {
  const safe = redact(request, secrets);
  const headers = Object.entries(safe.headers).map(([name, value]) => ` -H ${shellQuote(`${name}: ${value}`)}`);
  const where = url ? shellQuote(url) : '"$HOOK_URL"';
  return `printf %s ${shellQuote(safe.body)} | curl -sS -X ${safe.method} ${where}${headers.join('')} --data-binary @-`;
}

/** No reply to this many requests in a row: the hook is down or hangs, and the rest are not sent. */
export const GIVE_UP_AFTER = 3;

/**
 * Sends one request once (checks judge the raw reply themselves: no retries, the provider's
 * timeout) and records it for the report, secrets redacted.
 */
export async function exchange(context: CheckContext, label: string, request: WireRequest): Promise<SentExchange> {
  // A hook that hangs would cost the provider's whole timeout per request, for a hundred requests.
  const result: AttemptResult =
    context.silent >= GIVE_UP_AFTER
      ? { durationMs: 0, error: { kind: 'network', message: `not sent: the hook gave no reply to the last ${GIVE_UP_AFTER} requests` } }
      : await context.transport.send(request, { timeoutMs: context.timeoutMs, maxReplyBytes: DEFAULT_MAX_REPLY_BYTES });
  context.silent = result.reply ? 0 : context.silent + 1;
  const sent: SentExchange = {
    label,
    request: redact(request, context.secrets),
    curl: curlLine(request, context.url, context.secrets),
    durationMs: result.durationMs,
    ...(result.reply ? { response: redact(result.reply, context.secrets) } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
  return sent;
}

/** Records a latency sample for `delivery.latency`. */
export function recordLatency(context: CheckContext, event: string, sent: SentExchange): void {
  const list = context.latencies.get(event) ?? [];
  list.push(sent.durationMs);
  context.latencies.set(event, list);
}

/** `status 401`, `no reply (timeout: …)`. */
export function replyText(sent: SentExchange): string {
  if (sent.response) return `status ${sent.response.status}`;
  return `no reply (${sent.error?.kind ?? 'unknown'}: ${sent.error?.message ?? ''})`;
}

/** The reply's status class: 2, 3, 4, 5, or 0 when no reply came. */
export function statusClass(sent: SentExchange): number {
  return sent.response ? Math.floor(sent.response.status / 100) : 0;
}
