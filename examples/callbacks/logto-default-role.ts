/**
 * A Logto PostRegister hook that calls the Management API back: it answers Logto at once (Logto
 * gives it 10 s and ignores the body), then gets a machine-to-machine token and assigns the
 * default role and a starting plan to the new user.
 */
import express from 'express';
import { verifyLogtoSignature } from '../logto/signed-hook.js';

export interface DefaultRoleHookOptions {
  signingKey: string;
  /** The Logto endpoint, e.g. https://your-tenant.logto.app. */
  logtoEndpoint: string;
  /** The Management API resource indicator (`https://default.logto.app/api` on OSS). */
  resource: string;
  clientId: string;
  clientSecret: string;
  /** The role every new user gets. */
  roleName: string;
  /** Deliberate mistakes, for the broken variants. */
  mistake?: 'forgets-token' | 'wrong-route';
}

/** What the hook's background work ended with, for tests. */
export interface CallbackLog {
  done: Promise<void>[];
  errors: string[];
}

async function managementToken(options: DefaultRoleHookOptions): Promise<string> {
  const response = await fetch(`${options.logtoEndpoint}/oidc/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: options.resource, scope: 'all' }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function onboard(userId: string, options: DefaultRoleHookOptions): Promise<void> {
  const token = options.mistake === 'forgets-token' ? undefined : await managementToken(options);
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const api = `${options.logtoEndpoint}/api`;
  const rolesResponse = await fetch(`${api}/roles`, { headers });
  if (!rolesResponse.ok) throw new Error(`GET /api/roles failed: ${rolesResponse.status}`);
  const role = ((await rolesResponse.json()) as { id: string; name: string }[]).find((candidate) => candidate.name === options.roleName);
  if (!role) throw new Error(`no role named ${options.roleName}`);
  const rolePath = options.mistake === 'wrong-route' ? `${api}/users/${userId}/role` : `${api}/users/${userId}/roles`;
  const assigned = await fetch(rolePath, { method: 'POST', headers, body: JSON.stringify({ roleIds: [role.id] }) });
  if (!assigned.ok) throw new Error(`assigning the role failed: ${assigned.status} ${await assigned.text()}`);
  const plan = await fetch(`${api}/users/${userId}/custom-data`, { method: 'PATCH', headers, body: JSON.stringify({ customData: { plan: 'free' } }) });
  if (!plan.ok) throw new Error(`setting the plan failed: ${plan.status}`);
}

/**
 * The hook as an Express app; `log` collects the background work's errors.
 *
 * Tested against hooksim's Logto mock joined to the test's own msw server
 * (test/mock-apis/msw-coexistence.test.ts): `server.use(...(await mockApiHandlers(logto)))`,
 * then `logto.adopt(prepareEvent(...))` so the new user exists in the tenant, then `send()`.
 */
export function createDefaultRoleHook(options: DefaultRoleHookOptions): { app: express.Express; log: CallbackLog } {
  const log: CallbackLog = { done: [], errors: [] };
  const app = express();
  app.post('*splat', express.raw({ type: '*/*' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyLogtoSignature(options.signingKey, raw, req.get('logto-signature-sha-256'))) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    const payload = JSON.parse(raw.toString('utf8')) as { event: string; userId?: string };
    // Answer first: the work below may take longer than Logto should wait.
    res.sendStatus(204);
    if (payload.event === 'PostRegister' && payload.userId) {
      log.done.push(onboard(payload.userId, options).catch((error: Error) => void log.errors.push(error.message)));
    }
  });
  return { app, log };
}
