import { redact } from '../core/redact.js';
import type { WireRequest } from '../core/types.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../transports/types.js';
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

/**
 * Sends one request once (checks judge the raw reply themselves: no retries, the provider's
 * timeout) and records it for the report, secrets redacted.
 */
export async function exchange(context: CheckContext, label: string, request: WireRequest): Promise<SentExchange> {
  const result = await context.transport.send(request, { timeoutMs: context.timeoutMs, maxReplyBytes: DEFAULT_MAX_REPLY_BYTES });
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
