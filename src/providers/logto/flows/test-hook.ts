import { buildLogtoRequest } from '../request.js';
import { logtoOptionsSchema } from '../options.js';
import { logtoTestPayload, testHookVerdict, type LogtoTestHookResponse } from '../test-payload.js';
import type { LogtoVersion } from '../versions.js';
import type { WireRequest } from '../../../core/types.js';
import { redact } from '../../../core/redact.js';
import { transportFor, type Target } from '../../../transports/target.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../../../transports/types.js';

/**
 * The Console's "Send test payload" (`POST /api/hooks/:id/test`): one fake payload per event,
 * all sent concurrently with the hook's stored key and the form's headers, a single attempt
 * each, no log rows; the answer is 204 or a 422 with the endpoint's status and body.
 */
export async function sendLogtoTestPayloads(input: {
  target: Target;
  events: string[];
  hookId: string;
  signingKey?: string;
  headers?: Record<string, string>;
  version?: LogtoVersion;
  now?: number;
  timeoutMs?: number;
}): Promise<{ response: LogtoTestHookResponse; requests: WireRequest[] }> {
  const now = input.now ?? Date.now();
  const options = logtoOptionsSchema.parse({ signingKey: input.signingKey ?? '', headers: input.headers ?? {}, version: input.version ?? '1.42', ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}) });
  const events = [...new Set(input.events)];
  const requests = events.map((event) => buildLogtoRequest(logtoTestPayload(event, input.hookId, now, options.version), options));
  const transport = transportFor(input.target);
  try {
    const attempts = await Promise.all(requests.map((request) => transport.send(request, { timeoutMs: options.timeoutMs, maxReplyBytes: DEFAULT_MAX_REPLY_BYTES })));
    // Without a reply, Logto's message is `String(error)` of ky's error: the kind decides it.
    const replies = attempts.map((attempt) => (attempt.reply ? { status: attempt.reply.status, body: attempt.reply.body } : { error: attempt.error ?? { kind: 'network' } }));
    return { response: testHookVerdict(replies), requests: redact(requests, [options.signingKey]) };
  } finally {
    if (transport !== input.target) await transport.close();
  }
}
