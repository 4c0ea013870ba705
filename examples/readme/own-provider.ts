import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect, test } from 'vitest';
import { loadProviderFile, send } from 'hooksim';
// @ts-expect-error: the example hook is plain JavaScript
import { acmeHook } from '../own-provider/hook.mjs';

const server = acmeHook('whsec_test'); // your app; here its request handler is called in-process
const app = (req: IncomingMessage, res: ServerResponse) => server.emit('request', req, res);

test('a provider file, loaded in a test', async () => {
  const acme = await loadProviderFile('examples/own-provider/providers/acme.provider.yaml'); // from the working directory
  const result = await send({ provider: acme, event: 'invoice.paid', target: app, signingKey: 'whsec_test' });
  expect(result.outcome).toEqual({ delivered: true, result: 'invoice marked paid', status: 200, attempts: 1 });

  const unsigned = await send({ provider: acme, event: 'invoice.paid', target: app });
  expect(unsigned.outcome).toMatchObject({ delivered: false, result: 'Acme retries later', status: 401 });
});
