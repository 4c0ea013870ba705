export { loadTest, realTimer } from './run.js';
export { parseThresholds, evaluateThresholds, type Threshold, type ThresholdResult } from './thresholds.js';
export { formatLoadReport, formatProgress } from './format.js';
export { LatencyHistogram, type LatencySummary } from './histogram.js';
export type { Tally, Counts } from './tally.js';
export type { LoadOptions, LoadProgress, LoadReport, LoadTimer } from './types.js';
