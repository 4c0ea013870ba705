import { describe, expect, it } from 'vitest';

describe('flags a provider gives meaning to', () => {
  it('--retries and --header set the options that declare them (Logto), and apply to no other provider', async () => {
    const { cli } = await import('../cli/helpers.js');
    const logto = await cli(['show', 'logto', 'PostRegister', '--header', 'x-tenant: acme', '--json']);
    expect(logto.code).toBe(0);
    expect(JSON.parse(logto.stdout).request.headers['x-tenant']).toBe('acme');
    const enrollment = await cli(['show', 'enrollment', 'enrollment', '--retries', '5xx-retry-3']);
    expect([enrollment.code, enrollment.stderr]).toEqual([2, 'hooksim: --retries does not apply to enrollment\n']);
  });
});
