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
 * What Logto holds against a delivery: a last attempt that got a non-2xx reply (`status`) or no
 * reply at all (`delivery`). Any 2xx is `Success`; Logto reads nothing else of the reply.
 */
function logtoViolations(record: DeliveryRecord): Violation[] {
  const last = record.attempts.at(-1);
  const violations: Violation[] = [];
  const status = last?.reply?.status;
  if (status !== undefined && (status < 200 || status > 299)) {
    violations.push({
      path: 'status',
      message: `expected a 2xx status, got ${status}: Logto logs the delivery as an Error${record.attempts.length > 1 ? ` after ${record.attempts.length} attempts` : ''}`,
    });
  }
  if (last?.error) violations.push({ path: 'delivery', message: last.error.message });
  return violations;
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
  const violations = logtoViolations(record);
  const sent = JSON.parse(request.body) as JsonValue;
  const hookId = isJsonObject(sent) && typeof sent.hookId === 'string' ? sent.hookId : '';
  const result = violations.length === 0 ? 'Success' : 'Error';
  const log: LogtoLogPayload = { key: `TriggerHook.${event}`, result, hookId, hookRequest: { body: sent } };
  if (last?.reply) {
    // A truncated reply is logged as the prefix hooksim kept; the verdict stays Logto's (status only).
    log.response = { statusCode: last.reply.status, body: last.reply.truncated ? last.reply.body : readBody(last.reply) };
    const { status } = last.reply;
    if (status < 200 || status > 299) {
      // The reply's own reason phrase when the transport kept it, else Node's phrase for the code.
      log.error = httpErrorText(status, statusTextOf(status, last.reply.statusText), sent, request.body, options);
    }
  }
  if (last?.error) log.error = last.error.kind === 'timeout' ? timeoutErrorText() : fetchFailedText(last.error);
  return {
    verdict: { pass: violations.length === 0, violations },
    outcome: { result, attempts: record.attempts.length, log },
  };
}

/**
 * {@link judgeLogto}'s verdict and log result without the log row (which re-parses the sent
 * body): what a load run counts.
 */
export function tallyLogto(record: DeliveryRecord): { verdict: Judgement['verdict']; label: LogtoOutcome['result'] } {
  const violations = logtoViolations(record);
  return { verdict: { pass: violations.length === 0, violations }, label: violations.length === 0 ? 'Success' : 'Error' };
}
