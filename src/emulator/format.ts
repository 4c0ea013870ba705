import type { DeliveryEntry } from './history.js';

/** A delivery in a few plain lines, for `hooksim trigger`. */
export function formatDelivery(entry: DeliveryEntry): string {
  const status = entry.response ? `${entry.response.status}` : `no reply (${entry.error?.kind ?? 'unknown'})`;
  const lines = [
    `#${entry.id} ${entry.provider} ${entry.event}${entry.variant ? ` (${entry.variant})` : ''} -> ${entry.target}: ${status} in ${entry.latencyMs} ms`,
    ...(entry.userId ? [`  user     ${entry.userId}`] : []),
    `  verdict  ${entry.verdict.pass ? 'PASS: the hook kept the contract' : 'FAIL'}`,
    ...entry.verdict.violations.map((violation) => `    - ${violation.path}: ${violation.message}`),
    `  outcome  ${outcomeLine(entry)}`,
    ...(entry.apiCalls.length ? [`  API calls by the hook: ${entry.apiCalls.map((call) => `${call.method} ${call.path} -> ${call.status}`).join(', ')}`] : []),
  ];
  return lines.join('\n') + '\n';
}

/** What the provider did with the reply, in one line: as the provider words it, else the outcome as JSON. */
export function outcomeLine(entry: Pick<DeliveryEntry, 'outcome' | 'outcomeLine'>): string {
  return entry.outcomeLine ?? JSON.stringify(entry.outcome);
}
