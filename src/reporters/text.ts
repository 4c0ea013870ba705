import { formatLocation } from '../scenarios/source.js';
import type { DeliveryResult, ExpectationResult, RunResult, Status, StepResult } from '../scenarios/result.js';

/** One symbol per status, the same in every text reporter. */
export const MARK: Record<Status, string> = { passed: '✔', failed: '✘', errored: '!', skipped: '-' };

/** `expected X, got Y (file:line:column)`. */
export function expectationLine(expectation: ExpectationResult): string {
  return `${expectation.name}: expected ${expectation.expected}, got ${expectation.actual} (${formatLocation(expectation.location)})`;
}

/** `status 200 in 12 ms`, or why there was no reply. */
export function replySummary(delivery: DeliveryResult | undefined): string {
  if (!delivery) return 'not sent';
  const last = delivery.attempts.at(-1);
  const time = last ? ` in ${Math.round(last.durationMs)} ms` : '';
  const tries = delivery.attempts.length > 1 ? ` after ${delivery.attempts.length} attempts` : '';
  if (delivery.response) return `status ${delivery.response.status}${time}${tries}`;
  return `no reply: ${delivery.error?.message ?? 'unknown'}${tries}`;
}

/** Text cut to `lines` lines and `width` characters per line. */
export function truncate(text: string, lines = 6, width = 160): string {
  const all = text.split('\n');
  const kept = all.slice(0, lines).map((line) => (line.length > width ? `${line.slice(0, width)}…` : line));
  if (all.length > lines) kept.push(`… (${all.length - lines} more lines)`);
  return kept.join('\n');
}

/** The request and reply of a delivery, for failed and errored steps. */
export function exchangeText(delivery: DeliveryResult, target: string): string {
  const headers = ['content-type', 'user-agent', 'logto-signature-sha-256']
    .filter((name) => delivery.request.headers[name] !== undefined)
    .map((name) => `${name}: ${delivery.request.headers[name]}`);
  const lines = [`→ ${delivery.request.method} ${target}`, ...headers.map((h) => `  ${h}`), `  ${truncate(delivery.request.body, 1, 200)}`];
  if (delivery.response) {
    lines.push(`← ${delivery.response.status} ${delivery.response.headers['content-type'] ?? '(no content-type)'}`);
    if (delivery.response.body) lines.push(...truncate(delivery.response.body, 4).split('\n').map((line) => `  ${line}`));
  } else if (delivery.error) {
    lines.push(`← no reply (${delivery.error.kind}): ${delivery.error.message}`);
  }
  return lines.join('\n');
}

/** The first delivery that explains a failure (an error, or a failing verdict), else the last. */
export function telling(step: StepResult): DeliveryResult | undefined {
  return step.deliveries.find((delivery) => delivery.error) ?? step.deliveries.at(-1);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

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
    `Duration   ${Math.round(run.durationMs)} ms`,
  ];
}
