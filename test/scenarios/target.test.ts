import { mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenarios/load.js';
import { scenarioTarget } from '../../src/scenarios/target.js';
import { describeScenarios } from '../../src/vitest/scenarios.js';

const dexieHook = (req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true,"action":"prod"}');
  });
};
const noTarget = parseScenario('name: no target\nprovider: dexie-cloud\nsteps:\n  - send: new-user\n', 'no-target.yaml');
const named = parseScenario('name: named\nprovider: dexie-cloud\ntarget: hook\nsteps:\n  - send: new-user\n', 'named.yaml');

describe('one target resolution for hooksim run and describeScenarios', () => {
  test("a file without target: uses the config's defaultTarget", () => {
    expect(scenarioTarget(noTarget, { config: { defaultTarget: 'hook', targets: { hook: dexieHook } } })).toBe(dexieHook);
  });

  test('without target: and without defaultTarget the error points at the file', () => {
    expect(() => scenarioTarget(noTarget, { config: {} })).toThrow(/no-target\.yaml:1:1.*no target/);
  });

  test('a named target not in the config names the known ones, with a suggestion', () => {
    expect(() => scenarioTarget(named, { config: { targets: { hoke: dexieHook } } })).toThrow(/unknown target "hook" \(did you mean "hoke"\?\)/);
  });

  test('--target (or describeScenarios target) replaces the file\'s own', () => {
    expect(scenarioTarget(named, { target: 'http://127.0.0.1:1/x', config: { targets: { hook: dexieHook } } })).toBe('http://127.0.0.1:1/x');
  });
});

// describeScenarios with a config whose defaultTarget is the only way to reach the hook: the
// declared test below passes only if describeScenarios honours defaultTarget.
const folder = mkdtempSync(join(tmpdir(), 'hooksim-describe-'));
writeFileSync(join(folder, 'default-target.yaml'), 'name: reaches the default target\nprovider: dexie-cloud\nsteps:\n  - send: new-user\n    expect: { status: 200, outcome: { action: prod } }\n');
describeScenarios(folder, { config: { defaultTarget: 'hook', targets: { hook: dexieHook } } });
