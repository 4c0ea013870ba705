import type { ApiResponse } from '../types.js';

/** Logto's error body (`RequestError`): `{ message, code, data? }`. */
export function logtoError(status: number, code: string, message: string, data?: unknown): ApiResponse {
  return { status, body: { message, code, ...(data === undefined ? {} : { data }) } };
}

/** `entity.not_exists_with_id` (404), as Logto words it. */
export function notFound(entity: string, id: string): ApiResponse {
  return logtoError(404, 'entity.not_exists_with_id', `The ${entity} with ID \`${id}\` does not exist.`);
}

/** A request body that does not match the route's guard (400). */
export function invalidInput(details: string): ApiResponse {
  return logtoError(400, 'guard.invalid_input', `The request input is invalid. ${details}`);
}
