import { z } from 'zod';
import { getPath, type JsonValue } from '../../core/json.js';
import type { DeliveryRecord, Judgement, Reply, Violation } from '../../core/types.js';
import { matchValue } from '../../scenarios/matchers.js';
import type { DeliveryPolicy } from '../types.js';
import type { ProviderFile, ReplySpec, RetrySpec } from './schema.js';

/** What a declarative provider makes of a reply: delivered or not, and the action table's words. */
export interface DeclarativeOutcome {
  /** The last attempt got a status the provider counts as delivered. */
  delivered: boolean;
  /** The action table's outcome (`enrollment refused`), or `delivered` / `not delivered`. */
  result: string;
  /** The status of the last attempt, when it got a reply. */
  status?: number;
  /** Attempts made (retries included). */
  attempts: number;
}

/** `200`, `2xx`, `[200, 204]`: does `status` fit? */
export function statusFits(status: number, spec: number | string | readonly number[]): boolean {
  if (typeof spec === 'number') return status === spec;
  if (typeof spec === 'string') return String(status)[0] === spec[0];
  return spec.includes(status);
}

function parseJson(text: string): { ok: true; value: JsonValue } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false };
  }
}

/** The reply body contract, compiled once: JSON Schema through zod, matchers as the scenarios read them. */
export function bodyContract(spec: ReplySpec['body']): ((body: JsonValue) => Violation[]) | undefined {
  if (!spec) return undefined;
  const schema = spec.jsonSchema ? z.fromJSONSchema(spec.jsonSchema as never) : undefined;
  return (body) => {
    const violations: Violation[] = [];
    if (schema) {
      const result = schema.safeParse(body);
      if (!result.success) for (const issue of result.error.issues) violations.push({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message });
    }
    for (const [path, expected] of Object.entries(spec.match ?? {})) {
      const actual = path === '$' ? body : getPath(body, path.replace(/^\$\./, ''));
      const match = matchValue(actual, expected as JsonValue);
      if (!match.pass) violations.push({ path: `body.${path}`, message: `expected ${match.expected}, got ${actual === undefined ? 'nothing' : JSON.stringify(actual)}` });
    }
    return violations;
  };
}

/** Judges the last attempt: delivered, contract kept, and the first action whose `when` holds. */
export function judgeReply(file: ProviderFile, record: DeliveryRecord, contract: ReturnType<typeof bodyContract>): Judgement<DeclarativeOutcome> {
  const reply = file.reply;
  const last = record.attempts.at(-1);
  const violations: Violation[] = [];
  const status = last?.reply?.status;
  const delivered = status !== undefined && statusFits(status, reply.success);
  let body: JsonValue | undefined;
  if (last?.reply) {
    const parsed = parseJson(last.reply.body);
    if (parsed.ok) body = parsed.value;
    if (!delivered) violations.push({ path: 'status', message: `expected ${describeStatus(reply.success)}, got ${status}` });
    else if (contract) {
      if (!parsed.ok) violations.push({ path: 'body', message: `expected a JSON body, got ${last.reply.body === '' ? 'an empty body' : JSON.stringify(last.reply.body.slice(0, 60))}` });
      else violations.push(...contract(parsed.value));
    }
  } else {
    violations.push({ path: 'delivery', message: last?.error?.message ?? 'no attempt was made' });
  }
  const action = reply.actions?.find((candidate) => actionHolds(candidate.when, last?.reply, body, last?.error?.kind));
  const result = action?.outcome ?? (delivered ? 'delivered' : 'not delivered');
  return {
    verdict: { pass: violations.length === 0, violations },
    outcome: { delivered, result, ...(status !== undefined ? { status } : {}), attempts: record.attempts.length },
  };
}

function describeStatus(spec: number | string | readonly number[]): string {
  return typeof spec === 'object' ? `one of ${spec.join(', ')}` : `status ${spec}`;
}

function actionHolds(when: NonNullable<ReplySpec['actions']>[number]['when'], reply: Reply | undefined, body: JsonValue | undefined, error: string | undefined): boolean {
  if (when.error !== undefined) return reply === undefined && (when.error === 'any' || when.error === error);
  if (when.status !== undefined && (reply === undefined || !statusFits(reply.status, when.status))) return false;
  if (when.body !== undefined) {
    if (body === undefined) return false;
    for (const [path, expected] of Object.entries(when.body)) {
      const actual = path === '$' ? body : getPath(body, path.replace(/^\$\./, ''));
      if (!matchValue(actual, expected as JsonValue).pass) return false;
    }
  }
  return reply !== undefined || (when.status === undefined && when.body === undefined);
}

/** The file's retry rule as a {@link DeliveryPolicy}. */
export function deliveryPolicyOf(retry: 'none' | RetrySpec, timeoutMs: number): DeliveryPolicy {
  return {
    timeoutMs,
    retryDelay(record) {
      if (retry === 'none') return undefined;
      const last = record.attempts.at(-1);
      const retried = record.attempts.length - 1;
      const reacts = retry.on.some((on) => {
        if (last?.reply) return typeof on === 'number' ? last.reply.status === on : /^[1-5]xx$/.test(on) && statusFits(last.reply.status, on);
        if (on === 'timeout') return last?.error?.kind === 'timeout' || last?.error?.kind === 'body-timeout';
        return on === 'network' && last?.error !== undefined && last.error.kind !== 'timeout' && last.error.kind !== 'body-timeout';
      });
      if (!reacts) return undefined;
      if (retry.delaysMs) return retry.delaysMs[retried];
      const rule = retry.exponential!;
      if (retried >= rule.retries) return undefined;
      const wait = rule.firstMs * rule.factor ** retried;
      return rule.maxMs !== undefined ? Math.min(wait, rule.maxMs) : wait;
    },
  };
}
