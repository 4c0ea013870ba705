/** Levenshtein distance, case-insensitive: small inputs only (names, keys). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The candidate closest to `input`, or undefined when nothing is close enough to be a typo
 * (more than a third of the longer name differs).
 */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  // A unique prefix is the clearest intent ("dexie" for "dexie-cloud").
  const lower = input.toLowerCase();
  const prefixed = candidates.filter((candidate) => lower.length >= 3 && candidate.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(input.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean "X"?)` or an empty string. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = nearest(input, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
