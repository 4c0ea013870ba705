import { isUsageError, UsageError } from '../core/errors.js';
import type { MswServerLike } from '../mock-apis/types.js';
import { startScenarioMockApi, type ScenarioMockApi } from '../mock-apis/scenario.js';
import { checkCalls, checkState } from './api-expectations.js';
import { applyOverrides, REMOVE, type JsonObject, type JsonValue, type Overrides } from '../core/json.js';
import { parseOrUsageError } from '../core/options.js';
import { seedFromString, seededFaker } from '../core/random.js';
import { readBody, type WireRequest } from '../core/types.js';
import { systemClock } from '../core/clock.js';
import { deliverPrepared, prepareEvent } from '../send.js';
import type { Transport } from '../transports/types.js';
import { deviateSignature } from './deviate.js';
import { parseDuration } from './duration.js';
import { checkExpectations } from './expectations.js';
import { missingEnvIn, resolveValue, type ReferenceContext, type ResolveTools } from './interpolate.js';
import { unexpectedMessage } from './errors.js';
import type { LoadedScenario } from './load.js';
import type { DeliveryResult, ScenarioResult, Status, StepResult } from './result.js';
import type { StepSpec } from './schema.js';

/** How to run one scenario. */
export interface RunScenarioOptions {
  /** Where its events go (already resolved from --target, the file or the config). */
  transport: Transport;
  /** Replaces the scenario's seed. */
  seed?: number;
  /** The provider's clock at the first step, when the file gives no `start`. Default: now. */
  now?: number;
  env?: Record<string, string | undefined>;
  maxReplyBytes?: number;
  /** Provider options beneath the scenario's own (from the config: secrets from the environment). */
  defaultOptions?: Record<string, unknown>;
  /** The provider API the hook may call back, kept consistent with the events sent. */
  mockApi?: ScenarioMockApi;
  /** Your tests' running msw server: a `serve: msw` mock API joins it instead of starting a second one. */
  msw?: MswServerLike;
  /** Called after each step (live reporting). */
  onStep?: (step: StepResult) => void;
  /** Stops before the next step (Ctrl-C): the steps not run are left out. */
  signal?: AbortSignal;
}

function stepName(step: StepSpec, index: number): string {
  return step.name ?? `${step.send} #${index + 1}`;
}

/** The part of a delivery later steps may refer to: `${steps.x.reply.body.userData.plan}`. */
function referable(delivery: DeliveryResult): unknown {
  return {
    request: { headers: delivery.request.headers, body: JSON.parse(delivery.request.body) as unknown },
    reply: delivery.response
      ? { status: delivery.response.status, headers: delivery.response.headers, body: readBody(delivery.response) }
      : undefined,
    outcome: delivery.outcome,
    verdict: delivery.verdict,
  };
}

function stepStatus(step: StepSpec, deliveries: DeliveryResult[], failed: boolean): Status {
  const unexpectedError = deliveries.some((delivery) => delivery.error) && step.expect?.error === undefined;
  if (unexpectedError) return 'errored';
  return failed ? 'failed' : 'passed';
}

/**
 * Runs a loaded scenario step by step: builds each event from the actors and earlier steps,
 * applies deviations, delivers, and checks the expectations. Never throws for the hook's
 * behaviour; a step that cannot be built is `errored` with the reason.
 */
