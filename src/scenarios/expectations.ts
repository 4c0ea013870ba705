import { getPath } from '../core/json.js';
import { readBody } from '../core/types.js';
import type { DeliveryResult, ExpectationResult } from './result.js';
import { parseDuration } from './duration.js';
import { matchValue, show } from './matchers.js';
import type { ExpectSpec } from './schema.js';
import type { SourceLocation } from './source.js';

/** Where each expectation is written, for reports. */
export type Locate = (path: readonly PropertyKey[], key?: string) => SourceLocation;

function statusMatches(status: number, spec: NonNullable<ExpectSpec['status']>): boolean {
  if (typeof spec === 'number') return status === spec;
  if (Array.isArray(spec)) return spec.includes(status);
  return Math.floor(status / 100) === Number(spec[0]);
}

function replyText(delivery: DeliveryResult): string {
  if (delivery.response) return `status ${delivery.response.status}`;
  return delivery.error ? `no reply (${delivery.error.kind}: ${delivery.error.message})` : 'no reply';
}

/**
 * Checks a step's expectations against one delivery. A step without a `contract`/`violations`
 * expectation must keep the contract, unless it deliberately deviates from the provider.
 */
export function checkExpectations(
  spec: ExpectSpec | undefined,
  delivery: DeliveryResult,
  options: { deviates: boolean; locate: Locate; at: readonly PropertyKey[] },
): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  const expect = spec ?? {};
  const where = (key?: string) => (key === undefined ? options.locate(options.at) : options.locate([...options.at, 'expect'], key));
  const push = (name: string, pass: boolean, expected: string, actual: string, key?: string) =>
    results.push({ name, pass, expected, actual, location: where(key) });

  if (expect.status !== undefined) {
    const status = delivery.response?.status;
    push('status', status !== undefined && statusMatches(status, expect.status), `status ${show(expect.status)}`, replyText(delivery), 'status');
  }

  const violationPaths = delivery.verdict.violations.map((violation) => violation.path);
  const violationText = delivery.verdict.violations.map((violation) => `${violation.path}: ${violation.message}`).join('; ');
  const contract = expect.contract ?? (expect.violations ? 'broken' : options.deviates ? undefined : 'kept');
  if (contract === 'kept') {
    push('contract', delivery.verdict.pass, 'the contract kept', delivery.verdict.pass ? 'kept' : `broken: ${violationText}`, expect.contract ? 'contract' : undefined);
  } else if (contract === 'broken') {
    push('contract', !delivery.verdict.pass, 'the contract broken', delivery.verdict.pass ? 'kept' : `broken: ${violationText}`, expect.violations && !expect.contract ? 'violations' : 'contract');
  }
  for (const path of expect.violations ?? []) {
    push(`violation ${path}`, violationPaths.includes(path), `a violation at ${path}`, violationPaths.length ? `violations at ${violationPaths.join(', ')}` : 'no violations', 'violations');
  }

  if (expect.error !== undefined) {
    const kind = delivery.error?.kind ?? 'none';
    push('error', kind === expect.error, expect.error === 'none' ? 'a reply' : `a ${expect.error} error`, kind === 'none' ? replyText(delivery) : `${kind}: ${delivery.error?.message}`, 'error');
  }
  if (expect.attempts !== undefined) {
    push('attempts', delivery.attempts.length === expect.attempts, `${expect.attempts} attempt(s)`, `${delivery.attempts.length} attempt(s)`, 'attempts');
  }
  if (expect.latency !== undefined) {
    const limit = parseDuration(expect.latency);
    const last = delivery.attempts.at(-1);
    const took = last?.durationMs;
    push('latency', took !== undefined && last?.reply !== undefined && took <= limit, `a reply within ${limit} ms`, took === undefined ? 'no attempt' : last?.reply ? `${Math.round(took)} ms` : `no reply after ${Math.round(took)} ms`, 'latency');
  }

  const sections = {
    body: delivery.response ? readBody(delivery.response) : undefined,
    headers: delivery.response?.headers,
    outcome: delivery.outcome,
  } as const;
  for (const section of ['body', 'headers', 'outcome'] as const) {
    for (const [path, expected] of Object.entries(expect[section] ?? {})) {
      const normalised = path.replace(/^\$\.?/, '');
      const root = sections[section];
      const actual = normalised === '' ? root : getPath(root, section === 'headers' ? normalised.toLowerCase() : normalised);
      const match = matchValue(actual, expected);
      const key = path;
      results.push({
        name: `${section}.${normalised}`,
        pass: match.pass,
        expected: match.expected,
        actual: section !== 'outcome' && !delivery.response ? replyText(delivery) : show(actual),
        location: options.locate([...options.at, 'expect', section], key),
      });
    }
  }
  return results;
}
