import { describe, expect, test } from 'vitest';
// @logto/phrases (a dependency of the @logto/schemas oracle): Logto's own English texts.
import phrasesHook from '../vendor/logto/node_modules/@logto/phrases/lib/locales/en/errors/hook.js';
import { LOGTO_HOOK_PHRASES, kyErrorString, testHookVerdict } from '../../src/providers/logto/test-payload.js';

/** Test-hook answers (issue 10, item 11): RequestError bodies, keys code, data, message; Logto's phrases. */

const phrases = phrasesHook as unknown as Record<string, string>;

describe('the 422 answers of POST /api/hooks/:id/test', () => {
  test("the phrases are @logto/phrases' English texts", () => {
    expect(LOGTO_HOOK_PHRASES.endpointRespondedWithError).toBe(phrases.endpoint_responded_with_error);
    expect(LOGTO_HOOK_PHRASES.sendTestPayloadFailed('X')).toBe(phrases.send_test_payload_failed!.replace('{{message}}', 'X'));
  });

  test('endpoint_responded_with_error: code, data {responseStatus, responseBody}, message, in that order', () => {
    const answer = testHookVerdict([{ status: 200, body: '' }, { status: 503, body: 'maintenance' }]);
    expect(JSON.stringify(answer)).toBe(
      '{"status":422,"body":{"code":"hook.endpoint_responded_with_error","data":{"responseStatus":503,"responseBody":"maintenance"},"message":"Endpoint responded with error."}}',
    );
  });

  test("send_test_payload_failed: code, message with String(error) of ky's error, no data", () => {
    expect(testHookVerdict([{ error: { kind: 'timeout' } }])).toEqual({ status: 422, body: { code: 'hook.send_test_payload_failed', message: 'Failed to send test payload: TimeoutError: Request timed out' } });
    const refused = testHookVerdict([{ error: { kind: 'connection-refused' } }]);
    expect(JSON.stringify(refused)).toBe('{"status":422,"body":{"code":"hook.send_test_payload_failed","message":"Failed to send test payload: TypeError: fetch failed"}}');
  });

  test('204 when every reply is 2xx; the first failure in event order decides otherwise', () => {
    expect(testHookVerdict([{ status: 204, body: '' }, { status: 299, body: '' }])).toEqual({ status: 204 });
    expect(testHookVerdict([{ status: 404, body: 'a' }, { error: { kind: 'timeout' } }])).toMatchObject({ body: { code: 'hook.endpoint_responded_with_error' } });
  });

  test('kyErrorString: timeouts and everything else', () => {
    expect(kyErrorString({ kind: 'timeout' })).toBe('TimeoutError: Request timed out');
    expect(kyErrorString({ kind: 'dns' })).toBe('TypeError: fetch failed');
    expect(kyErrorString('as given')).toBe('as given');
  });
});
