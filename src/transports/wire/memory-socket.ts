import { Duplex } from 'node:stream';

/**
 * The error an end sees when its peer is gone (as a TCP reset). Built without a stack trace:
 * like a reset reported by the operating system, it happens in no JavaScript caller, and
 * capturing and formatting a stack cost ~10 µs each time.
 */
function resetError(): NodeJS.ErrnoException {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return Object.assign(new Error('the in-process server reset the connection'), { code: 'ECONNRESET' });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * One end of an in-memory byte pipe. Writes become the peer's readable data; ending the
 * writable side ends the peer's readable side (a FIN); destroying one end resets the other.
 * Backpressure is kept: a write completes only once the peer has room for it.
 */
class MemoryEnd extends Duplex {
  peer!: MemoryEnd;
  /** This end's write that waits for the peer to read (backpressure): completes it, or fails it. */
  private pending: ((error?: Error) => void) | undefined;

  // Socket-like fields a Node HTTP server reads (req.ip, logging middleware); the server never
  // gets a real socket, so these name a loopback peer.
  readonly remoteAddress = '127.0.0.1';
  readonly remoteFamily = 'IPv4';
  readonly remotePort = 0;
  readonly localAddress = '127.0.0.1';
  readonly localPort = 0;

  constructor() {
    // allowHalfOpen: a client that is done writing still reads the reply (as TCP does).
    super({ allowHalfOpen: true });
  }

  override _read(): void {
    const resume = this.peer.pending;
    this.peer.pending = undefined;
    resume?.();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.peer.destroyed) return callback(resetError());
    if (this.peer.push(chunk)) callback();
    else this.pending = callback;
  }

  /**
   * Writes corked together (a Node HTTP server corks a response's head and body) reach the peer
   * as one chunk, as they would leave in one TCP segment; written one by one, the client could
   * finish and close on the first and the server's last write would meet a closed peer.
   */
  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    if (this.peer.destroyed) return callback(resetError());
    const data = chunks.length === 1 ? chunks[0]!.chunk : Buffer.concat(chunks.map(({ chunk }) => chunk));
    if (this.peer.push(data)) callback();
    else this.pending = callback;
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (!this.peer.destroyed) this.peer.push(null);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const resume = this.pending;
    this.pending = undefined;
    resume?.();
    const peer = this.peer;
    // A write of the peer's that waited for this end to read never will: it fails as a write
    // into a TCP connection whose reader closed with unread data (a reset).
    const stuck = peer.pending;
    peer.pending = undefined;
    stuck?.(resetError());
    if (!peer.destroyed) {
      // Like TCP: a plain destroy closes (the peer reads to its end, then ends its side and
      // closes once its writes are out, as Node's autoDestroy does; destroying it at once would
      // fail the write callbacks still queued); destroying with an error, or
      // resetAndDestroy(), resets (the peer gets ECONNRESET).
      if (error || this.resetting) peer.destroy(resetError());
      else if (peer.readableEnded) {
        if (!peer.writableEnded) peer.end();
      }
      else {
        peer.once('end', () => {
          if (!peer.writableEnded) peer.end();
        });
        peer.push(null);
      }
    }
    callback(error);
  }

  private resetting = false;

  /** Closes with a reset, as `net.Socket#resetAndDestroy` sends an RST. */
  resetAndDestroy(): this {
    this.resetting = true;
    return this.destroy();
  }

  // The parts of net.Socket's API an HTTP server calls; timeouts are hooksim's business.
  setTimeout(_ms: number, _callback?: () => void): this {
    return this;
  }
  setNoDelay(_noDelay?: boolean): this {
    return this;
  }
  setKeepAlive(_enable?: boolean, _delay?: number): this {
    return this;
  }
  address(): { address: string; family: string; port: number } {
    return { address: this.localAddress, family: 'IPv4', port: 0 };
  }
}

/**
 * Two connected in-memory ends: give `server` to `httpServer.emit('connection', server)` and
 * talk HTTP on `client`. No file descriptor, no port, nothing msw or nock can see.
 */
export function memorySocketPair(): { client: Duplex; server: Duplex } {
  const client = new MemoryEnd();
  const server = new MemoryEnd();
  client.peer = server;
  server.peer = client;
  return { client, server };
}
