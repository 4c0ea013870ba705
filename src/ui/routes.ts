/**
 * The dashboard's API, beside the emulator's control API: catalog, preview with validation,
 * send and replay, copy formats, stories over server-sent events, check, mock API calls.
 * Every answer is already safe for the page: no signing key, token or client secret.
 */
import type { ServerResponse } from 'node:http';
import { UsageError } from '../core/errors.js';
import { redact } from '../core/redact.js';
import type { Emulator } from '../emulator/emulator.js';
import { maskSignature, outcomeWords, type DeliveryEntry } from '../emulator/history.js';
import { HttpError, triggerInputOf, type Route } from '../emulator/http.js';
import { signingKeyFromEnv } from '../emulator/signing-env.js';
import { listTargets, resolveTarget } from '../emulator/targets.js';
import { catalogOf } from '../providers/catalog.js';
import { getProvider, providers } from '../providers/registry.js';
import { signingKeyOption, signingOf } from '../providers/signing/binding.js';
import { parseTargetUrl } from '../transports/target.js';
import type { Reporter } from '../reporters/types.js';
import type { StepResult } from '../scenarios/result.js';
import { asCurl, asSendCommand, asYamlStep } from './copy.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Writes one server-sent event. */
function sse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The dashboard routes over a running emulator. */
export function dashboardRoutes(emulator: Emulator, context: { cwd: string; env: Record<string, string | undefined> }): Route[] {
  const { config } = emulator;
  // The key the emulator signs with: the configured key option, else the environment's (as the emulator reads it).
  const signingKeyOf = (name: string): string | undefined => {
    const provider = getProvider(name);
    const keyOption = signingKeyOption(provider);
    if (keyOption === undefined) return undefined;
    const configured = config.providerOptions?.[name]?.[keyOption];
    if (typeof configured === 'string') return configured;
    return signingKeyFromEnv(provider, context.env);
  };
  /** The emulated APIs as the page lists them: name, label, routes and URL (the page names no provider). */
  const apiList = () => emulator.apis.map(({ name, label, routes, url, provider }) => ({ name, label, routes, url, provider }));
  const providerNamed = (name: string) => providers.find((provider) => provider.name === name);
  const withCalls = (entry: DeliveryEntry) => ({ ...entry, apiCalls: emulator.callsOf(entry.id) });
  const entryOf = (id: string | undefined) => {
    const entry = emulator.deliveries.get(Number(id));
    if (!entry) throw new HttpError(404, `no delivery #${id}`);
    return entry;
  };
  const storyFiles = async () => {
    const { discoverScenarioFiles } = await import('../scenarios/discover.js');
    return discoverScenarioFiles(config.scenarios ?? ['scenarios'], context.cwd).catch(() => [] as string[]);
  };

  return [
    {
      method: 'GET',
      pattern: '/api/catalog',
      handle: () => ({
        providers: catalogOf(providers),
        targets: listTargets(config),
        mockApis: emulator.urls,
        apis: apiList(),
        // Whether a key is configured, never the key.
        signing: Object.fromEntries(providers.filter((provider) => signingOf(provider) !== undefined).map((provider) => [provider.name, signingKeyOf(provider.name) !== undefined])),
      }),
    },
    { method: 'POST', pattern: '/api/preview', handle: ({ body }) => emulator.preview(triggerInputOf(body, false)) },
    {
      method: 'POST',
      pattern: '/api/send',
      handle: async ({ body }) => {
        // A typed URL comes as `url`: checked as a URL (a missing scheme is named), never read as a target name.
        const typed = isObject(body) && typeof body.url === 'string' ? parseTargetUrl(body.url.trim()).href : undefined;
        const input = triggerInputOf(typed ? { ...(body as object), target: typed } : body);
        return withCalls(await emulator.trigger(input, 'dashboard'));
      },
    },
    {
      method: 'POST',
      pattern: '/api/replay',
      handle: async ({ body }) => {
        if (!isObject(body) || typeof body.id !== 'number') throw new UsageError('expected { id, set?, target? }');
        const set = body.set === undefined ? undefined : Array.isArray(body.set) && body.set.every((line) => typeof line === 'string') ? (body.set as string[]) : undefined;
        if (body.set !== undefined && set === undefined) throw new UsageError('set must be a list of "path=value" lines');
        return withCalls(await emulator.replay(body.id, { ...(set ? { set } : {}), ...(typeof body.target === 'string' && body.target ? { target: body.target } : {}) }));
      },
    },
    {
      method: 'GET',
      pattern: '/api/deliveries/:id/copy',
      handle: ({ params }) => {
        const entry = entryOf(params.id);
        let url: string | undefined;
        try {
          url = resolveTarget(config, entry.target).url;
        } catch {
          url = undefined;
        }
        return { curl: asCurl(entry, url), send: asSendCommand(entry, url), yaml: asYamlStep(entry) };
      },
    },
    {
      method: 'GET',
      pattern: '/api/session',
      handle: () => ({ hooksimSession: 1, exportedAt: new Date().toISOString(), mockApis: emulator.urls, deliveries: emulator.deliveries.list().map(withCalls), state: emulator.publicSnapshot() }),
    },
    {
      method: 'GET',
      pattern: '/api/mock',
      handle: () => ({ urls: emulator.urls, apis: apiList(), calls: Object.fromEntries(emulator.apis.map((api) => [api.name, api.api.calls.calls])), state: emulator.publicSnapshot() }),
    },
    { method: 'GET', pattern: '/api/stories', handle: async () => ({ files: await storyFiles() }) },
    {
      method: 'GET',
      pattern: '/api/stories/run',
      handle: async ({ query, res, raw }) => {
        const files = await storyFiles();
        const file = query.get('file') ?? '';
        if (file !== 'all' && !files.includes(file)) throw new HttpError(404, `no story "${file}"; known: ${files.join(', ')}`);
        const { runScenarios } = await import('../scenarios/run-all.js');
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        const controller = new AbortController();
        raw.on('close', () => controller.abort());
        const live = { scenarios: { passed: 0, failed: 0, errored: 0, skipped: 0 }, steps: { passed: 0, failed: 0, errored: 0, skipped: 0 } };
        const stepView = (step: StepResult) => ({
          index: step.index,
          name: step.name,
          event: step.event,
          variant: step.variant,
          status: step.status,
          ...(step.message ? { message: step.message } : {}),
          expectations: step.expectations.map(({ name, pass, expected, actual }) => ({ name, pass, expected, actual })),
          deliveries: step.deliveries.map((delivery) => ({ ...delivery, request: maskSignature(delivery.request, providerNamed(provider)) })),
        });
        let provider = '';
        let target = '';
        const reporter: Reporter = {
          name: 'dashboard',
          onRunStart: (list) => sse(res, 'start', { files: list }),
          onScenarioStart: (scenario) => {
            provider = scenario.provider ?? '';
            target = scenario.target ?? '';
            sse(res, 'scenario', scenario);
          },
          onStepEnd: (scenario, step) => {
            live.steps[step.status] += 1;
            for (const delivery of step.deliveries) {
              emulator.deliveries.add({
                at: new Date().toISOString(),
                source: 'story',
                provider,
                event: step.event,
                variant: step.variant,
                target,
                seed: 0,
                set: [],
                request: maskSignature(delivery.request, providerNamed(provider)),
                ...(delivery.response ? { response: delivery.response } : {}),
                ...(delivery.error ? { error: delivery.error } : {}),
                attempts: delivery.attempts,
                verdict: delivery.verdict,
                outcome: delivery.outcome,
                ...outcomeWords(providerNamed(provider), delivery.outcome),
                latencyMs: Math.round(delivery.attempts.at(-1)?.durationMs ?? 0),
                apiCalls: [],
                story: { file: scenario.file, scenario: scenario.name, step: step.name },
              });
            }
            sse(res, 'step', { scenario: scenario.name, file: scenario.file, target, step: stepView(step), counts: live });
          },
          onScenarioEnd: (scenario) => {
            live.scenarios[scenario.status] += 1;
            sse(res, 'scenario-end', { name: scenario.name, file: scenario.file, status: scenario.status, ...(scenario.error ? { error: scenario.error.message } : {}), counts: live });
          },
          onRunEnd: () => '',
        };
        try {
          const run = await runScenarios({ paths: file === 'all' ? files : [file], config, cwd: context.cwd, env: context.env, reporters: [reporter], keepResults: false, signal: controller.signal, ...(emulator.mswServer ? { msw: emulator.mswServer } : {}) });
          sse(res, 'done', { summary: run.summary, exitCode: run.exitCode, durationMs: Math.round(run.durationMs) });
        } catch (error) {
          sse(res, 'failed', { error: error instanceof Error ? error.message : String(error) });
        }
        res.end();
        return undefined;
      },
    },
    {
      method: 'POST',
      pattern: '/api/check',
      handle: async ({ body }) => {
        if (!isObject(body) || typeof body.provider !== 'string' || typeof body.target !== 'string') throw new UsageError('expected { provider, target, fuzz? }');
        const provider = getProvider(body.provider);
        const fuzz = typeof body.fuzz === 'number' && Number.isInteger(body.fuzz) && body.fuzz >= 0 ? body.fuzz : 5;
        const { target } = resolveTarget(config, body.target);
        const { checkHook } = await import('../check/index.js');
        const signingKey = signingKeyOf(provider.name);
        const report = await checkHook({ provider, target, fuzz, ...(signingKey ? { signingKey } : {}), ...(config.providerOptions?.[provider.name] ? { options: config.providerOptions[provider.name] } : {}) });
        return redact(report, signingKey ? [signingKey] : []);
      },
    },
  ];
}
