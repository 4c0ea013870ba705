import { createBrotliDecompress, createGunzip, createInflate, constants, type Gunzip } from 'node:zlib';
import type { Transform } from 'node:stream';

/** A reply body as hooksim keeps it: every byte counted, a prefix of at most `cap` bytes held. */
export interface KeptBody {
  text: string;
  /** Bytes the provider's client would read (after content decoding). */
  bytes: number;
  /** More than `cap` bytes arrived: `text` is only the first `cap` of them. */
  truncated: boolean;
}

/** Counts bytes and keeps the first `cap` of them; memory stays at most `cap` whatever arrives. */
export class PrefixCounter {
  /** The only chunk so far, not copied (see {@link add}'s `borrowed`). */
  private only: Uint8Array | undefined;
  private chunks: Buffer[] | undefined;
  private held = 0;
  bytes = 0;

  constructor(private readonly cap: number) {}

  /**
   * Counts `chunk` and keeps what fits under the cap. A `borrowed` chunk is a fresh buffer
   * nobody writes to again (a socket read): while it is the only one it is kept as it is, so a
   * reply that arrives in one read is decoded without a copy.
   */
  add(chunk: Uint8Array, borrowed = false): void {
    this.bytes += chunk.byteLength;
    const room = this.cap - this.held;
    if (room <= 0) return;
    const kept = chunk.byteLength <= room ? chunk : chunk.subarray(0, room);
    this.held += kept.byteLength;
    if (borrowed && this.chunks === undefined && this.only === undefined) {
      this.only = kept;
      return;
    }
    if (this.chunks === undefined) {
      this.chunks = [];
      // From now on it may sit beside later chunks for a while: copy it out of the socket's buffer.
      if (this.only) this.chunks.push(Buffer.from(this.only));
      this.only = undefined;
    }
    // Copy: the parser's chunk may be a view into a larger socket buffer we must not pin.
    this.chunks.push(Buffer.from(kept));
  }

  result(): KeptBody {
    // Invalid UTF-8 becomes U+FFFD, as `response.text()` decodes it.
    const only = this.only;
    const text = only
      ? Buffer.from(only.buffer, only.byteOffset, only.byteLength).toString('utf8')
      : this.chunks
        ? Buffer.concat(this.chunks).toString('utf8')
        : '';
    return { text, bytes: this.bytes, truncated: this.bytes > this.cap };
  }
}

/**
 * The decoders fetch applies for a `content-encoding` (undici: gzip/x-gzip, deflate, br, last
 * applied first). An unknown coding means the body is handed over as it came.
 */
function decodersFor(contentEncoding: string | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding.toLowerCase().split(',').map((c) => c.trim()).filter(Boolean).reverse();
  const decoders: Transform[] = [];
  for (const coding of codings) {
    if (coding === 'gzip' || coding === 'x-gzip') {
      // Lenient flushing, like undici: a truncated stream yields what it has instead of failing.
      decoders.push(createGunzip({ flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH }) as Gunzip);
    } else if (coding === 'deflate') decoders.push(createInflate({ flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH }));
    else if (coding === 'br') decoders.push(createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH }));
    else if (coding !== 'identity') return [];
  }
  return decoders;
}

/**
 * Receives a reply's body bytes from the wire, decodes them as fetch would and counts them.
 * `pause`/`resume` let the decoder push back on the socket, so a compressed flood stays bounded.
 */
export class BodySink {
  private readonly counter: PrefixCounter;
  private readonly decoders: Transform[];
  private failure: Error | undefined;

  constructor(cap: number, contentEncoding: string | undefined, private readonly flow: { pause(): void; resume(): void; failed(error: Error): void }) {
    this.counter = new PrefixCounter(cap);
    this.decoders = decodersFor(contentEncoding);
    for (let i = 0; i < this.decoders.length; i++) {
      const decoder = this.decoders[i]!;
      const next = this.decoders[i + 1];
      decoder.on('error', (error: Error) => {
        this.failure ??= error;
        this.flow.failed(error);
      });
      if (next) decoder.pipe(next);
      else decoder.on('data', (chunk: Buffer) => this.counter.add(chunk));
    }
    this.decoders[0]?.on('drain', () => this.flow.resume());
  }

  /** Bytes received so far (decoded). */
  get bytes(): number {
    return this.counter.bytes;
  }

  /** True when the body is taken as it comes (no content coding): {@link endNow} applies. */
  get plain(): boolean {
    return this.decoders.length === 0;
  }

  write(chunk: Buffer): void {
    const first = this.decoders[0];
    if (!first) return this.counter.add(chunk, true);
    // Copy out of the socket's buffer: the decoder may hold the chunk after this returns.
    if (!first.write(Buffer.from(chunk))) this.flow.pause();
  }

  /** The body ended on the wire: flush the decoders and give what was kept. */
  async end(): Promise<KeptBody> {
    const first = this.decoders[0];
    const last = this.decoders.at(-1);
    if (first && last) {
      await new Promise<void>((resolve) => {
        last.once('end', resolve);
        last.once('error', () => resolve());
        last.resume();
        first.end();
      });
    }
    if (this.failure) throw this.failure;
    return this.counter.result();
  }

  /** A {@link plain} body ended on the wire: what was kept, at once. */
  endNow(): KeptBody {
    return this.counter.result();
  }

  /** What was kept so far (for a body abandoned midway). */
  partial(): KeptBody {
    return this.counter.result();
  }

  dispose(): void {
    for (const decoder of this.decoders) decoder.destroy();
  }
}
