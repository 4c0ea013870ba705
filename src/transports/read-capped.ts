import type { AttemptResult } from './types.js';

/** A reply body read up to a cap. */
export interface CappedBody {
  text: string;
  /** Bytes received; when over the cap, at least cap + 1. */
  bytes: number;
  tooLarge: boolean;
}

/**
 * Reads a web stream until its end or until more than `cap` bytes arrived, then cancels it: the
 * bytes hooksim holds for one reply never exceed the cap.
 */
export async function readCapped(stream: ReadableStream<Uint8Array> | null, cap: number): Promise<CappedBody> {
  if (!stream) return { text: '', bytes: 0, tooLarge: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > cap) {
      await reader.cancel().catch(() => undefined);
      return { text: '', bytes, tooLarge: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, tooLarge: false };
}

/** The transport error for a reply over the cap. */
export function tooLargeMessage(cap: number): string {
  return `the reply is larger than ${cap} bytes (hooksim's cap; raise it with --max-reply-bytes)`;
}

/** The attempt result for a fetch `Response` whose body was read with {@link readCapped}. */
export function attemptFromResponse(response: Response, body: CappedBody, cap: number, durationMs: number): AttemptResult {
  if (body.tooLarge) return { durationMs, error: { kind: 'reply-too-large', message: tooLargeMessage(cap) } };
  return {
    durationMs,
    reply: { status: response.status, headers: Object.fromEntries(response.headers), body: body.text, bytes: body.bytes },
  };
}
