/**
 * Serves the example hooks on 127.0.0.1 so the CLI can reach them by URL:
 * `npx tsx examples/serve.ts` (port from PORT, default 3000), then in another shell
 * `npx hooksim send dexie-cloud new-user --to http://127.0.0.1:3000/dexie`.
 */
import express from 'express';
import { createDexieDomainHook, demoDomainConfig } from './dexie-cloud/domain-hook.js';
import { createLogtoSignedHook } from './logto/signed-hook.js';

const port = Number(process.env.PORT ?? 3000);
const signingKey = process.env.HOOKSIM_SIGNING_KEY ?? 'hooksimDemoSigningKey0123456789ab';
const app = express();
app.use('/dexie', createDexieDomainHook(demoDomainConfig));
app.use('/logto', createLogtoSignedHook({ signingKey }).app);
const server = app.listen(port, '127.0.0.1', () => {
  console.log(`example hooks on http://127.0.0.1:${port}/dexie and /logto (Ctrl-C to stop)`);
});
process.on('SIGINT', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
