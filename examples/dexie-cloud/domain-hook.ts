/**
 * A Dexie Cloud "new-user" web hook, as an app would write it: production accounts for the
 * company's email domains, evaluation accounts for everyone else, refusals for blocked domains,
 * and the user's name (and, under custom authentication, their email) from a directory.
 *
 * The decision is one pure function, {@link decideNewUser}. Three thin adapters serve it:
 * {@link createDexieDomainHook} (Express), {@link createDexieDomainNodeHandler} (plain
 * `node:http`) and {@link createDexieDomainFetchHandler} (fetch-style: Hono, Next.js route
 * handlers, workers). Because they share the decision, a test can run the same cases over every
 * transport and expect the same verdict.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { readRawBody } from '../shared/read-body.js';

/** Who the hook knows and how it decides. */
export interface DomainHookConfig {
  /** Email domains whose users get production accounts (compared case-insensitively). */
  prodDomains?: string[];
  /** Shorthand for a single production domain; joins `prodDomains`. */
  prodDomain?: string;
  /** Email domains whose users are refused. */
  blockedDomains?: string[];
  /** Users the app already knows by id: custom authentication sends Dexie Cloud no email. */
  directory?: Record<string, { email: string; name: string }>;
}

/** The body Dexie Cloud expects back. */
export interface NewUserReplyBody {
  ok: true;
  action: 'reject' | 'eval' | 'prod';
  userData?: { displayName: string; email?: string; plan: 'team' | 'trial' };
}

/** The hook's reply: always status 200 and JSON, as Dexie Cloud requires, whatever the decision. */
export interface HookReply {
  status: 200;
  body: NewUserReplyBody;
}

/** "ada.lovelace@x" -> "Ada Lovelace": a readable default when the app knows nothing better. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  const words = local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1));
  return words.length > 0 ? words.join(' ') : email;
}

const lower = (domains: readonly string[] | undefined): string[] => (domains ?? []).map((domain) => domain.toLowerCase());

/**
 * Decides what Dexie Cloud should do with a user authenticating for the first time.
 *
 * A request the hook cannot read is refused (`action: 'reject'`), never answered with an error:
 * an error would surface to the user as a broken login rather than a refusal.
 */
export function decideNewUser(request: unknown, config: DomainHookConfig): HookReply {
  const refuse: HookReply = { status: 200, body: { ok: true, action: 'reject' } };
  if (typeof request !== 'object' || request === null) return refuse;
  const { userId, email: sentEmail } = request as { userId?: unknown; email?: unknown };
  if (typeof userId !== 'string' || userId === '') return refuse;

  // Own keys only: a userId such as "constructor" must not find something on the prototype.
  const known = config.directory && Object.hasOwn(config.directory, userId) ? config.directory[userId] : undefined;
  const authenticatedEmail = typeof sentEmail === 'string' && sentEmail !== '' ? sentEmail : undefined;
  const email = authenticatedEmail ?? known?.email;
  const domain = email !== undefined && email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : undefined;

  if (domain && lower(config.blockedDomains).includes(domain)) return refuse;

  const prodDomains = lower([...(config.prodDomains ?? []), ...(config.prodDomain ? [config.prodDomain] : [])]);
  const isProd = domain !== undefined && prodDomains.includes(domain);
  const userData: NonNullable<NewUserReplyBody['userData']> = {
    displayName: known?.name ?? (email ? nameFromEmail(email) : userId),
    // Only supply the email when the authentication did not: Dexie Cloud keeps the one it verified.
    ...(authenticatedEmail === undefined && email !== undefined ? { email } : {}),
    plan: isProd ? 'team' : 'trial',
  };
  return { status: 200, body: { ok: true, action: isProd ? 'prod' : 'eval', userData } };
}

/** The hook as an Express app (answers POST at any path). */
export function createDexieDomainHook(config: DomainHookConfig): express.Express {
  const app = express();
  app.post('*splat', express.json(), (req, res) => {
    // express.json() leaves `req.body` undefined when the content type is not JSON.
    const reply = decideNewUser(req.body, config);
    res.status(reply.status).json(reply.body);
  });
  return app;
}

/** The same hook as a plain `node:http` request listener (no framework). */
export function createDexieDomainNodeHandler(config: DomainHookConfig): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse((await readRawBody(req)).toString('utf8'));
      } catch {
        body = undefined;
      }
      const reply = decideNewUser(body, config);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
    })().catch(() => {
      // Reading failed midway (client went away): nothing useful can be sent.
      if (!res.headersSent) res.writeHead(400).end();
    });
  };
}

/** The same hook as a fetch-style handler. */
export function createDexieDomainFetchHandler(config: DomainHookConfig): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      body = undefined;
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
