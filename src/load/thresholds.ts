import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { LoadReport } from './types.js';

/** A metric a threshold can test, and how to read it from a report. */
const METRICS: Record<string, { unit: 'ms' | 'ratio' | 'count' | 'rate'; read: (report: LoadReport) => number; describe: string }> = {
  p50: { unit: 'ms', read: (r) => r.latency.p50, describe: 'median latency' },
  p90: { unit: 'ms', read: (r) => r.latency.p90, describe: '90th percentile latency' },
  p99: { unit: 'ms', read: (r) => r.latency.p99, describe: '99th percentile latency' },
  'p99.9': { unit: 'ms', read: (r) => r.latency['p99.9'], describe: '99.9th percentile latency' },
  max: { unit: 'ms', read: (r) => r.latency.max, describe: 'slowest delivery' },
  mean: { unit: 'ms', read: (r) => r.latency.mean, describe: 'mean latency' },
  errors: { unit: 'ratio', read: (r) => (r.tally.sent ? (r.tally.broken + r.tally.errored) / r.tally.sent : 0), describe: 'events not kept (broken + transport errors)' },
  broken: { unit: 'ratio', read: (r) => (r.tally.sent ? r.tally.broken / r.tally.sent : 0), describe: 'events whose reply broke the contract' },
  'transport-errors': { unit: 'ratio', read: (r) => (r.tally.sent ? r.tally.errored / r.tally.sent : 0), describe: 'events without a usable reply' },
  throughput: { unit: 'rate', read: (r) => r.throughput, describe: 'events per second' },
};

type Operator = '>' | '>=' | '<' | '<=';

/** One `--fail-on` condition: the run fails when it holds. */
export interface Threshold {
  /** As written, e.g. `p99>500ms`. */
  text: string;
  metric: string;
  operator: Operator;
  /** In the metric's unit: ms, a ratio (0.001 for 0.1%), a count, or events/s. */
  value: number;
  /** `errors>10` counts events rather than a ratio. */
  absolute: boolean;
}

/** A threshold measured against a report. */
export interface ThresholdResult extends Threshold {
  actual: number;
  failed: boolean;
}

const CONDITION = /^([a-z][a-z0-9.-]*)\s*(>=|<=|>|<)\s*([0-9]*\.?[0-9]+)\s*([a-z%/]*)$/i;

function msFrom(amount: number, unit: string, text: string): number {
  switch (unit) {
    case '':
    case 'ms':
      return amount;
    case 's':
      return amount * 1000;
    case 'us':
    case 'µs':
      return amount / 1000;
    default:
      throw new UsageError(`--fail-on "${text}": unknown time unit "${unit}"; use ms, s or us`);
  }
}

/**
 * Parses `p99>500ms,errors>0.1%` into thresholds. Latencies take ms (default), s or us;
 * `errors`, `broken` and `transport-errors` take a percentage (`0.1%`) or a count (`10`);
 * `throughput` takes events per second (`throughput<1000/s`).
 */
export function parseThresholds(spec: string): Threshold[] {
  const parts = spec.split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) throw new UsageError('--fail-on needs at least one condition, e.g. "p99>500ms,errors>0.1%"');
  return parts.map((text) => {
    const match = CONDITION.exec(text);
    if (!match) throw new UsageError(`--fail-on "${text}": expected <metric><op><value>, e.g. p99>500ms or errors>0.1%`);
    const [, name, operator, amountText, unitText] = match as unknown as [string, string, Operator, string, string];
    const metric = METRICS[name!.toLowerCase()];
    if (!metric) throw new UsageError(`--fail-on "${text}": unknown metric "${name}"${didYouMean(name!.toLowerCase(), Object.keys(METRICS))}; metrics: ${Object.keys(METRICS).join(', ')}`);
    const amount = Number(amountText);
    const unit = unitText.toLowerCase();
    let value = amount;
    let absolute = false;
    if (metric.unit === 'ms') value = msFrom(amount, unit, text);
    else if (metric.unit === 'ratio') {
      if (unit === '%') value = amount / 100;
      else if (unit === '') absolute = true;
      else throw new UsageError(`--fail-on "${text}": ${name} takes a percentage (0.1%) or a count (10)`);
    } else if (metric.unit === 'rate' && unit !== '' && unit !== '/s') {
      throw new UsageError(`--fail-on "${text}": throughput is in events per second (e.g. throughput<1000/s)`);
    }
    return { text, metric: name!.toLowerCase(), operator, value, absolute };
  });
}

function holds(actual: number, operator: Operator, value: number): boolean {
  switch (operator) {
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
  }
}

/** Measures each threshold against the report; `failed` when its condition holds. */
export function evaluateThresholds(thresholds: readonly Threshold[], report: LoadReport): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const metric = METRICS[threshold.metric]!;
    const ratio = metric.read(report);
    const actual = threshold.absolute ? Math.round(ratio * report.tally.sent) : ratio;
    return { ...threshold, actual, failed: holds(actual, threshold.operator, threshold.value) };
  });
}

/** A measured value in the threshold's unit, for messages. */
export function formatMeasured(result: Pick<ThresholdResult, 'metric' | 'absolute'>, value: number): string {
  const unit = METRICS[result.metric]!.unit;
  if (unit === 'ms') return `${round(value)} ms`;
  if (unit === 'rate') return `${round(value)}/s`;
  if (result.absolute) return String(value);
  return `${round(value * 100)}%`;
}

const round = (value: number) => (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000);
