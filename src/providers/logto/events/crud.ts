import type { JsonObject } from '../../../core/json.js';
import { managementApiPayload } from './context.js';
import { entitiesFor } from './entities.js';
import type { LogtoEventInput, LogtoEventSpec } from './types.js';

type Entities = ReturnType<typeof entitiesFor>;

/** A Management API entity whose create/delete/update routes are registered for data hooks. */
export interface CrudEntity {
  /** Event prefix: `Role`, `Scope`, `Organization`, `OrganizationRole`, `OrganizationScope`. */
  prefix: string;
  /** What it is, for summaries. */
  noun: string;
  /** Collection route, e.g. `/roles` or `/resources/:resourceId/scopes`. */
  collection: string;
  /** The id param of the item route (`id`, `scopeId`). */
  idParam: string;
  /** Status of the create route. */
  createStatus: number;
  /** Draws a row. */
  make(entities: Entities): JsonObject;
  /** Params of the collection route (e.g. `{ resourceId }`). */
  collectionParams?(row: JsonObject): Record<string, string>;
}

/**
 * `<Prefix>.Created`, `.Deleted`, `.Data.Updated` for an entity whose routes Logto registers in
 * `managementApiHooksRegistration`: `data` is the route's response body (none on DELETE).
 */
export function crudEvents(entity: CrudEntity): LogtoEventSpec[] {
  const rowFor = (input: LogtoEventInput) => entity.make(entitiesFor(input.seed, input.now, input.options));
  const itemRoute = `${entity.collection}/:${entity.idParam}`;
  const params = (row: JsonObject) => ({ ...(entity.collectionParams?.(row) ?? {}), [entity.idParam]: String(row.id) });
  return [
    {
      name: `${entity.prefix}.Created`,
      family: 'data',
      summary: `${entity.noun} was created`,
      variants: [{ name: 'management-api', summary: `POST /api${entity.collection} (status ${entity.createStatus}; data = the new row)` }],
      build(input) {
        const row = rowFor(input);
        const route = { method: 'POST', matchedRoute: entity.collection, params: entity.collectionParams?.(row) ?? {}, status: entity.createStatus } as const;
        return { actor: input.actor, payload: managementApiPayload(`${entity.prefix}.Created`, input, route, row) };
      },
    },
    {
      name: `${entity.prefix}.Deleted`,
      family: 'data',
      summary: `${entity.noun} was deleted`,
      variants: [{ name: 'management-api', summary: `DELETE /api${itemRoute} (status 204; no data)` }],
      build(input) {
        const row = rowFor(input);
        const route = { method: 'DELETE', matchedRoute: itemRoute, params: params(row), status: 204 } as const;
        return { actor: input.actor, payload: managementApiPayload(`${entity.prefix}.Deleted`, input, route) };
      },
    },
    {
      name: `${entity.prefix}.Data.Updated`,
      family: 'data',
      summary: `${entity.noun}'s data changed`,
      variants: [{ name: 'management-api', summary: `PATCH /api${itemRoute} (data = the updated row)` }],
      build(input) {
        const row = Object.assign(rowFor(input), { description: 'Updated through the Management API' });
        const route = { method: 'PATCH', matchedRoute: itemRoute, params: params(row), status: 200 } as const;
        return { actor: input.actor, payload: managementApiPayload(`${entity.prefix}.Data.Updated`, input, route, row) };
      },
    },
  ];
}
