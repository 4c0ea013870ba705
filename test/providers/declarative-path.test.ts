// A provider file's `request.path`: the path below the target URL each request goes to, filled
// from the payload, options and time per request, percent-encoded; `/` (the default) is the target.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isUsageError } from '../../src/core/errors.js';
import { REMOVE, type Overrides } from '../../src/core/json.js';
import { urlWithPath } from '../../src/core/request-path.js';
import { providerFileJsonSchema } from '../../src/providers/declarative/json-schema.js';
import { parseProviderFile } from '../../src/providers/declarative/load.js';
import { prepareEvent, send } from '../../src/send.js';

const file = (path?: string) => `hooksim: provider/v1
name: pathy
title: Posts each event below the endpoint
actor:
  device: { fake: string.uuid }
events:
  - name: device.enrolled
    summary: A device enrolled
    payload:
      type: device.enrolled
      device: \${actor.device}
request:
${path === undefined ? '' : `  path: ${JSON.stringify(path)}\n`}  contentType: application/json
`;

const NOW = Date.parse('2026-03-02T08:00:00Z');

function requestOf(path: string | undefined, set: Overrides = {}) {
  const provider = parseProviderFile(file(path), 'pathy.yaml');
  return prepareEvent({ provider, event: 'device.enrolled', seed: 3, now: NOW, set }).request;
}

function refusal(path: string): string {
  try {
    parseProviderFile(file(path), 'pathy.yaml');
  } catch (error) {
    expect(isUsageError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('request.path in provider files', () => {
  it('defaults to the target as given: the request carries no path', () => {
    expect(requestOf(undefined)).not.toHaveProperty('path');
    expect(requestOf('/')).not.toHaveProperty('path');
  });

  it('fills payload fields (after overrides), options and the time, each percent-encoded', () => {
    const request = requestOf('/events/${payload.type}/${payload.device}?at=${now.s}', { device: 'a b/c' });
    expect(request.path).toBe(`/events/device.enrolled/a%20b%2Fc?at=${NOW / 1000}`);
    // The path is the request's, not part of what is signed or sent as the body.
    expect(JSON.parse(request.body)).toEqual({ type: 'device.enrolled', device: 'a b/c' });
  });

  it('refuses, at file:line:column, a reference the path cannot fill and a path without its slash', () => {
    expect(refusal('/devices/${actor.device}')).toMatch(/^pathy\.yaml:13:9: unknown reference \$\{actor\.device\}; a path refers to payload, options, now/);
    expect(refusal('/at/${now.hour}')).toMatch(/^pathy\.yaml:13:9: \$\{now\.hour\}: expected now\.iso, now\.ms or now\.s/);
    expect(refusal('devices')).toMatch(/^pathy\.yaml:13:9: request\.path: expected a path starting with \//);
  });

  it('a payload field the overrides removed is a usage error naming the reference', () => {
    expect(() => requestOf('/d/${payload.device}', { device: REMOVE })).toThrow('request.path: ${payload.device} has no value');
  });

  it('is in the JSON Schema of provider files, with its default', () => {
    const request = (providerFileJsonSchema() as { properties: { request: { properties: Record<string, { default?: unknown }> } } }).properties.request;
    expect(request.properties.path).toMatchObject({ type: 'string', default: '/' });
  });
});

describe('urlWithPath: the request path below the target URL', () => {
  it.each([
    ['http://127.0.0.1:4000/hooks/acme', '/devices/d1', 'http://127.0.0.1:4000/hooks/acme/devices/d1'],
    ['http://127.0.0.1:4000/hooks/acme/', '/devices/d1', 'http://127.0.0.1:4000/hooks/acme/devices/d1'],
    ['http://127.0.0.1:4000', '/devices/d1', 'http://127.0.0.1:4000/devices/d1'],
    ['http://127.0.0.1:4000/hook?token=t', '/e?type=x', 'http://127.0.0.1:4000/hook/e?token=t&type=x'],
    ['http://127.0.0.1:4000/hook', '/', 'http://127.0.0.1:4000/hook'],
    ['http://127.0.0.1:4000/hook', undefined, 'http://127.0.0.1:4000/hook'],
  ])('%s + %s → %s', (target, path, expected) => {
    expect(urlWithPath(new URL(target), path).href).toBe(expected);
  });
});

describe('the hook is called at the target plus the request path', () => {
  const provider = () => parseProviderFile(file('/events/${payload.type}'), 'pathy.yaml');

  it('over HTTP: below the target URL', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await send({ provider: provider(), event: 'device.enrolled', target: `http://127.0.0.1:${port}/hooks/pathy?k=1`, now: NOW });
      expect(result.verdict.pass).toBe(true);
      expect(seen).toEqual(['/hooks/pathy/events/device.enrolled?k=1']);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('in-process: below the app path and the fetch handler path', async () => {
    const seen: string[] = [];
    const app = (req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.url ?? '');
      res.end();
    };
    await send({ provider: provider(), event: 'device.enrolled', target: { app, path: '/hooks' }, now: NOW });
    await send({ provider: provider(), event: 'device.enrolled', target: { fetch: async (request: Request) => (seen.push(new URL(request.url).pathname), new Response(null, { status: 204 })), path: '/in' }, now: NOW });
    expect(seen).toEqual(['/hooks/events/device.enrolled', '/in/events/device.enrolled']);
  });
});
