import type { Duplex } from 'node:stream';

/**
 * Requests waiting to be written, as link/bytes pairs: written together once this turn of the
 * event loop has run its I/O callbacks (setImmediate). When several replies come in together,
 * their follow-up requests then reach the hook in one burst: it wakes once for all of them,
 * instead of once per request between the client's judging of each reply, which on a busy
 * machine costs both sides more CPU than the requests themselves.
 */
const waiting: (Link | Buffer)[] = [];
let flush: NodeJS.Immediate | undefined;

function writeWaiting(): void {
  flush = undefined;
  for (let i = 0; i < waiting.length; i += 2) {
    const link = waiting[i] as Link;
    // A link that closed meanwhile has told its exchange already (close or error event).
    if (link.usable) link.stream.write(waiting[i + 1] as Buffer);
  }
  waiting.length = 0;
}

/** Who a link's events go to while one exchange uses it. */
export interface LinkUser {
  data(chunk: Buffer): void;
  end(): void;
  error(error: Error): void;
  close(): void;
}

/** Socket methods a TCP or TLS socket has and an in-memory pipe may not. */
type SocketLike = Duplex & { ref?: () => unknown; unref?: () => unknown; setNoDelay?: (noDelay: boolean) => unknown };

/**
 * One byte stream (a socket, or an in-memory pipe) that carries exchanges one after another.
 * Its listeners are attached once, for its whole life, and hand each event to the exchange
 * using it ({@link user}); with no user (idle in a pool), any event means the link cannot
 * carry another request, and {@link idleLoss} is told. A late error never goes unhandled.
 */
export class Link {
  /** The exchange the link's events go to now. */
  user: LinkUser | undefined;
  /** Told when an idle link sees data, an end, an error or a close. */
  idleLoss: ((link: Link) => void) | undefined;
  /** Set by the pool while the link waits idle. */
  idleSince = 0;
  idleMs = 0;
  idleTimer: NodeJS.Timeout | undefined;
  pooled = false;
  private finished = false;

  constructor(readonly stream: SocketLike) {
    stream.on('data', (chunk: Buffer) => {
      if (this.user) this.user.data(chunk);
      else this.lose();
    });
    stream.on('end', () => {
      if (this.user) this.user.end();
      else this.lose();
    });
    stream.on('error', (error: Error) => {
      if (this.user) this.user.error(error);
      else this.lose();
    });
    stream.on('close', () => {
      if (this.user) this.user.close();
      else this.lose();
    });
  }

  /** Whether the stream can still carry a request. */
  get usable(): boolean {
    return !this.finished && !this.stream.destroyed && !this.stream.readableEnded && this.stream.writable;
  }

  /**
   * Writes a request's bytes in one write (one segment for a small request), at the end of this
   * turn of the event loop, with the other requests of the turn.
   */
  write(bytes: Buffer): void {
    waiting.push(this, bytes);
    flush ??= setImmediate(writeWaiting);
  }

  /** Lets the link keep the process alive (in use) or not (idle). */
  hold(held: boolean): void {
    if (held) this.stream.ref?.();
    else this.stream.unref?.();
  }

  /** Ends the link for good: no more events reach anyone. */
  destroy(): void {
    this.finished = true;
    this.user = undefined;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.stream.destroy();
  }

  private lose(): void {
    if (this.finished) return;
    const told = this.idleLoss;
    this.destroy();
    told?.(this);
  }
}
