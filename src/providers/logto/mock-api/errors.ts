import type { ApiResponse } from '../../../mock-apis/types.js';

/**
 * Logto's error body (`RequestError.toBody`, packages/core/src/errors/RequestError/index.ts):
 * `code`, `data` and `details` when set, then the English `message`
 * (packages/phrases/src/locales/en/errors/*.ts).
 */
export function logtoError(status: number, code: string, message: string, extra: { data?: unknown; details?: string } = {}): ApiResponse {
  return {
    status,
    body: { code, ...(extra.data === undefined ? {} : { data: extra.data }), ...(extra.details === undefined ? {} : { details: extra.details }), message },
  };
}

/**
 * A row looked up with slonik's `pool.one` that is not there (users, organization relations):
 * koa-slonik-error-handler turns NotFoundError/DeletionError into `entity.not_found` 404.
 */
export const entityNotFound = (): ApiResponse => logtoError(404, 'entity.not_found', 'The resource does not exist.');

/**
 * A row looked up with `buildFindEntityById` (roles, scopes, organizations): `entity.not_exists_with_id`
 * 404, named after the table (`The roles with ID \`x\` does not exist.`).
 */
export const notExistsWithId = (table: string, id: string): ApiResponse =>
  logtoError(404, 'entity.not_exists_with_id', `The ${table} with ID \`${id}\` does not exist.`);

/** An insert whose foreign key points nowhere (organization relations with an unknown id): 422. */
export const foreignKeyNotFound = (): ApiResponse =>
  logtoError(422, 'entity.relation_foreign_key_not_found', 'Cannot find one or more foreign keys. Please check the input and ensure that all referenced entities exist.');
