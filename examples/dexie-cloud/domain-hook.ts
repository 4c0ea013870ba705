/**
 * A Dexie Cloud "new-user" web hook, as an app would write it: production accounts for the
 * company's email domains, evaluation accounts for everyone else, refusals for blocked domains,
 * and the user's name (and, under custom authentication, their email) from a directory.
 *
 * The decision is one pure function; `createDexieDomainHook` (Express) and
 * `createDexieDomainFetchHandler` (fetch-style: Hono, Next.js, workers) are thin adapters.
 */
import express from 'express';

/** Who the hook knows and how it decides. */
export interface DomainHookConfig {
  /** Email domains whose users get production accounts. */
  prodDomains: string[];
  /** Email domains whose users are refused. */
  blockedDomains?: string[];
  /** Users the app already knows by id (custom authentication gives no email). */
  directory?: Record<string, { email: string; name: string }>;
}

/** The hook's reply: always status 200 and JSON, as Dexie Cloud requires. */
export interface HookReply {
  status: number;
  body: { ok: boolean; action: 'reject' | 'eval' | 'prod'; userData?: Record<string, unknown> };
}

/** "ada.lovelace@x" -> "Ada Lovelace". */
function nameFromEmail(email: string): string {
  return email
    .split('@')[0]!
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}

/** Decides what Dexie Cloud should do with a user authenticating for the first time. */
export function decideNewUser(request: unknown, config: DomainHookConfig): HookReply {
  const { userId, email: sentEmail } = (request ?? {}) as { userId?: unknown; email?: unknown };
  if (typeof userId !== 'string') return { status: 200, body: { ok: true, action: 'reject' } };
  const known = config.directory?.[userId];
  const email = typeof sentEmail === 'string' && sentEmail !== '' ? sentEmail : known?.email;
  const domain = email?.split('@')[1]?.toLowerCase();
  if (domain && config.blockedDomains?.includes(domain)) return { status: 200, body: { ok: true, action: 'reject' } };
  const displayName = known?.name ?? (email ? nameFromEmail(email) : userId);
  // The email only needs supplying when the authentication did not provide one.
  const userData = { displayName, ...(sentEmail ? {} : email ? { email } : {}) };
  if (domain && config.prodDomains.includes(domain)) return { status: 200, body: { ok: true, action: 'prod', userData: { ...userData, plan: 'team' } } };
  return { status: 200, body: { ok: true, action: 'eval', userData: { ...userData, plan: 'trial' } } };
}

/** The hook as an Express app (POST at any path). */
export function createDexieDomainHook(config: DomainHookConfig): express.Express {
  const app = express();
  app.post('*splat', express.json(), (req, res) => {
    const reply = decideNewUser(req.body, config);
    res.status(reply.status).json(reply.body);
  });
  return app;
}

/** The same hook as a fetch-style handler. */
export function createDexieDomainFetchHandler(config: DomainHookConfig): (request: Request) => Promise<Response> {
  return async (request) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json({ ok: true, action: 'reject' }, { status: 200 });
    }
    const reply = decideNewUser(body, config);
    return Response.json(reply.body, { status: reply.status });
  };
}

/** The configuration the bundled scenarios and the demo use. */
export const demoDomainConfig: DomainHookConfig = {
  prodDomains: ['acme.test'],
  blockedDomains: ['spam.test'],
  directory: { usr_emp_0042: { email: 'grace.hopper@acme.test', name: 'Grace Hopper' } },
};
