import type { Duplex } from 'node:stream';
import { gzipSync, deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { BodySink, PrefixCounter } from '../../src/transports/wire/body-sink.js';
import { Link } from '../../src/transports/wire/link.js';
import { memorySocketPair } from '../../src/transports/wire/memory-socket.js';
import { ReplyParser, type ReplyHead } from '../../src/transports/wire/response-parser.js';

function parse(...chunks: (string | Buffer)[]) {
  const seen: { head?: ReplyHead; body: Buffer[]; complete: boolean } = { body: [], complete: false };
  const parser = new ReplyParser({
    head: (head) => (seen.head = head),
    body: (chunk) => seen.body.push(Buffer.from(chunk)),
    complete: () => (seen.complete = true),
  });
  const problems = chunks.map((chunk) => parser.feed(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'latin1')));
  return { seen, parser, problems, text: () => Buffer.concat(seen.body).toString() };
}

describe('ReplyParser (http-parser-js, RESPONSE mode)', () => {
  test('a content-length reply split anywhere, headers in wire order', () => {
    const { seen, text } = parse('HTTP/1.1 201 Crea', 'ted\r\nX-A: 1\r\nContent-Length: 5\r\n\r\nhe', 'llo');
    expect(seen.head).toEqual({ status: 201, statusText: 'Created', version: '1.1', rawHeaders: [['X-A', '1'], ['Content-Length', '5']] });
    expect(text()).toBe('hello');
    expect(seen.complete).toBe(true);
  });

  test('chunked replies complete at the last chunk; 1xx replies are skipped as fetch skips them', () => {
    const { seen, text } = parse('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
    expect(seen.head?.status).toBe(200);
    expect(text()).toBe('abc');
    expect(seen.complete).toBe(true);
  });

  test('a close-delimited HTTP/1.0 body completes at end of stream; a sized one is incomplete', () => {
    const raw = parse('HTTP/1.0 200 OK\r\n\r\n{"a":1}');
    expect(raw.seen.complete).toBe(false);
    expect(raw.parser.end()).toBeUndefined();
    expect(raw.seen.complete).toBe(true);
    expect(raw.text()).toBe('{"a":1}');
    const sized = parse('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{"a"');
    expect(sized.parser.end()).toEqual({ kind: 'incomplete', inBody: true });
    expect(parse('HTTP/1.1 200 OK\r\ncontent-le').parser.end()).toEqual({ kind: 'incomplete', inBody: false });
  });

  test('a header block past 16 KiB (Node and fetch refuse it too) is a problem, not a leak', () => {
    const { problems } = parse('HTTP/1.1 200 OK\r\n', `x-flood: ${'a'.repeat(20_000)}\r\n`);
    expect(problems[1]).toEqual({ kind: 'invalid', message: 'max header size exceeded' });
  });

  test('bytes that are not HTTP are a problem, not a throw', () => {
    expect(parse('SSH-2.0-OpenSSH\r\n').problems[0]).toEqual({ kind: 'invalid', message: 'Parse Error' });
  });
});

describe('ReplyParser: the quick path (whole head in the first chunk) reads replies as http-parser-js does', () => {
  // Fed whole, each reply takes the quick path where it can; fed a byte at a time, http-parser-js
  // reads it from its first byte. Both must give the same head, body and completion.
  const replies = [
    'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Thu, 26 Nov 2026 16:00:00 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 11\r\n\r\n{"ok":true}',
    'HTTP/1.1 201 \r\nx-a:  padded value \t \r\nx-empty:\r\nX-A: again\r\ncontent-length: 0\r\n\r\n',
    'HTTP/1.1 204 No Content\r\nx-b: 1\r\n\r\n',
    'HTTP/1.0 200 OK\r\ncontent-length: 3\r\n\r\nabc',
    'HTTP/1.1 404 Not Found\nContent-Length: 2\n\n{}',
    'HTTP/1.1 302 Found\r\nlocation: /next\r\ncontent-length: 5\r\n\r\nmoved',
    'HTTP/1.1 200 OK\r\ncontent-length: 4\r\ncontent-length: 4\r\n\r\nsame',
    'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n',
    'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok',
    'HTTP/1.1 200 OK\r\nx-folded: a\r\n  b\r\ncontent-length: 1\r\n\r\nz',
    'HTTP/1.1 200 \xe9t\xe9\r\nx-latin: caf\xe9\r\ncontent-length: 2\r\n\r\n\xc3\xa9',
  ];

  test.each(replies)('%j', (reply) => {
    const whole = parse(Buffer.from(reply, 'latin1'));
    const bytes = [...Buffer.from(reply, 'latin1')].map((byte) => Buffer.from([byte]));
    const byByte = parse(...bytes);
    expect(whole.problems.filter(Boolean)).toEqual([]);
    expect(byByte.problems.filter(Boolean)).toEqual([]);
    expect(whole.seen.head).toEqual(byByte.seen.head);
    expect(whole.text()).toBe(byByte.text());
    expect(whole.seen.complete).toBe(byByte.seen.complete);
    expect(whole.seen.complete).toBe(true);
  });

  test('a body split over chunks after a whole head, and a short body, end as http-parser-js ends them', () => {
    const split = parse('HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nab', 'cd', 'ef');
    expect(split.text()).toBe('abcdef');
    expect(split.seen.complete).toBe(true);
    const short = parse('HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nab');
    expect(short.seen.complete).toBe(false);
    expect(short.parser.end()).toEqual({ kind: 'incomplete', inBody: true });
  });

  test('bytes after a complete reply are not part of it, and mark the connection unfit for reuse', () => {
    const clean = parse('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
    expect(clean.parser.trailing).toBe(false);
    for (const chunks of [['HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokEXTRA'], ['HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\no', 'kX'], ['HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', 'junk']]) {
      const { seen, parser, text, problems } = parse(...chunks);
      expect(text()).toBe('ok');
      expect(seen.complete).toBe(true);
      expect(parser.trailing).toBe(true);
      expect(problems.filter(Boolean)).toEqual([]);
    }
  });
});

describe('PrefixCounter', () => {
  test('counts every byte, keeps at most the cap', () => {
    const counter = new PrefixCounter(4);
    counter.add(Buffer.from('ab'));
    counter.add(Buffer.from('cdef'));
    counter.add(Buffer.from('ghij'));
    expect(counter.result()).toEqual({ text: 'abcd', bytes: 10, truncated: true });
  });

  test('exactly the cap is whole; invalid UTF-8 becomes U+FFFD', () => {
    const counter = new PrefixCounter(3);
    counter.add(Buffer.from([0xff, 0x41, 0x42]));
    expect(counter.result()).toEqual({ text: '\uFFFDAB', bytes: 3, truncated: false });
  });
});

describe('BodySink decodes as fetch does', () => {
  const flow = { pause() {}, resume() {}, failed() {} };
  test.each([
    ['gzip', gzipSync('{"zipped":true}')],
    ['x-gzip', gzipSync('{"zipped":true}')],
    ['deflate', deflateSync('{"zipped":true}')],
  ])('%s', async (coding, bytes) => {
    const sink = new BodySink(100, coding, flow);
    sink.write(bytes.subarray(0, 5));
    sink.write(bytes.subarray(5));
    expect(await sink.end()).toEqual({ text: '{"zipped":true}', bytes: 15, truncated: false });
  });

  test('an unknown coding is handed over as it came; counting is of decoded bytes', async () => {
    const unknown = new BodySink(100, 'zstd', flow);
    unknown.write(Buffer.from('raw'));
    expect(await unknown.end()).toEqual({ text: 'raw', bytes: 3, truncated: false });
    const big = new BodySink(10, 'gzip', flow);
    big.write(gzipSync('z'.repeat(100_000)));
    expect(await big.end()).toEqual({ text: 'z'.repeat(10), bytes: 100_000, truncated: true });
  });

  test('a corrupt gzip body is an error', async () => {
    const failures: Error[] = [];
    const sink = new BodySink(100, 'gzip', { ...flow, failed: (error) => failures.push(error) });
    sink.write(Buffer.from('not gzip at all'));
    await expect(sink.end()).rejects.toThrow(/incorrect header check/);
    expect(failures).toHaveLength(1);
  });
});

describe('memorySocketPair', () => {
  test('bytes cross both ways; ending one side ends the other', async () => {
    const { client, server } = memorySocketPair();
    const got: string[] = [];
    server.on('data', (chunk: Buffer) => got.push(`server:${chunk}`));
    client.on('data', (chunk: Buffer) => got.push(`client:${chunk}`));
    const ended = new Promise((resolve) => client.on('end', resolve));
    client.write('ping');
    server.end('pong');
    await ended;
    expect(got).toEqual(['server:ping', 'client:pong']);
  });

  test('resetAndDestroy (or destroy with an error) resets the client: ECONNRESET', async () => {
    for (const kill of [(end: Duplex) => (end as Duplex & { resetAndDestroy(): void }).resetAndDestroy(), (end: Duplex) => end.destroy(new Error('x'))]) {
      const { client, server } = memorySocketPair();
      const error = new Promise<NodeJS.ErrnoException>((resolve) => client.on('error', resolve));
      server.on('error', () => undefined);
      kill(server);
      expect((await error).code).toBe('ECONNRESET');
    }
  });

  test('a plain destroy closes like a FIN: the client reads to the end, no error', async () => {
    const { client, server } = memorySocketPair();
    const events: string[] = [];
    client.on('data', (chunk: Buffer) => events.push(`data:${chunk}`));
    client.on('error', () => events.push('error'));
    const closed = new Promise((resolve) => client.on('close', resolve));
    client.on('end', () => events.push('end'));
    server.write('bye');
    server.destroy();
    await closed;
    expect(events).toEqual(['data:bye', 'end']);
  });

  test('writes corked together reach the peer as one chunk', async () => {
    const { client, server } = memorySocketPair();
    const chunks: string[] = [];
    const ended = new Promise((resolve) => client.on('end', resolve));
    client.on('data', (chunk: Buffer) => chunks.push(String(chunk)));
    server.cork();
    server.write('HTTP/1.1 200 OK\r\n\r\n');
    server.write('{"ok":true}');
    server.uncork();
    server.end();
    await ended;
    expect(chunks).toEqual(['HTTP/1.1 200 OK\r\n\r\n{"ok":true}']);
  });

  test('a write waiting on backpressure fails with ECONNRESET when the reader goes away', async () => {
    const { client, server } = memorySocketPair();
    server.on('error', () => undefined);
    client.pause();
    // Fills the client's read buffer: the last write waits for a read that never comes.
    const big = Buffer.alloc(64 * 1024);
    let waiting: Promise<NodeJS.ErrnoException | null | undefined> = Promise.resolve(null);
    for (let i = 0; i < 4; i++) waiting = new Promise((resolve) => server.write(big, resolve));
    client.destroy();
    expect((await waiting)?.code).toBe('ECONNRESET');
  });
});

describe('Link', () => {
  test('requests written in one turn of the event loop go out together, at its end, in order', async () => {
    const pairs = [memorySocketPair(), memorySocketPair()];
    const links = pairs.map(({ client }) => new Link(client));
    links[0]!.write(Buffer.from('first'));
    links[1]!.write(Buffer.from('second'));
    links[0]!.write(Buffer.from('+third'));
    // Nothing is on the wire yet: the turn's other replies may still add their requests.
    expect(pairs.map(({ server }) => server.readableLength)).toEqual([0, 0]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pairs.map(({ server }) => String(server.read()))).toEqual(['first+third', 'second']);
    for (const link of links) link.destroy();
  });

  test('an idle link (no exchange using it) that sees data or a close is lost: destroyed, and its owner told', async () => {
    const { client, server } = memorySocketPair();
    const link = new Link(client);
    const lost = new Promise<Link>((resolve) => (link.idleLoss = resolve));
    server.write('unsolicited');
    expect(await lost).toBe(link);
    expect(link.usable).toBe(false);
    expect(client.destroyed).toBe(true);
  });
});
