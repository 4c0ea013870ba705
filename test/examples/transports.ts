/**
 * The four ways a hook can be reached, for running one case over every transport: an Express
 * app in-process, a plain Node handler in-process, a fetch handler in-process, and a real URL
 * served on 127.0.0.1 (closed by {@link closeServers}).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Target } from '../../src/transports/target.js';

export const TRANSPORTS = ['express app', 'node handler', 'fetch handler', 'url'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** The same hook logic behind each door. */
export interface Doors {
  app: RequestListener;
  nodeHandler: RequestListener;
  fetch: (request: Request) => Promise<Response>;
}

const servers: Server[] = [];

/** Serves `handler` on 127.0.0.1 at a port the OS picks; returns the URL of `path`. */
export async function listen(handler: RequestListener, path = '/hook'): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

/** Closes every server {@link listen} opened, dropping connections a hanging handler holds. */
export async function closeServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
}

/**
 * The target for one transport. The URL transport serves the Express app as a real server
 * does (`app.listen` is `http.createServer(app).listen`).
 */
export async function targetFor(transport: TransportName, doors: Doors, path = '/webhooks/hook'): Promise<Target> {
  switch (transport) {
    case 'express app':
      return { app: doors.app, path };
    case 'node handler':
      // A bare (req, res) function: the target form without a path (hooksim posts to /).
      return doors.nodeHandler;
    case 'fetch handler':
      return { fetch: doors.fetch, path };
    case 'url':
      return listen(doors.app, path);
  }
}
