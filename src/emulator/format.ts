import type { DeliveryEntry } from './history.js';

/** A delivery in a few plain lines, for `hooksim trigger`. */
export function formatDelivery(entry: DeliveryEntry): string {
  const status = entry.response ? `${entry.response.status}` : `no reply (${entry.error?.kind ?? 'unknown'})`;
  const lines = [
    `#${entry.id} ${entry.provider} ${entry.event}${entry.variant ? ` (${entry.variant})` : ''} -> ${entry.target}: ${status} in ${entry.latencyMs} ms`,
    ...(entry.userId ? [`  user     ${entry.userId}`] : []),
    `  verdict  ${entry.verdict.pass ? 'PASS: the hook kept the contract' : 'FAIL'}`,
    ...entry.verdict.violations.map((violation) => `    - ${violation.path}: ${violation.message}`),
    `  outcome  ${outcomeLine(entry.provider, entry.outcome)}`,
    ...(entry.apiCalls.length ? [`  API calls by the hook: ${entry.apiCalls.map((call) => `${call.method} ${call.path} -> ${call.status}`).join(', ')}`] : []),
  ];
  return lines.join('\n') + '\n';
}

/** What the provider did with the reply, in one line. */
export function outcomeLine(provider: string, outcome: unknown): string {
  const value = (outcome ?? {}) as Record<string, unknown>;
  if (provider === 'dexie-cloud') {
    if (value.login === 'accepted') return `login accepted as ${String(value.action)}`;
    const error = (value.error ?? {}) as Record<string, unknown>;
    return `login refused: 403 ${String(error.code ?? '')}`;
  }
  if (provider === 'logto') return `Logto logs ${String(value.result)} after ${String(value.attempts)} attempt(s)`;
  return JSON.stringify(outcome);
}
