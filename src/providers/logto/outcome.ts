import { isJsonObject, type JsonValue } from '../../core/json.js';
import { readBody, type DeliveryRecord, type Judgement, type Violation, type WireRequest } from '../../core/types.js';
import { fetchFailedText, httpErrorText, statusTextOf, timeoutErrorText } from './log-error.js';
import type { LogtoOptions } from './options.js';

/**
 * The log row Logto stores for one delivery (`TriggerHook.<event>`), written after the last
 * attempt. `response` is present whenever a reply arrived (also on non-2xx), `error` on failure.
 */
export interface LogtoLogPayload {
  key: string;
  result: 'Success' | 'Error';
  hookId: string;
  hookRequest: { body: JsonValue };
  response?: { statusCode: number; body: JsonValue };
  /** `String(normalizeError(error))` of the ky error, e.g. `HTTPError: {"message":"Request failed with status code 401 Unauthorized",...}`. */
  error?: string;
}

/** What Logto would do with the hook's reply. */
export interface LogtoOutcome {
  result: 'Success' | 'Error';
  attempts: number;
  log: LogtoLogPayload;
}

/**
 * Judges a Logto delivery as Logto does: any 2xx on the last attempt is `Success`; anything else
 * (non-2xx, timeout, network error) is `Error`. Logto ignores the reply body beyond logging it.
 */
export function judgeLogto(
  event: string,
  request: WireRequest,
  record: DeliveryRecord,
  options: Pick<LogtoOptions, 'retries' | 'timeoutMs'> = { retries: 'none', timeoutMs: 10_000 },
): Judgement<LogtoOutcome> {
  const last = record.attempts.at(-1);
  const sent = JSON.parse(request.body) as JsonValue;
  const hookId = isJsonObject(sent) && typeof sent.hookId === 'string' ? sent.hookId : '';
  const violations: Violation[] = [];
  const log: LogtoLogPayload = { key: `TriggerHook.${event}`, result: 'Success', hookId, hookRequest: { body: sent } };

  if (last?.reply) {
    // A truncated reply is logged as the prefix hooksim kept; the verdict stays Logto's (status only).
    log.response = { statusCode: last.reply.status, body: last.reply.truncated ? last.reply.body : readBody(last.reply) };
    const { status } = last.reply;
    if (status < 200 || status > 299) {
      // The reply's own reason phrase when the transport kept it, else Node's phrase for the code.
      const statusText = statusTextOf(status, last.reply.statusText);
      log.error = httpErrorText(status, statusText, sent, request.body, options);
      violations.push({
        path: 'status',
        message: `expected a 2xx status, got ${status}: Logto logs the delivery as an Error${
          record.attempts.length > 1 ? ` after ${record.attempts.length} attempts` : ''
        }`,
      });
    }
  }
  if (last?.error) {
    log.error = last.error.kind === 'timeout' ? timeoutErrorText() : fetchFailedText(last.error);
    violations.push({ path: 'delivery', message: last.error.message });
  }
  if (violations.length > 0) log.result = 'Error';
  return {
    verdict: { pass: violations.length === 0, violations },
    outcome: { result: log.result, attempts: record.attempts.length, log },
  };
}
