// The reply-size cap: every byte of a reply is counted (the provider reads them all) but hooksim
// holds at most `cap` of them; a reply of exactly the cap is whole, one byte more is a prefix.
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../src/transports/read-capped.js';
import { PrefixCounter } from '../../src/transports/wire/body-sink.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function streamOf(chunks: (string | Uint8Array)[], onCancel?: (reason: unknown) => void): ReadableStream<Uint8Array> {
  const queue = chunks.map((chunk) => (typeof chunk === 'string' ? bytes(chunk) : chunk));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel(reason) {
      onCancel?.(reason);
    },
  });
}

describe('PrefixCounter', () => {
  it('keeps a body of exactly the cap whole', () => {
    const counter = new PrefixCounter(10);
    counter.add(bytes('12345'));
    counter.add(bytes('67890'));
    expect(counter.result()).toEqual({ text: '1234567890', bytes: 10, truncated: false });
  });

  it('keeps the first cap bytes of a body one byte longer, counting them all', () => {
    const counter = new PrefixCounter(10);
    counter.add(bytes('12345'));
    counter.add(bytes('678901'));
    counter.add(bytes('more'));
    expect(counter.result()).toEqual({ text: '1234567890', bytes: 15, truncated: true });
  });

  it('a zero cap keeps nothing', () => {
    const counter = new PrefixCounter(0);
    expect(counter.result()).toEqual({ text: '', bytes: 0, truncated: false });
    counter.add(bytes('x'));
    expect(counter.result()).toEqual({ text: '', bytes: 1, truncated: true });
  });

  it('counts bytes, not characters, and decodes UTF-8 split across chunks', () => {
    const euro = bytes('€');
    const counter = new PrefixCounter(3);
    counter.add(euro.subarray(0, 1));
    counter.add(euro.subarray(1));
    expect(counter.result()).toEqual({ text: '€', bytes: 3, truncated: false });
  });

  it('holds a copy, not a view into the chunk it was given', () => {
    const chunk = bytes('abc');
    const counter = new PrefixCounter(10);
    counter.add(chunk);
    chunk.fill(0);
    expect(counter.result().text).toBe('abc');
  });
});

describe('readCapped', () => {
  it('reads a stream to its end, keeping at most the cap', async () => {
    expect(await readCapped(streamOf(['12345', '67890']), 10)).toEqual({ text: '1234567890', bytes: 10, truncated: false });
    expect(await readCapped(streamOf(['12345', '678901']), 10)).toEqual({ text: '1234567890', bytes: 11, truncated: true });
  });

  it('reads an absent or empty body as empty', async () => {
    expect(await readCapped(null, 10)).toEqual({ text: '', bytes: 0, truncated: false });
    expect(await readCapped(streamOf([]), 10)).toEqual({ text: '', bytes: 0, truncated: false });
  });

  it('releases the stream when done', async () => {
    const stream = streamOf(['a']);
    await readCapped(stream, 10);
    expect(stream.locked).toBe(false);
  });

  it('abandons the read when stop rejects: cancels the stream, reports the bytes received', async () => {
    let cancelled = false;
    let pulls = 0;
    let abandon!: (reason: Error) => void;
    const stop = new Promise<never>((_, reject) => {
      abandon = reject;
    });
    const stalling = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls <= 2) controller.enqueue(new Uint8Array(4));
        // Then nothing more arrives (a stalled body) and the caller's deadline passes.
        else abandon(new Error('body-timeout'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const endless = stalling;
    const reading = readCapped(endless, 100, stop);
    await expect(reading).rejects.toMatchObject({ message: 'body-timeout', received: 8 });
    expect(cancelled).toBe(true);
    expect(endless.locked).toBe(false);
  });

  it("a stream's error rejects with that error and the bytes received", async () => {
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new Uint8Array(3));
        } else controller.error(new Error('connection reset'));
      },
    });
    await expect(readCapped(failing, 100)).rejects.toMatchObject({ message: 'connection reset', received: 3 });
  });

  it('a rejection that is not an Error becomes one', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error('reset by peer');
      },
    });
    const error = await readCapped(failing, 100).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: 'reset by peer', received: 0 });
  });
});
