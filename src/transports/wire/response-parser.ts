import { maxHeaderSize } from 'node:http';
import { HTTPParser } from 'http-parser-js';

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

/**
 * Parses one HTTP/1.x reply from a byte stream with `http-parser-js` (RESPONSE mode):
 * content-length, chunked and close-delimited (HTTP/1.0) bodies. Informational 1xx replies
 * are skipped, as fetch does. Bytes after the first complete reply are ignored.
 */
export class ReplyParser {
  private readonly parser = new HTTPParser(HTTPParser.RESPONSE);
  private sawHead = false;
  private done = false;

  constructor(private readonly events: ReplyParserEvents) {
    // Node's limit (16 KiB by default), which fetch's parser also applies: an endless header
    // block is an error, not a memory leak.
    this.parser.maxHeaderSize = maxHeaderSize;
    this.parser[HTTPParser.kOnHeadersComplete] = (info) => {
      // 1xx (100 Continue, 103 Early Hints) precede the real reply; fetch skips them.
      if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) return;
      this.sawHead = true;
      const raw: [string, string][] = [];
      for (let i = 0; i + 1 < info.headers.length; i += 2) raw.push([info.headers[i]!, info.headers[i + 1]!]);
      this.events.head({ status: info.statusCode, statusText: info.statusMessage, version: `${info.versionMajor}.${info.versionMinor}`, rawHeaders: raw });
      return undefined;
    };
    this.parser[HTTPParser.kOnBody] = (chunk: Buffer, offset: number, length: number) => {
      if (!this.done) this.events.body(offset === 0 && length === chunk.length ? chunk : chunk.subarray(offset, offset + length));
    };
    this.parser[HTTPParser.kOnMessageComplete] = () => {
      if (!this.sawHead || this.done) return;
      this.done = true;
      this.events.complete();
    };
  }

  /** True once a whole reply was parsed. */
  get complete(): boolean {
    return this.done;
  }

  /** Feeds bytes; returns a problem when they are not a valid HTTP reply. */
  feed(chunk: Buffer): ParseProblem | undefined {
    if (this.done) return undefined;
    const result = this.parser.execute(chunk);
    if (result instanceof Error) return { kind: 'invalid', message: result.message };
    return undefined;
  }

  /** The peer closed its side: completes a close-delimited body, or says what was cut off. */
  end(): ParseProblem | undefined {
    if (this.done) return undefined;
    const result = this.parser.finish();
    if (this.done) return undefined;
    if (result instanceof Error && this.sawHead) return { kind: 'incomplete', inBody: true };
    return { kind: 'incomplete', inBody: this.sawHead };
  }
}
