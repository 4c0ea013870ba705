const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of a scenario duration (`250ms`, `30s`, `15m`, `2h`, `3d`, or a number of ms). */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(value.trim());
  if (!match) throw new TypeError(`not a duration: ${value}`);
  return Math.round(Number(match[1]) * UNITS[match[2]!]!);
}
