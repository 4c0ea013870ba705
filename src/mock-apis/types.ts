/** A request to a mock provider API, as both adapters (msw, Express) hand it over. */
export interface ApiRequest {
  method: string;
  /** Path without the query string, e.g. `/api/users/abc`. */
  path: string;
  query: Record<string, string>;
  /** Lowercase header names. */
  headers: Record<string, string>;
  /** Parsed JSON or form body (`undefined` when empty). */
  body: unknown;
}

/** What the mock answers. */
export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A call a hook made, as recorded for assertions (credentials redacted). */
export interface RecordedCall {
  /** 0-based, in arrival order. */
  index: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  /** The route pattern that answered (`/api/users/:userId/roles`), or undefined for an unknown route. */
  route?: string;
  /** Epoch ms. */
  at: number;
}

/** A provider API that hooksim plays: its state, its routes, its recorder. */
export interface MockApi {
  readonly provider: string;
  /** Where hooks reach it (the msw origin, or the server's URL once served). */
  baseUrl: string;
  handle(request: ApiRequest): ApiResponse;
  readonly calls: import('./recorder.js').CallRecorder;
  /** A JSON view of the state for `expect.state` assertions. */
  stateView(): unknown;
}

/**
 * The part of an msw server hooksim uses (`setupServer(...)`'s result has it). Declared here,
 * without msw's types, so that code taking a server compiles in projects without msw.
 */
export interface MswServerLike {
  use(...handlers: never[]): void;
}
