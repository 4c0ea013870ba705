import { prettyBody } from '../cli/format.js';
import { redact } from '../core/redact.js';
import { formatLocation, type SourceLocation } from '../scenarios/source.js';
import type { DeliveryResult, ExpectationResult, RunResult, Status, StepResult } from '../scenarios/result.js';

/** One symbol per status, the same in every text reporter. */
export const MARK: Record<Status, string> = { passed: '✔', failed: '✘', errored: '!', skipped: '-' };

/** `3 steps`, `1 step`. */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Text safe to put on a terminal or in a CI log: control characters (a hook may reply with
 * anything, ANSI escapes and `\r` included, which would repaint the user's screen) are shown as
 * `\xNN`; newlines and tabs stay.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (char) => `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `name: expected X, got Y (file:line:column)`. */
export function expectationLine(expectation: ExpectationResult): string {
  return `${expectation.name}: expected ${expectation.expected}, got ${expectation.actual} (${formatLocation(expectation.location)})`;
}

/** The failed expectations of a step, once each (a repeated delivery checks the same ones again). */
export function failedExpectations(step: StepResult): ExpectationResult[] {
  const seen = new Set<string>();
  return step.expectations.filter((expectation) => {
    const key = expectationLine(expectation);
    if (expectation.pass || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `file:line:column: message` for a scenario-level error. Load errors usually carry their
 * location in the message already; it is not repeated then.
 */
export function locatedMessage(error: { message: string; location?: SourceLocation }, file: string): string {
  const where = error.location ? formatLocation(error.location) : file;
  return error.message.startsWith(where) ? error.message : `${where}: ${error.message}`;
}

/** `status 200 in 12 ms`, or why there was no reply. */
export function replySummary(delivery: DeliveryResult | undefined): string {
  if (!delivery) return 'not sent';
  const last = delivery.attempts.at(-1);
  const time = last ? ` in ${Math.round(last.durationMs)} ms` : '';
  const tries = delivery.attempts.length > 1 ? ` after ${delivery.attempts.length} attempts` : '';
  if (delivery.response) return `status ${delivery.response.status}${time}${tries}`;
  return `no reply: ${printable(delivery.error?.message ?? 'unknown')}${tries}`;
}

/** Text cut to `lines` lines and `width` characters per line. */
export function truncate(text: string, lines = 6, width = 160): string {
  const all = text.split('\n');
  const kept = all.slice(0, lines).map((line) => (line.length > width ? `${line.slice(0, width)}…` : line));
  if (all.length > lines) kept.push(`… (${all.length - lines} more lines)`);
  return kept.join('\n');
}

/**
 * The request headers worth showing next to a failure: what the body is and who sent it, then
 * whatever authenticates it, whichever provider and scheme: signature headers and their
 * companions (`webhook-id`, `webhook-timestamp`), and `authorization` last.
 */
const LEADING_HEADERS = ['content-type', 'user-agent'];
const AUTH_HEADER = /signature|^[a-z]+-(?:id|timestamp)$/;

function mainHeaders(headers: Record<string, string>): string[] {
  const signing = Object.keys(headers).filter((name) => !LEADING_HEADERS.includes(name) && AUTH_HEADER.test(name));
  return [...LEADING_HEADERS, ...signing, 'authorization'].filter((name) => headers[name] !== undefined);
}

/**
 * The request and reply of a delivery, for failed and errored steps: method, target, main
 * headers, body (a few lines), then status, content-type and the reply body (a few lines).
 */
export function exchangeText(delivery: DeliveryResult, target: string): string {
  // Results arrive redacted; masking credential headers by name again costs nothing and keeps
  // a token out of a CI log should a caller ever hand in an unredacted result.
  const headers = redact({ headers: delivery.request.headers }, []).headers;
  const shown = mainHeaders(headers).map((name) => `${name}: ${printable(headers[name]!)}`);
  const lines = [`→ ${delivery.request.method} ${target || '(target)'}`, ...shown.map((h) => `  ${h}`)];
  lines.push(...indentLines(truncate(printable(prettyBody(delivery.request.body)), 6)));
  if (delivery.response) {
    lines.push(`← ${delivery.response.status} ${printable(delivery.response.headers['content-type'] ?? '(no content-type)')}`);
    lines.push(...indentLines(truncate(printable(prettyBody(delivery.response.body)), 4)));
  } else if (delivery.error) {
    lines.push(`← no reply (${delivery.error.kind}): ${printable(delivery.error.message)}`);
  }
  return lines.join('\n');
}

const indentLines = (text: string) => text.split('\n').map((line) => `  ${line}`);

/** The first delivery that explains a failure (an error, or a failing verdict), else the last. */
export function telling(step: StepResult): DeliveryResult | undefined {
  return step.deliveries.find((delivery) => delivery.error) ?? step.deliveries.at(-1);
}

/** `3 passed, 1 failed` (zero counts left out). */
function counts(tally: Record<string, number>): string {
  const parts = Object.entries(tally)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** The closing summary: scenarios, steps, events sent and how they ended, config errors, time. */
export function summaryText(run: RunResult): string[] {
  const { summary } = run;
  const events = summary.events;
  return [
    `Scenarios  ${counts({ ...summary.scenarios })}`,
    `Steps      ${counts({ ...summary.steps })}`,
    `Events     ${plural(events.sent, 'event')} sent: ${events.passed} passed, ${events.failed} failed, ${events.errored} errored`,
    ...(summary.configErrors ? [`Config     ${plural(summary.configErrors, 'file')} could not be loaded (exit code 2)`] : []),
    ...(run.interrupted ? ['Stopped    interrupted (Ctrl-C): the scenarios not listed did not run'] : []),
    `Duration   ${Math.round(run.durationMs)} ms`,
  ];
}
