import type { Duplex } from 'node:stream';

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

  /** Writes a request's bytes (one write: one segment for a small request). */
  write(bytes: Buffer): void {
    this.stream.write(bytes);
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
