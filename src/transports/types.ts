import type { Attempt, WireRequest } from '../core/types.js';

/** Limits a transport enforces on each attempt. */
export interface DeliveryLimits {
  /**
   * The provider's timeout, with the provider's meaning: it ends when the reply's headers
   * arrive (ky's `timeout` covers `fetch()`, which resolves on the headers, redirects included).
   * The body is read afterwards with no timeout, bounded only by `maxTotalMs`.
   */
  timeoutMs: number;
  /**
   * Keep at most this many bytes of a reply body. Every byte is still read and counted (the
   * provider reads them all): a longer reply is kept as a prefix with `truncated: true`.
   */
  maxReplyBytes: number;
  /**
   * hooksim's safety cap on one whole attempt (headers and body), so a body that never ends
   * still gets a verdict (`body-timeout`). Not a provider behaviour. Default:
   * the provider's timeout + 30 s ({@link totalCapMs}).
   */
  maxTotalMs?: number;
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

/** Default cap on the reply bytes kept: 1 MiB is far beyond any sane hook reply. */
export const DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;

/** Extra time the default total cap gives the body after the provider's timeout. */
export const DEFAULT_BODY_GRACE_MS = 30_000;

/** The total-time cap in force: `maxTotalMs`, else the provider's timeout + 30 s; never below the timeout. */
export function totalCapMs(limits: DeliveryLimits): number {
  return Math.max(limits.maxTotalMs ?? limits.timeoutMs + DEFAULT_BODY_GRACE_MS, limits.timeoutMs);
}
