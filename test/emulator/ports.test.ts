import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';

let busy: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (busy ? busy.close(() => resolve()) : resolve()));
  busy = undefined;
});
async function occupiedPort(): Promise<number> {
  busy = createServer();
  await new Promise<void>((resolve) => busy!.listen(0, '127.0.0.1', resolve));
  return (busy.address() as { port: number }).port;
}
const config = ['--config', 'test/emulator/fixtures/empty.config.json'];

describe('hooksim serve on a port that is taken', () => {
  it('a mock API port in use is one line naming the flags, exit 2', async () => {
    const port = await occupiedPort();
    const result = await cli(['serve', '--port', '0', '--logto-port', String(port), '--dexie-port', '0', ...config]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `hooksim: a mock API port is in use (address already in use 127.0.0.1:${port}): pick others with --logto-port / --dexie-port, or 0 for any\n` });
  });

  it('a control port in use is one line naming --port, exit 2', async () => {
    const port = await occupiedPort();
    const result = await cli(['serve', '--port', String(port), '--logto-port', '0', '--dexie-port', '0', ...config]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `hooksim: port ${port} is in use: pick another with --port, or 0 for any\n` });
  });

  it('a port that is not a number is a usage error before anything starts', async () => {
    expect(await cli(['serve', '--port', 'http', ...config])).toEqual({ code: 2, stdout: '', stderr: 'hooksim: --port expects a whole number >= 0, got "http"\n' });
  });
});
