import { z } from 'zod';
import type { RunResult } from '../scenarios/result.js';
import type { Reporter } from './types.js';

const location = z.object({ file: z.string(), line: z.number().int(), column: z.number().int() });
const status = z.enum(['passed', 'failed', 'errored', 'skipped']);
const counts = z.object({ passed: z.number(), failed: z.number(), errored: z.number(), skipped: z.number() });
const reply = z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.string(), bytes: z.number() });
const transportError = z.object({ kind: z.string(), message: z.string() });

/** The JSON report's schema (`schemaVersion: 1`). Stable: fields are only ever added. */
export const jsonReportSchema = z.object({
  schemaVersion: z.literal(1),
  startedAt: z.string(),
  durationMs: z.number(),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  summary: z.object({
    scenarios: counts,
    steps: counts,
    events: z.object({ sent: z.number(), passed: z.number(), failed: z.number(), errored: z.number() }),
    configErrors: z.number(),
  }),
  scenarios: z.array(
    z.object({
      name: z.string(),
      file: z.string(),
      provider: z.string(),
      target: z.string(),
      seed: z.number(),
      status,
      durationMs: z.number(),
      error: z.object({ kind: z.enum(['config', 'runtime']), message: z.string(), location: location.optional() }).optional(),
      steps: z.array(
        z.object({
          index: z.number().int(),
          name: z.string(),
          event: z.string(),
          variant: z.string(),
          location,
          status,
          message: z.string().optional(),
          durationMs: z.number(),
          expectations: z.array(z.object({ name: z.string(), pass: z.boolean(), expected: z.string(), actual: z.string(), location })),
          deliveries: z.array(
            z.object({
              request: z.object({ method: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }),
              response: reply.optional(),
              error: transportError.optional(),
              attempts: z.array(z.object({ number: z.number().int(), durationMs: z.number(), reply: reply.optional(), error: transportError.optional() })),
              verdict: z.object({ pass: z.boolean(), violations: z.array(z.object({ path: z.string(), message: z.string() })) }),
              outcome: z.unknown(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export type JsonReport = z.output<typeof jsonReportSchema>;

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One JSON document for the run (see {@link jsonReportSchema}); durations rounded to 0.1 ms. */
export function jsonReporter(): Reporter {
  return {
    name: 'json',
    onRunEnd(run: RunResult) {
      const report = {
        schemaVersion: 1,
        startedAt: run.startedAt,
        durationMs: round(run.durationMs),
        exitCode: run.exitCode,
        summary: run.summary,
        scenarios: run.scenarios,
      };
      return JSON.stringify(report, (key, value: unknown) => (key === 'durationMs' && typeof value === 'number' ? round(value) : value), 2);
    },
  };
}
