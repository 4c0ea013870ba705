import type { Route } from '../../../../mock-apis/router.js';
import type { LogtoRouteState } from '../context.js';
import { organizationRoutes } from './organizations.js';
import { roleRoutes } from './roles.js';
import { userRoutes } from './users.js';

/** Every Management API route the mock emulates; anything else is a loud 501. */
export const logtoRoutes: readonly Route<LogtoRouteState>[] = [...userRoutes, ...roleRoutes, ...organizationRoutes];
