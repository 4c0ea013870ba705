import type { RedirectHop, Reply, TransportError } from '../../core/types.js';
import { classifyNetworkError } from '../errors.js';
import { totalCapMs, type AttemptResult, type DeliveryLimits } from '../types.js';
import { BodySink } from './body-sink.js';
import type { Connector } from './connect.js';
import { Link, type LinkUser } from './link.js';
import { redirectStep } from './redirects.js';
import { requestBytes, type HopRequest } from './request-bytes.js';
import { ReplyParser, type ReplyHead, type ReplyParserEvents } from './response-parser.js';

/** How an exchange names the places it talks to, and where a hop's bytes go. */
export interface ExchangeRoute {
  /** The link for a hop to `url` (a socket, or an in-memory pipe to an in-process app). */
  connect(url: URL): Link;
  /** `127.0.0.1:4005` or `the in-process app`, for messages. */
  describe(url: URL): string;
  /**
   * Takes back the link of a hop whose reply came complete, to reuse it for the next request
   * (keep-alive, as fetch's connection pool does). Returns false to have it closed. Absent: closed.
   */
  release?(url: URL, link: Link, reply: ReplyHead): boolean;
}

/** A route that opens a fresh link per hop with `connector` and never reuses one. */
export function freshLinks(connector: Connector, describe: (url: URL) => string): ExchangeRoute {
  return { connect: (url) => new Link(connector(url)), describe };
}

/** The first value of a header (name given in lowercase), as the reply's own lines have it. */
export function firstHeader(raw: readonly [string, string][], name: string): string | undefined {
  for (const [key, value] of raw) if (key.length === name.length && key.toLowerCase() === name) return value;
  return undefined;
}

/** Lowercase names, duplicates joined with `, ` (as fetch's `Headers` reads them), sorted by name. */
function headerRecord(raw: [string, string][]): Record<string, string> {
  // A reply has a handful of headers: an insertion sort in two arrays beats a Map and a sort.
  if (raw.length > 32) return headerRecordOfMany(raw);
  const names: string[] = [];
  const values: string[] = [];
  next: for (const [name, value] of raw) {
    const key = name.toLowerCase();
    const text = value.trim();
    for (let i = 0; i < names.length; i++) {
      if (names[i] === key) {
        values[i] = `${values[i]}, ${text}`;
        continue next;
      }
    }
    let at = names.length;
    while (at > 0 && names[at - 1]! > key) {
      names[at] = names[at - 1]!;
      values[at] = values[at - 1]!;
      at--;
    }
    names[at] = key;
    values[at] = text;
  }
  const out: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) {
    // Object.defineProperty: a header named __proto__ stays a header.
    if (names[i] === '__proto__') Object.defineProperty(out, '__proto__', { value: values[i], enumerable: true, writable: true, configurable: true });
    else out[names[i]!] = values[i]!;
  }
  return out;
}

