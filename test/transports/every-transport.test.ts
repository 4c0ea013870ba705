// One hook's hostile replies through every transport (URL, Express app, Node handler, fetch
// handler): equal verdicts (issue 8 §3). The fault matrix (test/faults) covers the raw-socket
// faults; here each transport meets the hook in its own idiom.
import express from 'express';
import { afterAll, describe, expect, test } from 'vitest';
import { send, type SendResult } from '../../src/send.js';
import type { Target } from '../../src/transports/target.js';
import { closeAll, serveHttp } from './helpers.js';

afterAll(closeAll);

/** The provider timeout per behaviour. */
const TIMEOUTS = { 'redirect-loop': 3000, 'found-then-ok': 3000, 'slow-headers': 200, 'slow-body': 600, 'reset-mid-body': 3000 } as const;
const TIMEOUT_MS = TIMEOUTS['slow-body'];
type Behaviour = 'redirect-loop' | 'found-then-ok' | 'slow-headers' | 'slow-body' | 'reset-mid-body';

const timers = new Set<NodeJS.Timeout>();
const later = (ms: number, act: () => void) => {
  const timer = setTimeout(() => {
    timers.delete(timer);
    act();
  }, ms);
  timers.add(timer);
};
afterAll(() => {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
});

/** The hook as an Express app. */
function expressHook(behaviour: Behaviour) {
  const app = express();
  app.post('/hook', (_req, res) => {
    switch (behaviour) {
      case 'redirect-loop':
        return void res.redirect(307, '/hook');
      case 'found-then-ok':
        return void res.redirect(302, '/done');
      case 'slow-headers':
        return later(TIMEOUTS['slow-headers'] + 400, () => res.json({ late: true }));
      case 'slow-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"slow":');
        return later(TIMEOUT_MS * 1.5, () => res.end('true}'));
      case 'reset-mid-body':
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"partial":');
        return later(20, () => res.socket?.destroy());
    }
  });
  app.get('/done', (_req, res) => res.json({ via: 'GET after 302' }));
  return app;
}

/** The same hook as a fetch handler. */
function fetchHook(behaviour: Behaviour) {
  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === '/done' && request.method === 'GET') return Response.json({ via: 'GET after 302' });
    switch (behaviour) {
      case 'redirect-loop':
        return new Response(null, { status: 307, headers: { location: '/hook' } });
      case 'found-then-ok':
        return new Response(null, { status: 302, headers: { location: '/done' } });
      case 'slow-headers':
        return new Promise((resolve) => later(TIMEOUTS['slow-headers'] + 400, () => resolve(Response.json({ late: true }))));
      case 'slow-body': {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"slow":'));
            later(TIMEOUT_MS * 1.5, () => {
              controller.enqueue(new TextEncoder().encode('true}'));
              controller.close();
            });
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      }
      case 'reset-mid-body': {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"partial":'));
            later(20, () => controller.error(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
          },
        });
        return new Response(body, { status: 200 });
      }
    }
  };
}

const shape = (r: SendResult<{ result: string }>) => ({ pass: r.verdict.pass, error: r.error?.kind ?? null, status: r.response?.status ?? null, logto: r.outcome.result });

async function targets(behaviour: Behaviour): Promise<[string, Target][]> {
  const app = expressHook(behaviour);
  const { url } = await serveHttp(app);
  return [
    ['URL', `${url}/hook`],
    ['Express app', { app, path: '/hook' }],
    ['Node handler', { app: (req, res) => app(req, res), path: '/hook' }],
    ['fetch handler', { fetch: fetchHook(behaviour), path: '/hook' }],
  ];
}

const expected: Record<Behaviour, ReturnType<typeof shape>> = {
  'redirect-loop': { pass: false, error: 'network', status: null, logto: 'Error' },
  'found-then-ok': { pass: true, error: null, status: 200, logto: 'Success' },
  'slow-headers': { pass: false, error: 'timeout', status: null, logto: 'Error' },
  'slow-body': { pass: true, error: null, status: 200, logto: 'Success' },
  'reset-mid-body': { pass: false, error: 'connection-reset', status: null, logto: 'Error' },
};

describe.concurrent('every transport gives the same verdict', () => {
  for (const behaviour of Object.keys(expected) as Behaviour[]) {
    test(behaviour, async () => {
      for (const [name, target] of await targets(behaviour)) {
        // Timeouts that must not fire get room on a busy machine (the redirect loop's 21 hops
        // must fit in it: it covers the whole chain, as ky's does); slow-headers keeps it short.
        const timeoutMs = TIMEOUTS[behaviour];
        const result = (await send({ provider: 'logto', event: 'PostSignIn', target, options: { timeoutMs }, maxTotalMs: 3000 })) as SendResult<{ result: string }>;
        expect(shape(result), `${name}: ${result.error?.message}`).toEqual(expected[behaviour]);
        if (behaviour === 'found-then-ok') {
          expect(JSON.parse(result.response!.body), name).toEqual({ via: 'GET after 302' });
          expect(result.response?.redirects, name).toEqual([{ status: 302, location: expect.stringMatching(/^http:\/\/[^/]+\/done$/) }]);
        }
        if (behaviour === 'redirect-loop') expect(result.error?.message, name).toMatch(/redirect count exceeded/);
        if (behaviour === 'slow-body') expect(result.response?.body, name).toBe('{"slow":true}');
      }
    });
  }
});
