/**
 * Reading a request body without a framework, for the plain `node:http` versions of the example
 * hooks. Express users get the same from `express.raw()` / `express.json()`.
 */
import type { IncomingMessage } from 'node:http';

/** Thrown when the body is larger than the hook is willing to read. */
export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Collects the exact bytes of a request body, refusing more than `limit` bytes so that a
 * misbehaving sender cannot make the hook buffer without bound.
 */
export async function readRawBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
