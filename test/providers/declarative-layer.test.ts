import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenarios/load.js';
import { scenarioJsonSchema } from '../../src/schema.js';

/** `mockApi:` keys that belong to one provider come from that provider, and are checked against it. */
function loadError(text: string): string {
  try {
    parseScenario(text, 's.yaml');
  } catch (error) {
    return (error as Error).message;
  }
  return 'loaded';
}

const scenario = (provider: string, send: string, mockApi: string) => `name: x\nprovider: ${provider}\nmockApi:\n${mockApi}\nsteps:\n  - send: ${send}\n`;

describe("a provider's own mockApi keys", () => {
  it('Logto reads roles, scopes and emitDataEvents', () => {
    expect(loadError(scenario('logto', 'PostRegister', '  serve: msw\n  roles: [{ name: member }]\n  emitDataEvents: true'))).toBe('loaded');
  });

  it('a misspelt one is an unknown key with the nearest suggested, where it is written', () => {
    expect(loadError(scenario('logto', 'PostRegister', '  serve: msw\n  role: [{ name: member }]'))).toBe(
      's.yaml:5:3: unknown key "role" (did you mean "roles"?); expected one of: serve, baseUrl, port, roles, scopes, emitDataEvents',
    );
  });

  it("a provider's key has its provider's type", () => {
    expect(loadError(scenario('logto', 'PostRegister', '  emitDataEvents: yes'))).toBe('s.yaml:4:19: mockApi.emitDataEvents: expected boolean, got string "yes"');
  });

  it("Dexie scenarios no longer accept (and ignore) Logto's keys", () => {
    expect(loadError(scenario('dexie-cloud', 'new-user', '  serve: http\n  roles: [{ name: member }]'))).toBe('s.yaml:5:3: unknown key "roles"; expected one of: serve, baseUrl, port');
  });

  it('a provider without a mock API says so at load time', () => {
    expect(loadError(scenario('enrollment', 'enrollment', '  serve: http'))).toBe('s.yaml:4:3: enrollment has no mock API: remove mockApi: (hooksim plays the APIs of dexie-cloud, logto)');
  });

  it("the JSON Schema gives each provider's keys, described, in its branch", () => {
    const branches = scenarioJsonSchema().allOf as { if: { properties: { provider: { const: string } } }; then: { properties: { mockApi?: { properties: Record<string, { description?: string }> } } } }[];
    const logto = branches.find((branch) => branch.if.properties.provider.const === 'logto')!;
    expect(Object.keys(logto.then.properties.mockApi!.properties)).toEqual(['roles', 'scopes', 'emitDataEvents']);
    expect(logto.then.properties.mockApi!.properties.roles!.description).toBe('Logto roles the tenant starts with.');
    expect(branches.find((branch) => branch.if.properties.provider.const === 'dexie-cloud')!.then.properties.mockApi).toBeUndefined();
  });
});

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
