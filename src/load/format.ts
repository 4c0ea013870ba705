import type { LatencySummary } from './histogram.js';
import { sortedCounts, type Counts } from './tally.js';
import { formatMeasured, type ThresholdResult } from './thresholds.js';
import type { LoadProgress, LoadReport } from './types.js';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function latencyLine(summary: LatencySummary): string {
  return `p50 ${ms(summary.p50)}  p90 ${ms(summary.p90)}  p99 ${ms(summary.p99)}  p99.9 ${ms(summary['p99.9'])}  max ${ms(summary.max)}`;
}

function countsLine(counts: Counts): string {
  return sortedCounts(counts).map(([name, n]) => `${name} ${n}`).join(', ');
}

/** The human report of a load run (and its `--fail-on` results, when given). */
export function formatLoadReport(report: LoadReport, thresholds: readonly ThresholdResult[] = []): string {
  const { tally } = report;
  const lines = [
    `hooksim load: ${report.provider} ${report.events.join(' + ')} -> ${report.target}`,
    `  ${report.mode === 'open-loop' ? `open loop at ${report.rate}/s, at most ${report.connections} in flight` : `closed loop, ${report.connections} connections`}, seed ${report.seed}${report.interrupted ? ', interrupted' : ''}`,
    '',
    `  events      ${tally.sent} in ${(report.elapsedMs / 1000).toFixed(2)} s = ${report.throughput.toFixed(0)} events/s`,
    `  latency ms  ${latencyLine(report.latency)}${report.mode === 'open-loop' ? '  (from intended send time)' : ''}`,
  ];
  if (report.startLag) lines.push(`  start lag   ${latencyLine(report.startLag)}  (ms behind schedule)`);
  lines.push(`  verdicts    kept ${tally.kept}, broken ${tally.broken}, transport errors ${tally.errored}`);
  if (tally.broken > 0) lines.push(`    broken by violation path: ${countsLine(tally.brokenByPath)}`);
  if (tally.errored > 0) lines.push(`    transport errors by kind: ${countsLine(tally.errorsByKind)}`);
  if (report.outcomeTitle) lines.push(`  ${report.outcomeTitle}: ${countsLine(tally.outcomes) || 'none'}`);
  if (thresholds.length > 0) {
    lines.push('');
    for (const result of thresholds) {
      lines.push(`  fail-on ${result.text}: ${result.failed ? 'FAILED' : 'ok'} (measured ${formatMeasured(result, result.actual)})`);
    }
  }
  return lines.join('\n') + '\n';
}

/** One line of live progress (a terminal redraws it in place). */
export function formatProgress(progress: LoadProgress): string {
  return `${(progress.elapsedMs / 1000).toFixed(0)} s: ${progress.sent} sent (${progress.rate.toFixed(0)}/s), ${progress.broken} broken, ${progress.errored} errors, ${progress.inFlight} in flight, p99 ${ms(progress.p99)} ms`;
}
