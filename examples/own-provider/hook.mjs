// The hook under test: checks Acme's `acme-signature: t=<seconds>,v1=<hex>` over `t.body`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

export function acmeHook(signingKey) {
  return createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parts = Object.fromEntries((req.headers['acme-signature'] ?? '').split(',').map((part) => part.split('=')));
      const expected = createHmac('sha256', signingKey).update(`${parts.t}.${body}`).digest('hex');
      const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) <= 300;
      const valid = fresh && typeof parts.v1 === 'string' && parts.v1.length === expected.length && timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
      res.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(valid ? { received: true } : { error: 'bad signature' }));
    });
  });
}
