import { z } from 'zod';
import type { Attempt, Reply, TransportError } from '../core/types.js';
import type { DeliveryResult, RunResult, ScenarioResult, StepResult } from '../scenarios/result.js';
import type { SourceLocation } from '../scenarios/source.js';
import type { Reporter } from './types.js';

const location = z.object({ file: z.string(), line: z.number().int(), column: z.number().int() }).describe('1-based position in a scenario file');
const status = z.enum(['passed', 'failed', 'errored', 'skipped']);
const counts = z.object({ passed: z.number().int(), failed: z.number().int(), errored: z.number().int(), skipped: z.number().int() });
const reply = z
  .object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.string(), bytes: z.number().int() })
  .describe('what the hook replied: lowercase header names, body as text (at most the byte cap), bytes read');
// A string, not an enum: new transport error kinds must not invalidate reports readers already accept.
const transportError = z.object({ kind: z.string(), message: z.string() }).describe('why an attempt got no usable reply (timeout, connection-refused...)');
const duration = z.number().nonnegative().describe('milliseconds, rounded to 0.1');

const expectation = z.object({ name: z.string(), pass: z.boolean(), expected: z.string(), actual: z.string(), location });
const attempt = z.object({ number: z.number().int(), durationMs: duration, reply: reply.optional(), error: transportError.optional() });
const delivery = z.object({
  request: z.object({ method: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }).describe('exactly what was sent (secrets redacted)'),
  response: reply.optional(),
  error: transportError.optional(),
  attempts: z.array(attempt),
  verdict: z.object({ pass: z.boolean(), violations: z.array(z.object({ path: z.string(), message: z.string() })) }),
  outcome: z.unknown().describe('what the provider would do with the reply (provider-specific)'),
});
const step = z.object({
  index: z.number().int(),
  name: z.string(),
  event: z.string(),
  variant: z.string(),
  location,
  status,
  message: z.string().optional(),
  durationMs: duration,
  expectations: z.array(expectation),
  deliveries: z.array(delivery).describe('every event sent for the step (a repeated delivery has several)'),
});
const scenario = z.object({
  name: z.string(),
  file: z.string(),
  provider: z.string(),
  target: z.string(),
  seed: z.number(),
  status,
  durationMs: duration,
  error: z.object({ kind: z.enum(['config', 'runtime']), message: z.string(), location: location.optional() }).optional(),
  steps: z.array(step),
});

/**
 * The JSON reporter's document, `schemaVersion: 1`. Stable: within a schema version fields are
 * only ever added, never renamed or removed. Validate a report with
 * `jsonReportSchema.parse(JSON.parse(text))`.
 *
 * - `startedAt`: ISO time the run started; `durationMs`: the whole run.
 * - `exitCode`: 0 all passed, 1 a scenario failed or errored, 2 a file or the config was invalid.
 * - `summary`: scenario and step counts by status, events sent (a repeated delivery counts
 *   each time) split by how their step ended, files that could not be loaded.
 * - `scenarios[]`: one per scenario file, with its steps, each step's deliveries (request,
 *   reply or transport error, attempts, the provider's verdict and outcome) and expectations
 *   (expected vs actual as text, with the file:line:column they are written at).
 */
export const jsonReportSchema = z.object({
  schemaVersion: z.literal(1),
  startedAt: z.string(),
  durationMs: duration,
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  interrupted: z.boolean().optional().describe('true when the run was stopped (Ctrl-C): only the scenarios that ran are listed'),
  summary: z.object({
    scenarios: counts,
    steps: counts,
    events: z.object({ sent: z.number().int(), passed: z.number().int(), failed: z.number().int(), errored: z.number().int() }),
    configErrors: z.number().int(),
  }),
  scenarios: z.array(scenario),
});

/** A parsed JSON report. */
export type JsonReport = z.output<typeof jsonReportSchema>;

const round = (ms: number) => Math.round(ms * 10) / 10;
const loc = ({ file, line, column }: SourceLocation) => ({ file, line, column });
const replyOf = ({ status, headers, body, bytes }: Reply) => ({ status, headers: { ...headers }, body, bytes });
const errorOf = ({ kind, message }: TransportError) => ({ kind, message });

// Fields are copied one by one, not spread: the document holds what the schema documents and
// nothing a runner happens to attach to its results (options, handles, secrets).
function attemptOf(a: Attempt) {
  return { number: a.number, durationMs: round(a.durationMs), ...(a.reply ? { reply: replyOf(a.reply) } : {}), ...(a.error ? { error: errorOf(a.error) } : {}) };
}

function deliveryOf(d: DeliveryResult) {
  return {
    request: { method: d.request.method, headers: { ...d.request.headers }, body: d.request.body },
    ...(d.response ? { response: replyOf(d.response) } : {}),
    ...(d.error ? { error: errorOf(d.error) } : {}),
    attempts: d.attempts.map(attemptOf),
    verdict: { pass: d.verdict.pass, violations: d.verdict.violations.map(({ path, message }) => ({ path, message })) },
    outcome: d.outcome,
  };
}

function stepOf(s: StepResult) {
  return {
    index: s.index,
    name: s.name,
    event: s.event,
    variant: s.variant,
    location: loc(s.location),
    status: s.status,
    ...(s.message !== undefined ? { message: s.message } : {}),
    durationMs: round(s.durationMs),
    expectations: s.expectations.map((e) => ({ name: e.name, pass: e.pass, expected: e.expected, actual: e.actual, location: loc(e.location) })),
    deliveries: s.deliveries.map(deliveryOf),
  };
}

function scenarioOf(s: ScenarioResult) {
  return {
    name: s.name,
    file: s.file,
    provider: s.provider,
    target: s.target,
    seed: s.seed,
    status: s.status,
    durationMs: round(s.durationMs),
    ...(s.error ? { error: { kind: s.error.kind, message: s.error.message, ...(s.error.location ? { location: loc(s.error.location) } : {}) } } : {}),
    steps: s.steps.map(stepOf),
  };
}

/** The report for a run, as {@link jsonReportSchema} describes it (durations rounded to 0.1 ms). */
export function toJsonReport(run: RunResult): JsonReport {
  const { scenarios, steps, events, configErrors } = run.summary;
  return {
    schemaVersion: 1,
    startedAt: run.startedAt,
    durationMs: round(run.durationMs),
    exitCode: run.exitCode,
    ...(run.interrupted ? { interrupted: true } : {}),
    summary: { scenarios: { ...scenarios }, steps: { ...steps }, events: { ...events }, configErrors },
    scenarios: run.scenarios.map(scenarioOf),
  };
}

/** One JSON document for the run (see {@link jsonReportSchema}). */
export function jsonReporter(): Reporter {
  return {
    name: 'json',
    // The document holds every request and reply: the runner must keep them.
    keepsResults: true,
    onRunEnd: (run: RunResult) => JSON.stringify(toJsonReport(run), null, 2),
  };
}
