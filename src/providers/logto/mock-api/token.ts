import { randomBytes } from 'node:crypto';
import type { ApiRequest, ApiResponse } from '../../../mock-apis/types.js';
import { logtoError } from './errors.js';
import type { LogtoTenant } from './state.js';

/** oidc-provider's error body: `{ error, error_description }` (lib/helpers/errors.js). */
const oidcError = (status: number, error: string, description: string): ApiResponse => ({
  status,
  body: { error, error_description: description },
});

/** Client credentials from HTTP Basic (`client_secret_basic`, form-url-encoded parts) or the form body (`client_secret_post`). */
function credentials(request: ApiRequest): { id?: string; secret?: string; mechanisms: number } {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const auth = request.headers.authorization;
  const inBody = typeof body.client_secret === 'string';
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const unescape = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return { id: unescape(colon < 0 ? decoded : decoded.slice(0, colon)), secret: colon < 0 ? undefined : unescape(decoded.slice(colon + 1)), mechanisms: inBody ? 2 : 1 };
  }
  return { id: typeof body.client_id === 'string' ? body.client_id : undefined, secret: inBody ? (body.client_secret as string) : undefined, mechanisms: inBody ? 1 : 0 };
}

/**
 * `POST /oidc/token` with `grant_type=client_credentials`, the machine-to-machine flow a hook
 * uses before calling the Management API (logto-io/node-oidc-provider
 * lib/actions/grants/client_credentials.js). Client authentication comes first; the token's
 * scope is the requested scopes the client's roles grant on that resource (`all` for the
 * Management API), and `scope` is left out of the reply when none remain.
 */
export function issueToken(tenant: LogtoTenant, request: ApiRequest): ApiResponse {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const { id, secret, mechanisms } = credentials(request);
  if (mechanisms > 1) return oidcError(400, 'invalid_request', 'client authentication must only be provided using one mechanism');
  if (!id) return oidcError(400, 'invalid_request', 'no client authentication mechanism provided');
  const client = tenant.clients.find((candidate) => candidate.clientId === id);
  if (!client || client.clientSecret !== secret) return oidcError(401, 'invalid_client', 'client authentication failed');
  if (body.grant_type === undefined) return oidcError(400, 'invalid_request', "missing required parameter 'grant_type'");
  if (body.grant_type !== 'client_credentials') return oidcError(400, 'unsupported_grant_type', 'unsupported grant_type requested');

  const resource = typeof body.resource === 'string' ? body.resource : undefined;
  // Logto knows the Management API (and no other resource in this mock): anything else is unknown.
  if (resource !== undefined && resource !== tenant.resource) return oidcError(400, 'invalid_target', 'resource indicator is missing, or unknown');
  const requested = typeof body.scope === 'string' ? [...new Set(body.scope.split(' ').filter(Boolean))] : [];
  // Without a resource the token is opaque and has no audience: the Management API refuses it.
  const scopes = resource ? requested.filter((scope) => (client.scopes ?? ['all']).includes(scope)) : requested;
  const token = `hooksim_${randomBytes(18).toString('base64url')}`;
  tenant.tokens.set(token, { clientId: client.clientId, audience: resource, scopes });
  return {
    status: 200,
    body: { access_token: token, expires_in: 3600, token_type: 'Bearer', ...(scopes.length ? { scope: scopes.join(' ') } : {}) },
  };
}

/**
 * Checks the bearer token of a Management API call as koa-auth does
 * (packages/core/src/middleware/koa-auth/index.ts): header missing or not Bearer, token unknown
 * or for another audience -> 401; a token without the `all` scope -> 403. Undefined when good.
 * The `x-hooksim-reason` header says which, since Logto's body does not.
 */
export function checkBearer(tenant: LogtoTenant, request: ApiRequest): ApiResponse | undefined {
  const auth = request.headers.authorization;
  if (!auth) return logtoError(401, 'auth.authorization_header_missing', 'Authorization header is missing.');
  if (!auth.startsWith('Bearer')) {
    return logtoError(401, 'auth.authorization_token_type_not_supported', 'Authorization type is not supported.', { data: { supportedTypes: ['Bearer'] } });
  }
  const issued = tenant.tokens.get(auth.slice('Bearer '.length));
  const unauthorized = (reason: string): ApiResponse => ({
    ...logtoError(401, 'auth.unauthorized', 'Unauthorized. Please check credentials and its scope.'),
    headers: { 'x-hooksim-reason': reason },
  });
  if (!issued) return unauthorized('this token was not issued by this tenant');
  if (issued.audience !== tenant.resource) return unauthorized(`the token was issued for ${issued.audience ?? 'no resource'}, not ${tenant.resource}`);
  if (!issued.scopes.includes('all')) {
    return { ...logtoError(403, 'auth.forbidden', 'Forbidden. Please check your user roles and permissions.'), headers: { 'x-hooksim-reason': 'the token lacks the "all" scope (request scope=all; the M2M app needs the Management API role)' } };
  }
  return undefined;
}
