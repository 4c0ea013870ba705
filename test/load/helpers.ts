import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';

/** What a test hook saw: every body, and whether each was correctly signed. */
export interface HookLog {
  bodies: string[];
  /** Requests whose Logto signature does not match their body. */
  badSignatures: number;
  /** Requests without a Logto signature header. */
  unsigned: number;
}

/**
 * A hook on 127.0.0.1 that reads each request whole, then lets `answer` reply (the n-th request
 * has index n, from 0). It records bodies and checks Logto signatures when present.
 */
export async function startHook(answer: (index: number, req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ url: string; log: HookLog; close: () => Promise<void> }> {
  const log: HookLog = { bodies: [], badSignatures: 0, unsigned: 0 };
  let index = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      log.bodies.push(body);
      const signature = req.headers['logto-signature-sha-256'];
      if (signature === undefined) log.unsigned++;
      else if (signature !== createHmac('sha256', KEY).update(body).digest('hex')) log.badSignatures++;
      answer(index++, req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    log,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Replies 200 with a JSON body (Dexie's `eval` decision; Logto ignores it). */
export function ok(res: ServerResponse, body = '{"ok":true,"action":"eval"}'): void {
  res.setHeader('content-type', 'application/json');
  res.end(body);
}
