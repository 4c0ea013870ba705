import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Servers opened by a test file, closed by {@link closeAll}. */
const open: (Server | NetServer)[] = [];
const sockets = new Set<Socket>();

/** An HTTP server on 127.0.0.1 at a port the OS picks; returns its base URL. */
export async function serveHttp(handler: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A raw TCP server: `onConnection` writes whatever bytes it likes (hostile replies). */
export async function serveRaw(onConnection: (socket: Socket) => void): Promise<{ url: string; server: NetServer }> {
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Collects one request's bytes on a raw socket: head, then content-length bytes of body. */
export function readRequest(socket: Socket, onRequest: (bytes: Buffer) => void): void {
  let buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = /\r\ncontent-length: (\d+)/i.exec(buffer.subarray(0, end).toString('latin1'))?.[1];
    const total = end + 4 + Number(length ?? 0);
    if (buffer.length < total) return;
    socket.off('data', onData);
    const request = buffer.subarray(0, total);
    buffer = buffer.subarray(total);
    onRequest(request);
    if (buffer.length > 0) onData(Buffer.alloc(0));
    else socket.on('data', onData);
  };
  socket.on('data', onData);
}

export async function closeAll(): Promise<void> {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  for (const server of open.splice(0)) {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
