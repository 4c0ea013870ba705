import type { JsonObject } from '../../../core/json.js';
import { seededDraws } from '../../../core/draws.js';
import { companyName, noun, verb } from '../../../core/people.js';
import type { LogtoOptions } from '../options.js';
import { hasLogto143Fields } from '../versions.js';

/**
 * Rows of the entities data events carry (roles, scopes, organizations...), drawn from their
 * own seeded stream so that adding one never shifts the user's or the event's values.
 * Column sets follow @logto/schemas' generated guards; `tenantId` is included as the
 * Management API returns it (logto.md §2.2: "POST /roles -> role row, including tenantId").
 * Key order is the guard's: koaGuard re-parses each response with it, and zod builds the parsed
 * object in its shape's order.
 */
export function entitiesFor(seed: number, now: number, options?: Pick<LogtoOptions, 'version' | 'devFeatures'>) {
  const draws = seededDraws(seed, 4);
  const word = () => noun(draws).toLowerCase();
  const role = (): JsonObject => {
    const name = `${word()}-${word()}`;
    return { tenantId: 'default', id: draws.lowerAlnum(21), name, description: `Can ${verb(draws)} ${word()}s`, type: 'User', isDefault: false };
  };
  const scope = (resourceId: string): JsonObject => ({
    tenantId: 'default',
    id: draws.lowerAlnum(21),
    resourceId,
    name: `${draws.pick(['read', 'write', 'delete'])}:${word()}`,
    description: null,
    createdAt: now - draws.int(60_000, 86_400_000),
  });
  // `Organizations.guard` (1.42.0): color and customCss are required (defaults `{}` and null).
  // Master's `organizationResponseGuard` adds `isTrustedDeviceAllowed` (default true) only with dev
  // features on; hooksim puts it after isMfaRequired, as the table lists it (order inferred).
  const trustedDeviceColumn = options !== undefined && hasLogto143Fields(options.version) && options.devFeatures;
  const organization = (): JsonObject => ({
    tenantId: 'default',
    id: draws.lowerAlnum(12),
    name: companyName(draws),
    description: null,
    customData: {},
    isMfaRequired: false,
    ...(trustedDeviceColumn ? { isTrustedDeviceAllowed: true } : {}),
    color: {},
    branding: {},
    customCss: null,
    createdAt: now - draws.int(60_000, 86_400_000),
  });
  const organizationRole = (): JsonObject => ({ tenantId: 'default', id: draws.lowerAlnum(21), name: word(), description: null, type: 'User' });
  const organizationScope = (): JsonObject => ({ tenantId: 'default', id: draws.lowerAlnum(21), name: `${draws.pick(['read', 'write', 'invite'])}:${word()}`, description: null });
  return { role, scope, organization, organizationRole, organizationScope, id: (length: number) => draws.lowerAlnum(length) };
}
