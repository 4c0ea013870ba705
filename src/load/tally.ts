import type { DeliveryRecord, Verdict } from '../core/types.js';

/** Counts by name, largest first when listed. */
export type Counts = Record<string, number>;

/** What a load run delivered, counted: no event is kept. `sent = kept + broken + errored`. */
export interface Tally {
  /** Events whose delivery finished (a verdict was reached). */
  sent: number;
  /** The hook kept the provider's contract. */
  kept: number;
  /** A reply arrived but broke the contract. */
  broken: number;
  /** No usable reply: the last attempt failed in transport (timeout, refused, reset...). */
  errored: number;
  /** Broken events by violation path (`status`, `body.action`); an event with two paths counts in both. */
  brokenByPath: Counts;
  /** Transport failures by kind (`timeout`, `connection-refused`...). */
  errorsByKind: Counts;
  /** What the provider made of each delivery, by its own label (Logto: Success/Error). */
  outcomes: Counts;
}

export function emptyTally(): Tally {
  return { sent: 0, kept: 0, broken: 0, errored: 0, brokenByPath: {}, errorsByKind: {}, outcomes: {} };
}

const bump = (counts: Counts, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Adds one judged delivery to the tally. `label` is the provider's bucket for the outcome, if it has one. */
export function count(tally: Tally, record: DeliveryRecord, judged: { verdict: Verdict }, label: string | undefined): void {
  tally.sent++;
  const error = record.attempts.at(-1)?.error;
  if (error) {
    tally.errored++;
    bump(tally.errorsByKind, error.kind);
  } else if (judged.verdict.pass) {
    tally.kept++;
  } else {
    tally.broken++;
    for (const path of new Set(judged.verdict.violations.map((violation) => violation.path))) bump(tally.brokenByPath, path);
  }
  if (label !== undefined) bump(tally.outcomes, label);
}

/** Counts sorted largest first, ties by name: stable output. */
export function sortedCounts(counts: Counts): [string, number][] {
  return Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}
