import { build, type Histogram } from 'hdr-histogram-js';

/** Latency percentiles a load report gives, in milliseconds. */
export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  'p99.9': number;
  min: number;
  max: number;
  mean: number;
  /** Values recorded. */
  count: number;
}

/** One hour in microseconds: longer latencies are clamped (no hook delivery takes that long). */
const HIGHEST_US = 3_600_000_000;

/**
 * Latencies in an HDR histogram: microsecond resolution, 3 significant digits (a reported value
 * is within 0.1% of the recorded one), fixed memory whatever the number of values.
 */
export class LatencyHistogram {
  private readonly histogram: Histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3 });

  /** Records one latency, in milliseconds. */
  record(ms: number): void {
    this.histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000))));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** The latency at `percentile` (0-100), in ms; 0 when nothing was recorded. */
  at(percentile: number): number {
    return this.count === 0 ? 0 : this.histogram.getValueAtPercentile(percentile) / 1000;
  }

  summary(): LatencySummary {
    const empty = this.count === 0;
    const max = empty ? 0 : this.histogram.maxValue / 1000;
    // A percentile reads as its bucket's upper edge, which can pass the largest value recorded.
    const at = (percentile: number) => Math.min(this.at(percentile), max);
    return {
      p50: at(50),
      p90: at(90),
      p99: at(99),
      'p99.9': at(99.9),
      min: empty ? 0 : this.histogram.minNonZeroValue / 1000,
      max,
      mean: empty ? 0 : this.histogram.mean / 1000,
      count: this.count,
    };
  }
}
