import type { Attempt, WireRequest } from '../core/types.js';

/** Limits a transport enforces on each attempt. */
export interface DeliveryLimits {
  /** Abandon the attempt after this many ms (the provider's timeout). */
  timeoutMs: number;
  /** Stop reading the reply after this many bytes: a hook cannot flood hooksim. */
  maxReplyBytes: number;
}

/** What one attempt produced, before it is numbered. */
export type AttemptResult = Omit<Attempt, 'number'>;

/**
 * Carries a request to a hook and brings back its reply. Transports never throw for the hook's
 * failures: a refused connection or a timeout is an `error` in the result.
 */
export interface Transport {
  /** Where requests go, for reports: a URL, or `in-process app POST /path`. */
  readonly description: string;
  send(request: WireRequest, limits: DeliveryLimits): Promise<AttemptResult>;
  /** Releases sockets or servers the transport opened. */
  close(): Promise<void>;
}

/** Default cap on a reply: 1 MiB is far beyond any sane hook reply. */
export const DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;