function headerRecordOfMany(raw: [string, string][]): Record<string, string> {
  const merged = new Map<string, string>();
  for (const [name, value] of raw) {
    const key = name.toLowerCase();
    const before = merged.get(key);
    merged.set(key, before === undefined ? value.trim() : `${before}, ${value.trim()}`);
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** The one timer of an exchange: the provider's timeout until the headers, then hooksim's total cap. */
function onTimer(exchange: Exchange): void {
  exchange.timerFired();
}

/**
 * One hop of an exchange: a link and the parser reading its reply. Events from a hop that is
 * no longer the exchange's current one (after a redirect) or after the verdict are ignored.
 */
class Hop implements LinkUser, ReplyParserEvents {
  readonly parser = new ReplyParser(this);

  constructor(
    private readonly exchange: Exchange,
    readonly link: Link,
  ) {}

  get live(): boolean {
    return this.exchange.hop === this && !this.exchange.settled;
  }

  head(reply: ReplyHead): void {
    if (this.live) this.exchange.onHead(reply);
  }

  body(chunk: Buffer): void {
    if (this.live) this.exchange.sink?.write(chunk);
  }

  complete(): void {
    if (this.live) this.exchange.onComplete();
  }

  data(chunk: Buffer): void {
    if (!this.live) return;
    const problem = this.parser.feed(chunk);
    if (problem && this.live) this.exchange.invalid(problem.kind === 'invalid' ? problem.message : 'incomplete');
  }

  end(): void {
    if (!this.live) return;
    const problem = this.parser.end();
    if (problem && this.live) this.lost();
  }

  error(error: Error): void {
    this.lost(error);
  }

  close(): void {
    this.lost();
  }

  lost(error?: Error): void {
    if (this.live && !this.parser.complete) this.exchange.lost(error);
  }
}

/**
 * One delivery attempt as Logto's client makes it (ky over Node's fetch, `redirect: 'follow'`):
 * writes the request's exact bytes, follows redirects hop by hop, and reads the reply.
 *
 * Timing, as the provider has it: `timeoutMs` runs from the start until the final reply's
 * headers arrive (redirects included); the body is then read with no timeout of its own, only
 * hooksim's total cap (`maxTotalMs`) so that a body that never ends still gets a verdict.
 * The body is counted to its end and kept up to `maxReplyBytes`. Never rejects.
 */
export function exchange(first: HopRequest, route: ExchangeRoute, limits: DeliveryLimits): Promise<AttemptResult> {
  return new Promise<AttemptResult>((resolve) => new Exchange(first, route, limits, resolve).startHop());
}

class Exchange {
  private readonly started = performance.now();
  private readonly cap: number;
  private timer: NodeJS.Timeout;
  private contentEncoding: string | undefined;
  private redirects: RedirectHop[] | undefined;
  hop: Hop | undefined;
  private head: ReplyHead | undefined;
  private headersAtMs = 0;
  sink: BodySink | undefined;
  settled = false;

  constructor(
    private request: HopRequest,
    private readonly route: ExchangeRoute,
    private readonly limits: DeliveryLimits,
    private readonly resolve: (result: AttemptResult) => void,
  ) {
    this.cap = totalCapMs(limits);
    // One timer: it first stands for the provider's timeout; if the headers came by then, it is
    // set again for the rest of the total cap (which is never below the timeout).
    this.timer = setTimeout(onTimer, limits.timeoutMs, this);
  }

  private where(): string {
    return this.route.describe(this.request.url);
  }

  timerFired(): void {
    if (this.settled) return;
    if (!this.head) {
      this.fail({ kind: 'timeout', message: `no reply within ${this.limits.timeoutMs} ms from ${this.where()}` });
      return;
    }
    const left = this.cap - (performance.now() - this.started);
    if (left > 0) {
      this.timer = setTimeout(onTimer, left, this);
      return;
    }
    this.failBody(
      'body-timeout',
      `the reply's headers arrived but its body was still arriving from ${this.where()} after ${this.cap} ms, hooksim's total-time cap (maxTotalMs; the provider itself sets no limit on reading the body)`,
    );
  }

  startHop(): void {
    if (this.hop) this.hop.link.destroy();
    let link: Link;
    try {
      link = this.route.connect(this.request.url);
    } catch (error) {
      this.fail(classifyNetworkError(error, this.where()));
      return;
    }
    const hop = new Hop(this, link);
    this.hop = hop;
    link.user = hop;
    if (!link.usable) return hop.lost(new Error('the connection closed before the request was written'));
    link.write(requestBytes(this.request));
  }

  onHead(reply: ReplyHead): void {
    const step = redirectStep(this.request, reply.status, firstHeader(reply.rawHeaders, 'location'), this.redirects?.length ?? 0);
    if (step.kind === 'error') return this.fail({ kind: 'network', message: `fetch failed for ${this.where()}: ${step.message}` });
    if (step.kind === 'follow') {
      (this.redirects ??= []).push({ status: reply.status, location: step.next.url.href });
      this.request = step.next;
      return this.startHop();
    }
    this.head = reply;
    this.headersAtMs = performance.now() - this.started;
    this.contentEncoding = reply.status === 204 || reply.status === 304 ? undefined : firstHeader(reply.rawHeaders, 'content-encoding');
    this.sink = new BodySink(this.limits.maxReplyBytes, this.contentEncoding, this);
  }

  // The body's decoders push back on the socket through these (BodySink's flow).
  pause(): void {
    this.hop?.link.stream.pause();
  }

  resume(): void {
    this.hop?.link.stream.resume();
  }

  failed(error: Error): void {
    this.failBody('network', `the reply body could not be decoded (${this.contentEncoding}): ${error.message}`);
  }

  onComplete(): void {
    const sink = this.sink!;
    if (sink.plain) return this.succeed(sink.endNow());
    sink.end().then(
      (kept) => this.succeed(kept),
      (error: Error) => this.failBody('network', `the reply body could not be decoded: ${error.message}`),
    );
  }

  private succeed(kept: { text: string; bytes: number; truncated: boolean }): void {
    const head = this.head!;
    const reply: Reply = {
      status: head.status,
      statusText: head.statusText,
      headers: headerRecord(head.rawHeaders),
      body: kept.text,
      bytes: kept.bytes,
      truncated: kept.truncated,
    };
    if (this.redirects) reply.redirects = this.redirects;
    this.finish({ durationMs: 0, reply });
  }

  invalid(message: string): void {
    this.fail({ kind: 'network', message: `invalid HTTP reply from ${this.where()}: ${message}` });
  }

  lost(error?: Error): void {
    if (!this.head) {
      return this.fail(error ? classifyNetworkError(error, this.where()) : { kind: 'connection-reset', message: `connection closed by ${this.where()} before a reply` });
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    this.failBody('connection-reset', `connection ${code ? `reset (${code})` : 'closed'} by ${this.where()} before the reply body was complete`);
  }

  private bodyState(): string {
    const head = this.head;
    const length = head ? firstHeader(head.rawHeaders, 'content-length') : undefined;
    return `status ${head?.status}, headers after ${ms(this.headersAtMs)}, ${this.sink?.bytes ?? 0} body bytes received${length !== undefined ? ` of content-length ${length}` : ''}`;
  }

  private failBody(kind: TransportError['kind'], what: string): void {
    this.fail({ kind, message: `${what} (${this.bodyState()})` });
  }

  private fail(error: TransportError): void {
    this.finish({ durationMs: 0, error });
  }

  private finish(result: AttemptResult): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.sink?.dispose();
    const hop = this.hop;
    if (hop) {
      const link = hop.link;
      link.user = undefined;
      const reuse = result.reply !== undefined && !hop.parser.trailing && this.route.release !== undefined && this.route.release(this.request.url, link, this.head!);
      if (!reuse) link.destroy();
    }
    result.durationMs = performance.now() - this.started;
    this.resolve(result);
  }
}
