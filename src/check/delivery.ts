import { prepare, type BuildSpec } from './build.js';
import { runEffect } from './effects.js';
import { exchange, recordLatency, replyText, statusClass } from './exchange.js';
import { combine, result, type CheckText } from './grade.js';
import type { CheckContext, CheckDefinition, CheckStatus, SentExchange } from './types.js';

type Grade = { status: CheckStatus; note: string };

/** Provider sentences for the delivery checks. */
export type DeliveryTexts = Record<'duplicate' | 'out-of-order' | 'concurrent' | 'latency', Omit<CheckText, 'id'>>;

/** `delivery.duplicate`: the same bytes twice get the same answer, and the effects hold after both (they happened once). */
export function duplicateCheck(texts: DeliveryTexts, pick: (context: CheckContext) => BuildSpec): CheckDefinition {
  const text = { id: 'delivery.duplicate', ...texts.duplicate };
  return {
    id: text.id,
    async run(context) {
      const prepared = prepare(context, { seed: context.seedFor(text.id), ...pick(context) });
      const first = await exchange(context, `${prepared.event} (first)`, prepared.request);
      const firstEffect = await runEffect(context, prepared.event, prepared.payload, 'delivered');
      const second = await exchange(context, `${prepared.event} (again, same bytes)`, prepared.request);
      const effect = await runEffect(context, prepared.event, prepared.payload, 'duplicate');
      const grades: Grade[] = [];
      if (statusClass(first) !== 2) grades.push({ status: 'fail', note: `the first delivery was not accepted (${replyText(first)})` });
      else if (first.response?.status !== second.response?.status) {
        grades.push({ status: statusClass(second) === 2 ? 'warn' : 'fail', note: `the same bytes got ${replyText(first)}, then ${replyText(second)}` });
      } else grades.push({ status: 'pass', note: `${replyText(first)} both times` });
      if (firstEffect && !firstEffect.ok) grades.push({ status: 'fail', note: `after the first delivery: ${firstEffect.message}` });
      if (effect && !effect.ok) grades.push({ status: 'fail', note: `after the duplicate: ${effect.message}` });
      const proved = effect?.ok ? `; ${effect.message} after both` : context.effects[prepared.event] ? '' : ' (declare an effect for this event to prove it was processed once)';
      return [combine(text, grades, [first, second], `${replyText(first)} both times${proved}`)];
    },
  };
}

/** `delivery.out-of-order`: stories sent in the wrong order get 2xx (a 4xx is a warning: a policy), never 5xx. */
export function outOfOrderCheck(texts: DeliveryTexts, stories: (context: CheckContext) => BuildSpec[][]): CheckDefinition {
  const text = { id: 'delivery.out-of-order', ...texts['out-of-order'] };
  return {
    id: text.id,
    async run(context) {
      const sent: SentExchange[] = [];
      const grades: Grade[] = [];
      for (const story of stories(context)) {
        for (const spec of story) {
          const prepared = prepare(context, spec);
          const reply = await exchange(context, `${prepared.event}${prepared.variant ? ` (${prepared.variant})` : ''}`, prepared.request);
          sent.push(reply);
          const kind = statusClass(reply);
          grades.push(
            kind === 2
              ? { status: 'pass', note: `${reply.label}: ${replyText(reply)}` }
              : { status: kind === 4 ? 'warn' : 'fail', note: `${reply.label} out of order: ${replyText(reply)}` },
          );
        }
      }
      return [combine(text, grades, sent, `every event answered 2xx in the wrong order (${sent.map((s) => s.label).join(' → ')})`)];
    },
  };
}

/** `delivery.concurrent`: events of one action sent at the same moment all get 2xx, and their effects hold. */
export function concurrentCheck(texts: DeliveryTexts, group: (context: CheckContext) => BuildSpec[]): CheckDefinition {
  const text = { id: 'delivery.concurrent', ...texts.concurrent };
  return {
    id: text.id,
    async run(context) {
      const prepared = group(context).map((spec) => prepare(context, spec));
      const sent = await Promise.all(prepared.map((item) => exchange(context, `${item.event}${item.variant ? ` (${item.variant})` : ''}`, item.request)));
      const grades: Grade[] = sent.map((reply) =>
        statusClass(reply) === 2 ? { status: 'pass', note: `${reply.label}: ${replyText(reply)}` } : { status: 'fail', note: `${reply.label} sent concurrently: ${replyText(reply)}` },
      );
      for (const item of prepared) {
        const effect = await runEffect(context, item.event, item.payload, 'concurrent');
        if (effect) grades.push({ status: effect.ok ? 'pass' : 'fail', note: effect.message });
      }
      return [combine(text, grades, sent, `${sent.length === 2 ? 'both' : `all ${sent.length}`} answered 2xx at once`)];
    },
  };
}

/** The `q` quantile (0..1) of a sorted list, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * `delivery.latency`: over the sweep's deliveries, p50/p99 per event; a reply slower than the
 * provider's timeout fails (the sweep already failed it), above half the budget is a warning.
 */
export function latencyCheck(texts: DeliveryTexts): CheckDefinition {
  const text = { id: 'delivery.latency', ...texts.latency };
  return {
    id: text.id,
    async run(context) {
      if (context.latencies.size === 0) return [result(text, 'skip', 'no deliveries were timed', [])];
      const perEvent: Record<string, { n: number; p50: number; p99: number; max: number }> = {};
      let slowest = 0;
      let slowestEvent = '';
      for (const [event, samples] of context.latencies) {
        const sorted = [...samples].sort((a, b) => a - b);
        const max = sorted.at(-1)!;
        perEvent[event] = { n: sorted.length, p50: round(quantile(sorted, 0.5)), p99: round(quantile(sorted, 0.99)), max: round(max) };
        if (max > slowest) [slowest, slowestEvent] = [max, event];
      }
      const budget = context.timeoutMs;
      const status: CheckStatus = slowest >= budget ? 'fail' : slowest > budget / 2 ? 'warn' : 'pass';
      const all = [...context.latencies.values()].flat().sort((a, b) => a - b);
      const summary = `p50 ${round(quantile(all, 0.5))} ms, p99 ${round(quantile(all, 0.99))} ms over ${all.length} deliveries; slowest ${round(slowest)} ms (${slowestEvent}) against a ${budget} ms timeout`;
      const message = status === 'pass' ? summary : `${summary}: ${status === 'fail' ? 'over the timeout' : 'above half the timeout'}`;
      return [result(text, status, message, [], { timeoutMs: budget, perEvent })];
    },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
