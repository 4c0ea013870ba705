import { PrefixCounter, type KeptBody } from './wire/body-sink.js';

/**
 * Reads a web stream to its end, counting every byte and keeping the first `cap` (as Logto
 * reads a reply whole while hooksim stays bounded). `stop` rejects to abandon the read; the
 * stream is then cancelled. Resolves with what was kept, rejects with the stream's error or
 * `stop`'s reason, together with what was received so far.
 */
export async function readCapped(stream: ReadableStream<Uint8Array> | null, cap: number, stop?: Promise<never>): Promise<KeptBody> {
  const counter = new PrefixCounter(cap);
  if (!stream) return counter.result();
  const reader = stream.getReader();
  try {
    for (;;) {
      const next = reader.read();
      const { done, value } = await (stop ? Promise.race([next, stop]) : next);
      if (done) return counter.result();
      counter.add(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { received: counter.bytes });
  } finally {
    reader.releaseLock();
  }
}
