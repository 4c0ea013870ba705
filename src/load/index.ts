export { loadTest, realTimer } from './run.js';
export { createEventStream, type EventStream, type EventStreamOptions, type PlannedEvent } from './stream.js';
export { parseThresholds, evaluateThresholds, type Threshold, type ThresholdResult } from './thresholds.js';
export { formatLoadReport, formatProgress } from './format.js';
// The histogram class is not re-exported here: importing hdr-histogram-js costs a few hundred ms,
// and this module is part of the package's root export. Import it from './histogram.js'.
export type { LatencySummary } from './histogram.js';
export type { Tally, Counts } from './tally.js';
export type { LoadOptions, LoadProgress, LoadReport, LoadTimer } from './types.js';
export { exportArtillery, type ArtilleryExportOptions, type ArtilleryExport } from './artillery.js';
