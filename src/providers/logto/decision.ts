import type { LogtoOutcome } from './outcome.js';

/**
 * What Logto made of the delivery, in a few words for a report line: the log row it stores and
 * what the Console's "Recent requests" list shows (the status, or "Request error" without a reply).
 */
export function describeLogtoOutcome(outcome: LogtoOutcome): string {
  const status = outcome.log.response ? String(outcome.log.response.statusCode) : 'Request error';
  const tries = outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : '';
  return `Logto log: ${outcome.result} ${status}${tries}`;
}
