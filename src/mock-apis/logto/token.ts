import { randomBytes } from 'node:crypto';
import type { ApiRequest, ApiResponse } from '../types.js';
import type { LogtoTenant } from './state.js';

/** oidc-provider's error body. */
const oidcError = (status: number, error: string, description: string): ApiResponse => ({
  status,
  body: { error, error_description: description },
});

/** Client credentials from HTTP Basic or from the form body (`client_secret_basic` / `client_secret_post`). */
function credentials(request: ApiRequest): { id?: string; secret?: string } {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  const body = (request.body ?? {}) as Record<string, unknown>;
  return { id: body.client_id as string | undefined, secret: body.client_secret as string | undefined };
}

/**
 * `POST /oidc/token` with `grant_type=client_credentials`, the machine-to-machine flow a hook
 * uses before calling the Management API: the resource must be the tenant's Management API
 * indicator and the scope `all`.
 */
export function issueToken(tenant: LogtoTenant, request: ApiRequest): ApiResponse {
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (body.grant_type !== 'client_credentials') {
    return oidcError(400, 'unsupported_grant_type', `unsupported grant_type requested (${String(body.grant_type)})`);
  }
  const { id, secret } = credentials(request);
  const client = tenant.clients.find((candidate) => candidate.clientId === id);
  if (!id) return oidcError(400, 'invalid_request', 'no client authentication mechanism provided');
  if (!client || client.clientSecret !== secret) return oidcError(401, 'invalid_client', 'client authentication failed');
  if (body.resource !== tenant.resource) return oidcError(400, 'invalid_target', 'resource indicator is missing, or unknown');
  const token = `hooksim_${randomBytes(18).toString('base64url')}`;
  tenant.tokens.add(token);
  return { status: 200, body: { access_token: token, expires_in: 3600, token_type: 'Bearer', scope: typeof body.scope === 'string' ? body.scope : 'all' } };
}

/** Checks the bearer token of a Management API call; undefined when it is good. */
export function checkBearer(tenant: LogtoTenant, request: ApiRequest): ApiResponse | undefined {
  const auth = request.headers.authorization;
  if (!auth) return { status: 401, body: { message: 'Authorization header is missing.', code: 'auth.authorization_header_missing' } };
  if (!auth.startsWith('Bearer ')) {
    return { status: 401, body: { message: 'Authorization type is not supported. Expected "Bearer".', code: 'auth.authorization_token_type_not_supported' } };
  }
  if (!tenant.tokens.has(auth.slice(7))) return { status: 401, body: { message: 'Unauthorized. Please check credentials and its scope.', code: 'auth.unauthorized' } };
  return undefined;
}
