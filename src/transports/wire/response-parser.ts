import { maxHeaderSize } from 'node:http';
import { HTTPParser } from 'http-parser-js';

type SlowParser = InstanceType<typeof HTTPParser>;

/** The status line and headers of a reply, as the client saw them. */
export interface ReplyHead {
  status: number;
  statusText: string;
  /** HTTP version, e.g. `1.1` or `1.0`. */
  version: string;
  /** Header name/value pairs in wire order (names as sent). */
  rawHeaders: [string, string][];
}

/** What the parser reports while bytes are fed to it. */
export interface ReplyParserEvents {
  head(head: ReplyHead): void;
  body(chunk: Buffer): void;
  complete(): void;
}

/** How the bytes stopped making sense, or why they stopped early. */
export type ParseProblem = { kind: 'invalid'; message: string } | { kind: 'incomplete'; inBody: boolean };

// http-parser-js's own expressions, so the quick path reads a head exactly as it would.
const STATUS_LINE = /^HTTP\/(\d)\.(\d) (\d{3}) ?(.*)$/;
const HEADER_LINE = /^([^: \t]+):[ \t]*((?:.*[^ \t])|)/;
const DIGITS = /^\d{1,15}$/;
const LF = 0x0a;
const CR = 0x0d;

/** A head the quick path read, with how its body is framed. */
interface QuickHead {
  head: ReplyHead;
  /** Offset of the first body byte in the chunk. */
  bodyAt: number;
  /** Body bytes to expect (content-length, or 0 for 204/304 without one). */
  length: number;
}

/**
 * Reads a whole reply head from one chunk, when it is the plain kind nearly every hook sends:
 * a final status (not 1xx), well-formed `name: value` lines, and a body framed by exactly one
 * decimal `content-length` (or no body at all for 204/304), no `transfer-encoding`, no
 * `upgrade`. Lines are read as http-parser-js reads them (split at LF, one trailing CR dropped,
 * ASCII). Anything else returns undefined and the chunk goes to http-parser-js instead.
 */
function quickHead(chunk: Buffer): QuickHead | undefined {
  let at = 0;
  let status: RegExpExecArray | null = null;
  const raw: [string, string][] = [];
  let length = -1;
  for (;;) {
    const lf = chunk.indexOf(LF, at);
    if (lf < 0) return undefined;
    const end = lf > at && chunk[lf - 1] === CR ? lf - 1 : lf;
    const line = chunk.toString('ascii', at, end);
    at = lf + 1;
    if (status === null) {
      status = line === '' ? null : STATUS_LINE.exec(line);
      if (status === null) return undefined;
      continue;
    }
    if (line === '') break;
    // A stray CR, a folded or malformed line: http-parser-js has its own rules for those.
    if (line.includes('\r')) return undefined;
    const header = HEADER_LINE.exec(line);
    if (header === null) return undefined;
    const name = header[1]!;
    const value = header[2]!;
    raw.push([name, value]);
    if (name.length === 14 && name.toLowerCase() === 'content-length') {
      if (length >= 0 || !DIGITS.test(value)) return undefined;
      length = Number(value);
    } else if ((name.length === 17 && name.toLowerCase() === 'transfer-encoding') || (name.length === 7 && name.toLowerCase() === 'upgrade')) {
      return undefined;
    }
  }
  const code = Number(status[3]);
  if (code < 200) return undefined;
  if (code === 204 || code === 304) {
    if (length >= 0) return undefined;
    length = 0;
  }
  // No length: a close-delimited body, left to http-parser-js.
  if (length < 0) return undefined;
  return { head: { status: code, statusText: status[4]!, version: `${Number(status[1])}.${Number(status[2])}`, rawHeaders: raw }, bodyAt: at, length };
}

/**
 * Parses one HTTP/1.x reply from a byte stream: content-length, chunked and close-delimited
 * (HTTP/1.0) bodies. Informational 1xx replies are skipped, as fetch does.
 *
 * A reply whose whole head arrives in its first chunk and whose body has a content-length (the
 * usual hook reply) is read by a quick path that allocates little; every other reply is read by
 * `http-parser-js` (RESPONSE mode) from its first byte. Both give the same heads and bodies.
 * Bytes after the first complete reply are not part of it: they only mark the connection as
 * unfit for another request ({@link trailing}).
 */
