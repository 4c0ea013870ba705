// hooksim writes the request bytes itself (no fetch); these tests hold them to what Node's own
// fetch writes for the same request, byte for byte, redirects included.
import { afterEach, describe, expect, test } from 'vitest';
import { httpTransport } from '../../src/transports/http.js';
import { fetchWireHeaders, requestBytes } from '../../src/transports/wire/request-bytes.js';
import { closeAll, readRequest, serveRaw } from './helpers.js';

afterEach(closeAll);

const LIMITS = { timeoutMs: 2000, maxReplyBytes: 1024 };

/** A server recording each request's bytes; the first answers `first`, later ones 204. */
async function recorder(first = 'HTTP/1.1 204 No Content\r\n\r\n') {
  const seen: string[] = [];
  const { url } = await serveRaw((socket) =>
    readRequest(socket, (bytes) => {
      seen.push(bytes.toString('latin1'));
      socket.write(seen.length === 1 ? first : 'HTTP/1.1 204 No Content\r\n\r\n');
    }),
  );
  return { url, seen };
}

const logtoHeaders = {
  'content-type': 'application/json',
  'logto-signature-sha-256': 'abc123',
  'user-agent': 'Logto (https://logto.io/)',
  'x-tenant': 'acme',
};
const body = JSON.stringify({ event: 'PostRegister', name: 'Zoë' });

describe('request bytes', () => {
  test('equal the bytes Node fetch writes for the same POST', async () => {
    const viaFetch = await recorder();
    await fetch(`${viaFetch.url}/hook?x=1`, { method: 'POST', headers: logtoHeaders, body });
    const viaHooksim = await recorder();
    const result = await httpTransport(new URL(`${viaHooksim.url}/hook?x=1`)).send({ method: 'POST', headers: logtoHeaders, body }, LIMITS);
    expect(result.reply?.status).toBe(204);
    const port = (url: string) => new URL(url).port;
    expect(viaHooksim.seen[0]).toBe(viaFetch.seen[0]!.replace(`127.0.0.1:${port(viaFetch.url)}`, `127.0.0.1:${port(viaHooksim.url)}`));
    expect(viaHooksim.seen[0]).toContain('\r\naccept: */*\r\naccept-language: *\r\nsec-fetch-mode: cors\r\naccept-encoding: gzip, deflate\r\ncontent-length: ');
  });

  test('equal fetch after a 303 turns the POST into a GET (no body, no content-type)', async () => {
    const seeOther = 'HTTP/1.1 303 See Other\r\nlocation: /next\r\ncontent-length: 0\r\n\r\n';
    const viaFetch = await recorder(seeOther);
    await fetch(`${viaFetch.url}/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const viaHooksim = await recorder(seeOther);
    await httpTransport(new URL(`${viaHooksim.url}/hook`)).send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, LIMITS);
    const strip = (text: string) => text.replace(/127\.0\.0\.1:\d+/, 'HOST');
    expect(viaHooksim.seen.map(strip)).toEqual(viaFetch.seen.map(strip));
    expect(strip(viaHooksim.seen[1]!)).toBe('GET /next HTTP/1.1\r\nhost: HOST\r\nconnection: keep-alive\r\naccept: */*\r\naccept-language: *\r\nsec-fetch-mode: cors\r\nuser-agent: node\r\naccept-encoding: gzip, deflate\r\n\r\n');
  });

  test('fetch defaults are added only when the request lacks them', () => {
    const url = new URL('http://h.test/');
    const names = (headers: [string, string][]) => headers.map(([name]) => name);
    expect(names(fetchWireHeaders({ method: 'POST', url, headers: [['accept', 'application/json']], body: '' }))).toEqual([
      'host', 'connection', 'accept', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept-encoding', 'content-length',
    ]);
    expect(fetchWireHeaders({ method: 'POST', url, headers: [['user-agent', 'Logto (https://logto.io/)']], body: '' })).toContainEqual(['user-agent', 'Logto (https://logto.io/)']);
    expect(fetchWireHeaders({ method: 'POST', url, headers: [['user-agent', 'Logto (https://logto.io/)']], body: '' })).not.toContainEqual(['user-agent', 'node']);
  });

  test('requestBytes writes exactly the head fetchWireHeaders lists, then the body', () => {
    const url = new URL('http://h.test:8080/p/q?x=1&y=%20');
    const headerSets: [string, string][][] = [
      [],
      [['content-type', 'application/json'], ['user-agent', 'Logto (https://logto.io/)'], ['logto-signature-sha-256', 'abc']],
      [['accept', 'application/json'], ['accept-language', 'fr'], ['sec-fetch-mode', 'no-cors'], ['accept-encoding', 'br'], ['user-agent', 'x']],
      [['host', 'spoofed'], ['connection', 'close'], ['content-length', '999'], ['x-caf\u00e9', 'cr\u00e8me']],
    ];
    for (const headers of headerSets) {
      for (const body of ['{"a":"Zo\u00eb \u20ac"}', '', undefined]) {
        const request = { method: body === undefined ? 'GET' : 'POST', url, headers, ...(body !== undefined ? { body } : {}) };
        const head = `${request.method} /p/q?x=1&y=%20 HTTP/1.1\r\n${fetchWireHeaders(request).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
        const expected = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body ?? '', 'utf8')]);
        expect(requestBytes(request)).toEqual(expected);
      }
    }
  });

  test('the body is UTF-8 and content-length counts its bytes, not characters', () => {
    const bytes = requestBytes({ method: 'POST', url: new URL('http://h.test/p'), headers: [], body: '€' });
    expect(bytes.toString('latin1')).toContain('content-length: 3\r\n\r\n');
    expect(bytes.subarray(-3)).toEqual(Buffer.from('€'));
  });
});

describe('reply headers', () => {
  /** A server answering every request with `extra` header lines and a 2-byte body. */
  async function replying(extra: string[]) {
    const { url } = await serveRaw((socket) => readRequest(socket, () => socket.write(`HTTP/1.1 200 OK\r\n${extra.map((line) => `${line}\r\n`).join('')}content-length: 2\r\n\r\n{}`)));
    return httpTransport(new URL(`${url}/hook`));
  }

  test('are read as fetch Headers read them: lowercase names, sorted, duplicates joined with ", ", values trimmed', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `X-H${String(39 - i).padStart(2, '0')}: v${i}`);
    for (const filler of [[], many]) {
      const transport = await replying(['Zeta: 1', 'alpha:  a ', 'Set-Cookie: a=1', 'set-cookie: b=2', '__proto__: p', ...filler]);
      const reply = (await transport.send({ method: 'POST', headers: {}, body: '' }, LIMITS)).reply!;
      await transport.close();
      const names = Object.keys(reply.headers);
      expect(names).toEqual([...names].sort());
      expect(names).toHaveLength(5 + filler.length);
      expect(reply.headers).toMatchObject({ alpha: 'a', zeta: '1', 'set-cookie': 'a=1, b=2', 'content-length': '2' });
      expect(Object.getOwnPropertyDescriptor(reply.headers, '__proto__')?.value).toBe('p');
      expect(Object.getPrototypeOf(reply.headers)).toBe(Object.prototype);
      if (filler.length) expect(reply.headers['x-h00']).toBe('v39');
    }
  });
});
