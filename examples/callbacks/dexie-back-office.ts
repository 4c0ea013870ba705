/**
 * A Dexie Cloud new-user hook with a back office: it admits everyone as an evaluation user at
 * once, then upgrades customers who already paid to production through the REST API
 * (`POST /token` with client credentials, then `POST /users`). The same app has the endpoint a
 * payment provider's webhook hits (`POST /payments`): a payment upgrades the user to `prod`.
 */
import express from 'express';

export interface BackOfficeHookOptions {
  /** The database URL, e.g. https://xxxxxxxx.dexie.cloud. */
  databaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Emails of customers who paid. */
  paidCustomers: string[];
  /** Deliberate mistakes, for the broken variant. */
  mistake?: 'read-only-scopes';
}

async function upgrade(userId: string, options: BackOfficeHookOptions, plan = 'paid'): Promise<void> {
  const scopes = options.mistake === 'read-only-scopes' ? ['ACCESS_DB', 'GLOBAL_READ'] : ['ACCESS_DB', 'GLOBAL_READ', 'GLOBAL_WRITE'];
  const tokenResponse = await fetch(`${options.databaseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret, scopes }),
  });
  if (!tokenResponse.ok) throw new Error(`token request failed: ${tokenResponse.status}`);
  const { accessToken } = (await tokenResponse.json()) as { accessToken: string };
  const response = await fetch(`${options.databaseUrl}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify([{ userId, type: 'prod', data: { plan } }]),
  });
  if (!response.ok) throw new Error(`upgrading ${userId} failed: ${response.status} ${await response.text()}`);
}

/** The hook as an Express app; `errors` collects the background work's failures. */
export function createBackOfficeHook(options: BackOfficeHookOptions): { app: express.Express; errors: string[]; done: Promise<void>[] } {
  const errors: string[] = [];
  const done: Promise<void>[] = [];
  const app = express();
  // The payment webhook: answers once the upgrade is done, so the payment provider retries on failure.
  app.post('/payments', express.json(), async (req, res) => {
    const { event, userId, plan } = req.body as { event?: string; userId?: string; plan?: string };
    if (event !== 'payment.succeeded' || !userId) {
      res.status(202).json({ ignored: true });
      return;
    }
    try {
      await upgrade(userId, options, plan ?? 'paid');
      res.json({ upgraded: userId });
    } catch (error) {
      errors.push((error as Error).message);
      res.status(502).json({ error: (error as Error).message });
    }
  });
  app.post('*splat', express.json(), (req, res) => {
    const { userId, email } = req.body as { userId: string; email?: string };
    res.json({ ok: true, action: 'eval', userData: { plan: 'trial' } });
    if (email && options.paidCustomers.includes(email)) done.push(upgrade(userId, options).catch((error: Error) => void errors.push(error.message)));
  });
  return { app, errors, done };
}