export class ReplyParser {
  private parser: SlowParser | undefined;
  private mode: 'start' | 'quick' | 'slow' = 'start';
  /** Quick path: body bytes still to come. */
  private remaining = 0;
  private sawHead = false;
  private done = false;
  /** Bytes arrived after the reply was complete. */
  trailing = false;

  constructor(private readonly events: ReplyParserEvents) {}

  /** True once a whole reply was parsed. */
  get complete(): boolean {
    return this.done;
  }

  /** Feeds bytes; returns a problem when they are not a valid HTTP reply. */
  feed(chunk: Buffer): ParseProblem | undefined {
    if (this.done) {
      if (chunk.length > 0) this.trailing = true;
      return undefined;
    }
    if (this.mode === 'quick') {
      this.quickBody(chunk, 0);
      return undefined;
    }
    if (this.mode === 'start') {
      if (chunk.length === 0) return undefined;
      const quick = quickHead(chunk);
      if (quick) {
        this.mode = 'quick';
        this.sawHead = true;
        this.remaining = quick.length;
        this.events.head(quick.head);
        this.quickBody(chunk, quick.bodyAt);
        return undefined;
      }
      this.mode = 'slow';
      this.parser = this.slowParser();
    }
    const result = this.parser!.execute(chunk);
    if (!(result instanceof Error)) return undefined;
    // Nonsense after a complete reply does not undo it (fetch has the reply by then).
    if (this.done) {
      this.trailing = true;
      return undefined;
    }
    return { kind: 'invalid', message: result.message };
  }

  /** The peer closed its side: completes a close-delimited body, or says what was cut off. */
  end(): ParseProblem | undefined {
    if (this.done) return undefined;
    if (this.mode !== 'slow') return { kind: 'incomplete', inBody: this.sawHead };
    const result = this.parser!.finish();
    if (this.done) return undefined;
    if (result instanceof Error && this.sawHead) return { kind: 'incomplete', inBody: true };
    return { kind: 'incomplete', inBody: this.sawHead };
  }

  private quickBody(chunk: Buffer, from: number): void {
    const available = chunk.length - from;
    const take = Math.min(available, this.remaining);
    if (take > 0) {
      this.remaining -= take;
      this.events.body(from === 0 && take === chunk.length ? chunk : chunk.subarray(from, from + take));
    }
    if (this.remaining === 0 && !this.done) {
      if (available > take) this.trailing = true;
      this.done = true;
      this.events.complete();
    }
  }

  private slowParser(): SlowParser {
    const parser = new HTTPParser(HTTPParser.RESPONSE);
    // Node's limit (16 KiB by default), which fetch's parser also applies: an endless header
    // block is an error, not a memory leak.
    parser.maxHeaderSize = maxHeaderSize;
    parser[HTTPParser.kOnHeadersComplete] = (info) => {
      // 1xx (100 Continue, 103 Early Hints) precede the real reply; fetch skips them.
      if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) return;
      if (this.done) {
        this.trailing = true;
        return;
      }
      this.sawHead = true;
      const raw: [string, string][] = [];
      for (let i = 0; i + 1 < info.headers.length; i += 2) raw.push([info.headers[i]!, info.headers[i + 1]!]);
      this.events.head({ status: info.statusCode, statusText: info.statusMessage, version: `${info.versionMajor}.${info.versionMinor}`, rawHeaders: raw });
      return undefined;
    };
    parser[HTTPParser.kOnBody] = (chunk: Buffer, offset: number, length: number) => {
      if (this.done) this.trailing = true;
      else this.events.body(offset === 0 && length === chunk.length ? chunk : chunk.subarray(offset, offset + length));
    };
    parser[HTTPParser.kOnMessageComplete] = () => {
      if (!this.sawHead || this.done) return;
      this.done = true;
      this.events.complete();
    };
    return parser;
  }
}