export async function runScenario(loaded: LoadedScenario, options: RunScenarioOptions): Promise<ScenarioResult> {
  const { spec, provider } = loaded;
  const started = performance.now();
  const seed = options.seed ?? spec.seed ?? seedFromString(spec.name);
  const env = options.env ?? {};
  const context: ReferenceContext = { actors: {}, steps: {} };
  const tools: ResolveTools = { context, faker: seededFaker(seed, 10), env };
  let now = spec.start !== undefined ? new Date(spec.start).getTime() : (options.now ?? Date.now());
  const result: ScenarioResult = {
    name: spec.name,
    file: loaded.file,
    provider: provider.name,
    target: options.transport.description,
    seed,
    status: 'passed',
    steps: [],
    durationMs: 0,
  };

  let runWide: unknown = {};
  try {
    const missing = missingEnvIn(spec, env);
    if (missing.length > 0) {
      const names = [...new Set(missing.map((entry) => entry.name))];
      const others = names.length > 1 ? ` (also unset: ${names.slice(1).join(', ')})` : '';
      throw Object.assign(new Error(`environment variable ${names[0]} is not set (and no default is given)${others}`), { at: missing[0]!.path });
    }
    if (!Number.isFinite(now)) throw Object.assign(new Error(`start: expected an ISO date, got "${spec.start}"`), { at: ['start'] });
    const scenarioOptions = { ...options.defaultOptions, ...(resolveValue(spec.options ?? {}, tools) as JsonObject) };
    const parsed = parseOrUsageError(provider.optionsSchema, scenarioOptions, 'options');
    runWide = provider.runOptions?.(seed, parsed) ?? {};
    for (const [name, fields] of Object.entries(spec.actors ?? {})) {
      let actor = provider.createActor(seedFromString(`${seed}:${name}`), now, parsed);
      const overrides: Overrides = {};
      for (const [path, value] of Object.entries(fields)) overrides[path] = resolveValue(value, tools);
      actor = applyOverrides(actor, overrides);
      context.actors[name] = actor;
    }
  } catch (error) {
    result.status = 'errored';
    const at = (error as { at?: PropertyKey[] }).at ?? ['options'];
    result.error = { kind: 'config', message: (error as Error).message, location: loaded.locate(at) };
    result.durationMs = performance.now() - started;
    return result;
  }

  // The provider's API, when the scenario plays it; its clock is the scenario's.
  let mockApi = options.mockApi;
  const ownsMock = !mockApi && spec.mockApi !== undefined;
  if (ownsMock) {
    try {
      mockApi = await startScenarioMockApi(provider, spec.mockApi!, { now: () => now }, { msw: options.msw });
    } catch (error) {
      // A port already in use, a missing peer: this scenario cannot run; the others can.
      result.status = 'errored';
      const message = isUsageError(error) ? error.message : unexpectedMessage(error).replace('unexpected error: ', '');
      result.error = { kind: 'runtime', message: `the mock API could not start: ${message}`, location: loaded.locate(['mockApi']) };
      result.durationMs = performance.now() - started;
      return result;
    }
  }
  if (mockApi) context.mockApi = { url: mockApi.url };
  try {
    await runSteps();
  } finally {
    if (ownsMock) await mockApi?.close();
  }
  const statuses = result.steps.map((step) => step.status);
  result.status = statuses.includes('errored') ? 'errored' : statuses.includes('failed') ? 'failed' : 'passed';
  result.durationMs = performance.now() - started;
  return result;

  async function runSteps(): Promise<void> {
    let halted: string | undefined;
    // The last request sent: what a `replayed-id` step replays the message id of.
    let previous: WireRequest | undefined;
    // Fixed for every step: the identity of the hook being called.
    const fixed = runWide as Record<string, unknown>;
    for (const [index, step] of spec.steps.entries()) {
      const stepStarted = performance.now();
      const at = ['steps', index] as const;
      const base: Omit<StepResult, 'status' | 'deliveries' | 'expectations' | 'durationMs'> = {
        index,
        name: stepName(step, index),
        event: step.send,
        variant: step.variant ?? provider.events.find((event) => event.name === step.send)?.variants[0]?.name ?? '',
        location: loaded.locate(at),
      };
      if (options.signal?.aborted) return;
      if (halted) {
        const skipped: StepResult = { ...base, status: 'skipped', deliveries: [], expectations: [], message: halted, durationMs: 0 };
        result.steps.push(skipped);
        options.onStep?.(skipped);
        continue;
      }
      let stepResult: StepResult;
      try {
        if (step.after !== undefined) now += parseDuration(step.after);
        const set: Overrides = {};
        for (const [path, value] of Object.entries(step.set ?? {})) set[path] = resolveValue(value, tools);
        for (const path of step.unset ?? []) set[path] = REMOVE;
        const prepared = prepareEvent({
          provider,
          event: step.send,
          variant: step.variant,
          seed: seedFromString(`${seed}:step:${index}`),
          set,
          options: {
            ...fixed,
            ...options.defaultOptions,
            ...(resolveValue(spec.options ?? {}, tools) as JsonObject),
            ...(resolveValue(step.options ?? {}, tools) as JsonObject),
          },
          now,
          actor: step.actor ? (context.actors[step.actor] as JsonObject) : undefined,
        });
        prepared.request = deviateSignature(provider, prepared.providerOptions, prepared.request, step.deviate?.signature, { now, previous });
        previous = prepared.request;
        const mock = mockApi;
        const callsBefore = mock?.api.calls.calls.length ?? 0;
        // The user the event speaks of exists in the provider's API before the hook can look it up.
        mock?.beforeDelivery(prepared.actor);

        const deliveries: DeliveryResult[] = [];
        const deliveryOptions = { clock: { now: () => now, sleep: systemClock.sleep }, maxReplyBytes: options.maxReplyBytes };
        for (let copy = 0; copy < (step.deviate?.repeat ?? 1); copy++) {
          const sent = await deliverPrepared(prepared, options.transport, deliveryOptions);
          deliveries.push({ request: sent.request, response: sent.response, error: sent.error, attempts: sent.attempts, verdict: sent.verdict, outcome: sent.outcome, ...(sent.decision ? { decision: sent.decision } : {}) });
          mock?.afterDelivery(sent.outcome);
        }
        if (step.actor) context.actors[step.actor] = prepared.actor;
        if (step.name) context.steps[step.name] = referable(deliveries.at(-1)!);
        const expect = step.expect && {
          ...step.expect,
          ...(step.expect.body ? { body: resolveMatchers(step.expect.body, tools) } : {}),
          ...(step.expect.headers ? { headers: resolveMatchers(step.expect.headers, tools) } : {}),
          ...(step.expect.outcome ? { outcome: resolveMatchers(step.expect.outcome, tools) } : {}),
        };
        const expectations = deliveries.flatMap((delivery) =>
          checkExpectations(expect, delivery, { deviates: step.deviate?.signature !== undefined, locate: loaded.locate, at }),
        );
        if (step.expect?.calls || step.expect?.state) {
          if (!mock) throw new UsageError(`step "${base.name}": expect.calls and expect.state need a mockApi: section in the scenario`);
          if (step.expect.calls) {
            const calls = step.expect.calls.map((call) => (call.body === undefined ? call : { ...call, body: resolveValue(call.body, tools) }));
            expectations.push(...(await checkCalls(mock.api, calls, { since: callsBefore, inOrder: step.expect.callsInOrder === true, locate: loaded.locate, at })));
          }
        }
        // Changes the hook made through the API fire events of their own (Logto's data events), delivered to the hook too.
        for (const event of mock?.drainFollowUps(now, prepared.providerOptions) ?? []) {
          const { payload } = event;
          const request = provider.buildRequest(payload, prepared.providerOptions, { now, seed: prepared.seed });
          const sent = await deliverPrepared({ ...prepared, event: event.event, payload, request }, options.transport, deliveryOptions);
          const delivery: DeliveryResult = { request: sent.request, response: sent.response, error: sent.error, attempts: sent.attempts, verdict: sent.verdict, outcome: sent.outcome, ...(sent.decision ? { decision: sent.decision } : {}), followUp: event.event };
          deliveries.push(delivery);
          expectations.push({
            name: `data event ${event.event}`,
            pass: sent.verdict.pass,
            expected: `the hook to accept the ${event.event} its own API call caused`,
            actual: sent.verdict.pass ? 'accepted' : sent.verdict.violations.map((v) => `${v.path}: ${v.message}`).join('; '),
            location: loaded.locate(at),
          });
        }
        if (step.expect?.state && mock) {
          const written = Object.keys(step.expect.state);
          const matchers = Object.fromEntries(written.map((path) => [String(resolveValue(path, tools)), resolveValue(step.expect!.state![path], tools)]));
          expectations.push(...checkState(mock.api, matchers, { locate: loaded.locate, at, written }));
        }
        const status = stepStatus(step, deliveries, expectations.some((expectation) => !expectation.pass));
        stepResult = { ...base, status, deliveries, expectations, durationMs: performance.now() - stepStarted };
        if (status === 'errored') {
          const error = deliveries.find((delivery) => delivery.error)?.error;
          stepResult.message = error?.message;
          halted = `not run: step "${base.name}" could not reach the hook`;
        }
      } catch (error) {
        // A bug or a failure nobody planned for errors this step, in one line; the run goes on.
        const message = isUsageError(error) ? error.message : unexpectedMessage(error);
        stepResult = { ...base, status: 'errored', deliveries: [], expectations: [], message, durationMs: performance.now() - stepStarted };
        halted = `not run: step "${base.name}" could not ${isUsageError(error) ? 'be built' : 'complete'}`;
      }
      result.steps.push(stepResult);
      options.onStep?.(stepResult);
    }
  }
}

/** `${...}` in expected values resolve like any other value (against actors and earlier steps). */
function resolveMatchers(matchers: Record<string, unknown>, tools: ResolveTools): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(matchers).map(([path, expected]) => [path, resolveValue(expected, tools)]));
}
