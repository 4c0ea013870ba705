/**
 * `hooksim ui` without the command line: the emulator, its control API and the dashboard on one
 * local port, every API call guarded by a random per-start token.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startService, type Service, type ServiceOptions } from '../emulator/service.js';
import { assets } from './assets/embedded.js';
import { dashboardRoutes } from './routes.js';

/** The page may load its own files only; nothing inline, nothing from elsewhere, never framed. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

function serveAsset(_req: IncomingMessage, res: ServerResponse, url: URL): void {
  // No icon: an empty answer keeps the browser from logging a 404 on every load.
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  const asset = assets[url.pathname === '/index.html' ? '/' : url.pathname];
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': asset.type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
  res.end(asset.body);
}

/** A running dashboard: its URL carries the token. */
export interface Dashboard extends Service {
  /** `http://127.0.0.1:PORT/?token=...`: the page, and (with the token) the control API for `hooksim trigger --emulator`. */
  url: string;
  token: string;
}

/** Starts the dashboard. `token` is for tests; by default a fresh random one each start. */
export async function startDashboard(options: Omit<ServiceOptions, 'guard' | 'routes' | 'fallback'> & { cwd?: string; token?: string } = {}): Promise<Dashboard> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const context = { cwd: options.cwd ?? process.cwd(), env: options.env ?? {} };
  const service = await startService({ ...options, guard: { token }, routes: (emulator) => dashboardRoutes(emulator, context), fallback: serveAsset });
  return { ...service, token, url: `${service.server.url}/?token=${token}` };
}
