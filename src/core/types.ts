import type { JsonValue } from './json.js';

/** Exactly what a provider puts on the wire. `body` is the byte-exact text that gets signed. */
export interface WireRequest {
  method: 'POST';
  /**
   * The path below the target URL the provider posts to (a provider file's `request.path`);
   * absent: the target URL as given. Transports resolve it with `urlWithPath` (core/request-path.ts).
   */
  path?: string;
  /** Lowercase header names, in the order the provider sets them. */
  headers: Record<string, string>;
  body: string;
}

/** What came back from the hook on one attempt. */
export interface Reply {
  status: number;
  /** The reason phrase exactly as the server sent it (`''` when none), as fetch's `response.statusText`. */
  statusText?: string;
  /** Lowercase header names. */
  headers: Record<string, string>;
  /**
   * The reply body as text: all of it, or its first `maxReplyBytes` bytes when `truncated`.
   * (The provider reads every byte; hooksim counts them all but holds only this prefix.)
   */
  body: string;
  /** Body bytes received, all of them (after content decoding, as the provider's client reads them). */
  bytes: number;
  /** True when `bytes` exceeded hooksim's `maxReplyBytes`, so `body` is only a prefix. */
  truncated?: boolean;
  /** Redirects followed before this reply, in order (absent when none). */
  redirects?: RedirectHop[];
}

/** One redirect a delivery followed, as fetch's `redirect: 'follow'` does. */
export interface RedirectHop {
  status: number;
  /** Where it pointed, resolved against the URL that answered. */
  location: string;
}

/** Why an attempt produced no usable reply. */
export const transportErrorKinds = [
  'timeout',
  'connection-refused',
  'dns',
  'connection-reset',
  /** Kept for scenario files; transports no longer produce it (a large reply is kept as a prefix, see `Reply.truncated`). */
  'reply-too-large',
  'handler-threw',
  'network',
  /** The server's TLS certificate was not trusted (self-signed, expired, wrong name). */
  'tls',
  /** Headers arrived in time, but the body was still arriving at hooksim's total-time cap (`maxTotalMs`). */
  'body-timeout',
] as const;
export type TransportErrorKind = (typeof transportErrorKinds)[number];

/** A failed attempt, classified, with a message fit to show a person. */
export interface TransportError {
  kind: TransportErrorKind;
  message: string;
}

/** One try at delivering a request. */
export interface Attempt {
  /** 1-based. */
  number: number;
  /** Real elapsed milliseconds (latency), from sending to the last byte of the reply. */
  durationMs: number;
  reply?: Reply;
  error?: TransportError;
}

/** Every attempt made for one event, in order; the last one is what the provider acts on. */
export interface DeliveryRecord {
  attempts: Attempt[];
}

/** One way the hook broke the provider's contract. `path` points into the reply (`status`, `body.action`). */
export interface Violation {
  path: string;
  message: string;
}

/** Did the hook keep the provider's contract? */
export interface Verdict {
  pass: boolean;
  violations: Violation[];
}

/** The parsed, judged result of delivering one event. */
export interface Judgement<Outcome = unknown> {
  verdict: Verdict;
  /** What the real provider would do with this reply (provider-specific shape). */
  outcome: Outcome;
}

/** A reply body for reports: parsed JSON when it parses, the text otherwise. */
export function readBody(reply: Reply): JsonValue {
  try {
    return JSON.parse(reply.body) as JsonValue;
  } catch {
    return reply.body;
  }
}
