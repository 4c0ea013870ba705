import type { Paint } from '../../cli/style.js';
import { printable, truncate } from '../../reporters/text.js';
import type { CheckReport, CheckResult, CheckStatus, SentExchange } from '../types.js';

const MARK: Record<CheckStatus, string> = { pass: '✔', fail: '✘', warn: '!', skip: '-' };

/** Non-pass checks shown in full (why, fix, the request to replay); the rest get one line each. */
const DETAILED = 8;

function colour(p: Paint, status: CheckStatus, text: string): string {
  return status === 'pass' ? p.ok(text) : status === 'fail' ? p.bad(text) : status === 'warn' ? p.warn(text) : p.dim(text);
}

function exchangeLines(sent: SentExchange): string[] {
  const lines = [`→ ${printable(sent.label)}: ${sent.request.method}, ${Buffer.byteLength(sent.request.body)} bytes`];
  lines.push(...truncate(printable(sent.request.body), 3, 140).split('\n').map((line) => `    ${line}`));
  if (sent.response) lines.push(`← ${sent.response.status} ${printable(truncate(sent.response.body, 1, 120))}`);
  else if (sent.error) lines.push(`← no reply (${sent.error.kind}): ${printable(sent.error.message)}`);
  lines.push(`replay: ${printable(sent.curl.length > 2000 ? `${sent.curl.slice(0, 2000)}… (full line in --json)` : sent.curl)}`);
  return lines;
}

function detailed(check: CheckResult, p: Paint): string[] {
  const lines = [`  ${colour(p, check.status, `${MARK[check.status]} ${check.id}`)}  ${p.dim(check.title)}`, `      ${printable(check.message)}`];
  if (check.why) lines.push(`      ${p.bold('why')}  ${check.why}`);
  if (check.fix) lines.push(`      ${p.bold('fix')}  ${check.fix}`);
  // The exchange that shows the problem: the last one (for fuzz, the minimal failing payload).
  const telling = check.exchanges.find((sent) => sent.verdict === check.status) ?? check.exchanges.at(-1);
  if (telling) lines.push(...exchangeLines(telling).map((line) => `      ${p.dim(line)}`));
  return lines;
}

/** The three slowest events of `delivery.latency`, p50/p99 each (the JSON report has them all). */
function slowest(check: CheckResult): string[] {
  const perEvent = (check.details?.perEvent ?? {}) as Record<string, { n: number; p50: number; p99: number; max: number }>;
  return Object.entries(perEvent)
    .sort(([, a], [, b]) => b.p99 - a.p99)
    .slice(0, 3)
    .map(([event, stats]) => `${event}: p50 ${stats.p50} ms, p99 ${stats.p99} ms (${stats.n} ${stats.n === 1 ? 'delivery' : 'deliveries'})`);
}

/**
 * The check report for a terminal: failures and warnings first with why, fix and a replayable
 * request; passes one line each (the event sweep's passes as one line); then the counts.
 */
export function renderPretty(report: CheckReport, p: Paint): string {
  const lines = [p.bold(`hooksim check ${report.provider} → ${report.target}`) + p.dim(` (seed ${report.seed})`), ''];
  const problems = report.checks.filter((check) => check.status === 'fail' || check.status === 'warn');
  problems.forEach((check, index) => {
    if (index < DETAILED) lines.push(...detailed(check, p), '');
    else lines.push(`  ${colour(p, check.status, `${MARK[check.status]} ${check.id}`)}  ${printable(truncate(check.message, 1, 160))}`);
  });
  if (problems.length > DETAILED) lines.push(p.dim(`  (${problems.length - DETAILED} more shown briefly; --json has every request and reply)`), '');
  const events = report.checks.filter((check) => check.status === 'pass' && check.id.startsWith('events.'));
  if (events.length > 0) lines.push(`  ${p.ok(`${MARK.pass} events.*`)}  ${events.length} events, variants and user shapes answered 2xx`);
  for (const check of report.checks) {
    if (check.status === 'pass' && !check.id.startsWith('events.')) lines.push(`  ${p.ok(`${MARK.pass} ${check.id}`)}  ${p.dim(printable(truncate(check.message, 1, 140)))}`);
    if (check.id === 'delivery.latency' && check.status !== 'skip') lines.push(...slowest(check).map((line) => `      ${p.dim(line)}`));
    if (check.status === 'skip') lines.push(`  ${p.dim(`${MARK.skip} ${check.id}  skipped: ${printable(check.message)}`)}`);
  }
  const { summary } = report;
  const counts = [`${summary.pass} passed`, `${summary.fail} failed`, `${summary.warn} warning${summary.warn === 1 ? '' : 's'}`, ...(summary.skip ? [`${summary.skip} skipped`] : [])];
  lines.push('', `Checks    ${summary.total}: ${counts.join(', ')}${report.strict ? ' (strict: warnings fail)' : ''}`, `Duration  ${Math.round(report.durationMs)} ms`);
  return `${lines.join('\n')}\n`;
}
