import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { send } from '../../src/send.js';

const replying = (body: string, type = 'application/json') => (req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', type);
    res.end(body);
  });
};

describe('send() gives request and reply bodies parsed, beside their exact text', () => {
  test('request.json is the payload; response.json the reply', async () => {
    const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: replying('{"ok":true,"action":"eval"}'), seed: 2 });
    expect(result.request.json).toEqual(JSON.parse(result.request.body));
    expect(result.request.json).toHaveProperty('userId');
    expect(result.response?.json).toEqual({ ok: true, action: 'eval' });
  });

  test('a reply that is not JSON has no json, and keeps its text', async () => {
    const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: replying('not json', 'text/plain'), seed: 2 });
    expect(result.response?.body).toBe('not json');
    expect(result.response).not.toHaveProperty('json');
  });

  test('an empty reply has no json', async () => {
    const result = await send({ provider: 'logto', event: 'PostRegister', target: replying(''), seed: 2 });
    expect(result.response?.body).toBe('');
    expect(result.response).not.toHaveProperty('json');
  });
});
