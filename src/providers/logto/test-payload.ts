import type { JsonObject } from '../../core/json.js';
import { logtoEventSpecs } from './events/index.js';
import { hasLogto143Fields, type LogtoVersion } from './versions.js';

/**
 * The fixed fake payloads of the Console's "Send test payload" (`generateHookTestPayload`,
 * packages/core/src/libraries/hook/utils.ts): `hookId` comes second, there is no
 * `interactionEvent`, and the values are Logto's own fakes.
 */
export function logtoTestPayload(event: string, hookId: string, now: number, version: LogtoVersion = '1.42'): JsonObject {
  const createdAt = new Date(now).toISOString();
  const interaction = logtoEventSpecs.find((spec) => spec.name === event)?.family === 'interaction';
  if (!interaction) {
    return {
      event,
      hookId,
      createdAt,
      userAgent: 'fake-user-agent',
      path: '/fake-path/:id',
      method: 'POST',
      status: 200,
      params: { id: 'fake-id' },
      data: { result: 'success' },
    };
  }
  return {
    event,
    hookId,
    createdAt,
    userAgent: 'fake-user-agent',
    sessionId: 'fake-session-id',
    userIp: 'fake-user-ip',
    userId: 'fake-id',
    user: {
      id: 'fake-id',
      username: 'fake-user',
      primaryEmail: 'fake-user@fake-service.com',
      primaryPhone: '1234567890',
      name: 'Fake User',
      avatar: 'https://fake-service.com/avatars/fake-user.png',
      customData: { theme: 'light' },
      identities: { google: { userId: 'fake-google-user-id' } },
      profile: {},
      applicationId: 'fake-application-id',
      // Newer Logto adds the 1.43 column to its fake user.
      ...(hasLogto143Fields(version) ? { cimdClientId: null } : {}),
      isSuspended: false,
      lastSignInAt: now,
      createdAt: now,
      updatedAt: now,
    },
    application: { id: 'fake-spa-application-id', type: 'SPA', name: 'Fake Application', description: 'Fake application data for testing' },
  };
}

/** What `POST /api/hooks/:id/test` answers the Console. */
export type LogtoTestHookResponse =
  | { status: 204 }
  | { status: 422; body: { code: 'hook.endpoint_responded_with_error'; data: { responseStatus: number; responseBody: string }; message: string } }
  | { status: 422; body: { code: 'hook.send_test_payload_failed'; message: string } };

/** The English phrases of these errors (packages/phrases/src/locales/en/errors/hook.ts). */
export const LOGTO_HOOK_PHRASES = {
  endpointRespondedWithError: 'Endpoint responded with error.',
  sendTestPayloadFailed: (message: string) => `Failed to send test payload: ${message}`,
} as const;

/**
 * `String(error)` of what ky 1.2.3 throws when no reply comes: `TimeoutError: Request timed out`
 * for a timeout, fetch's `TypeError: fetch failed` for anything else.
 */
export function kyErrorString(error: { kind: string } | string): string {
  if (typeof error === 'string') return error;
  return error.kind === 'timeout' ? 'TimeoutError: Request timed out' : 'TypeError: fetch failed';
}

/**
 * Logto's verdict over the replies to the test payloads (one per event, sent concurrently; no log
 * rows). Errors are `RequestError` bodies (`toBody`: `{ ...pick(error, 'code', 'data', 'details'), message }`,
 * so the keys come as code, data, message) with Logto's English phrases.
 */
export function testHookVerdict(replies: readonly ({ status: number; body: string } | { error: { kind: string } | string })[]): LogtoTestHookResponse {
  for (const reply of replies) {
    if ('error' in reply) {
      return { status: 422, body: { code: 'hook.send_test_payload_failed', message: LOGTO_HOOK_PHRASES.sendTestPayloadFailed(kyErrorString(reply.error)) } };
    }
    if (reply.status < 200 || reply.status > 299) {
      return {
        status: 422,
        body: { code: 'hook.endpoint_responded_with_error', data: { responseStatus: reply.status, responseBody: reply.body }, message: LOGTO_HOOK_PHRASES.endpointRespondedWithError },
      };
    }
  }
  return { status: 204 };
}
