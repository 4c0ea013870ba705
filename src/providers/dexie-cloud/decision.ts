import type { DexieOutcome } from './outcome.js';

const MAX_DATA_TEXT = 60;

/** What Dexie Cloud made of the reply, in a few words: the user created, or the refusal code. */
export function describeDexieOutcome(outcome: DexieOutcome): string {
  if (outcome.login === 'refused') return `refused: ${outcome.error.code}`;
  const data = JSON.stringify(outcome.user.data);
  const shown = data.length > MAX_DATA_TEXT ? `${data.slice(0, MAX_DATA_TEXT - 1)}…` : data;
  const days = outcome.user.type === 'eval' && outcome.user.evalDaysLeft !== undefined ? ` (${outcome.user.evalDaysLeft} days)` : '';
  return `${outcome.user.type} user${days}, data ${shown}`;
}
