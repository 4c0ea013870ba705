import { describe, expect, test } from 'vitest';
import { ScenarioFileError } from '../../src/scenarios/errors.js';
import { parseScenario } from '../../src/scenarios/load.js';

/** Parses and returns the error's location and detail (fails the test when it parses). */
function failure(text: string) {
  try {
    parseScenario(text, 'story.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    const { location, detail, message } = error as ScenarioFileError;
    return { line: location.line, column: location.column, detail, message };
  }
  throw new Error('expected a ScenarioFileError');
}

const head = 'name: story\nprovider: dexie-cloud\ntarget: http://127.0.0.1:1/\n';

describe('malformed scenario files: file:line:column and what was expected', () => {
  test('a misspelt key suggests the nearest valid one, at the key itself', () => {
    const result = failure(`${head}steps:\n  - send: new-user\n    expect:\n      statuz: 200\n`);
    expect(result).toMatchObject({ line: 7, column: 7 });
    expect(result.detail).toMatch(/^unknown key "statuz" \(did you mean "status"\?\); expected one of: status, contract/);
    expect(result.message).toMatch(/^story\.yaml:7:7: /);
  });

  test('an unknown top-level key', () => {
    const result = failure(`${head}seeed: 4\nsteps:\n  - send: new-user\n`);
    expect(result).toMatchObject({ line: 4, column: 1 });
    expect(result.detail).toMatch(/unknown key "seeed" \(did you mean "seed"\?\)/);
  });

  test('a missing required key points at the object that lacks it', () => {
    const result = failure('name: story\nprovider: logto\n');
    expect(result.detail).toBe('missing required key "steps" (expected array)');
    expect(result.line).toBe(1);
  });

  test('a wrong type says what was expected and what was found', () => {
    const result = failure(`${head}seed: lots\nsteps:\n  - send: new-user\n`);
    expect(result).toMatchObject({ line: 4, column: 7 });
    expect(result.detail).toBe('seed: expected number, got string "lots"');
  });

  test('a bad enum value lists the allowed values and suggests one', () => {
    const result = failure(`${head}steps:\n  - send: new-user\n    expect:\n      contract: kep\n`);
    expect(result).toMatchObject({ line: 7, column: 17 });
    expect(result.detail).toMatch(/expected one of "kept", "broken", got string "kep" \(did you mean "kept"\?\)/);
  });

  test('a bad status expectation explains the three forms', () => {
    const result = failure(`${head}steps:\n  - send: new-user\n    expect:\n      status: two hundred\n`);
    expect(result).toMatchObject({ line: 7, column: 15 });
    expect(result.detail).toMatch(/expected a status code \(200\), a status class \("2xx"\) or a list of codes/);
  });

  test('an unknown provider suggests the nearest', () => {
    const result = failure('name: s\nprovider: dexie\nsteps:\n  - send: new-user\n');
    expect(result).toMatchObject({ line: 2, column: 11 });
    expect(result.detail).toMatch(/unknown provider "dexie" \(did you mean "dexie-cloud"\?\)/);
  });

  test('an unknown event suggests the nearest, at the event', () => {
    const result = failure('name: s\nprovider: logto\nsteps:\n  - send: PostRegister\n  - send: PostSignon\n');
    expect(result).toMatchObject({ line: 5, column: 11 });
    expect(result.detail).toMatch(/unknown logto event "PostSignon" \(did you mean "PostSignIn"\?\)/);
  });

  test('an unknown variant', () => {
    const result = failure('name: s\nprovider: logto\nsteps:\n  - send: User.Created\n    variant: experiance\n');
    expect(result.line).toBe(5);
    expect(result.detail).toMatch(/did you mean "experience"/);
  });

  test('an undeclared actor', () => {
    const result = failure('name: s\nprovider: logto\nactors:\n  alice: {}\nsteps:\n  - send: PostSignIn\n    actor: alcie\n');
    expect(result).toMatchObject({ line: 7, column: 12 });
    expect(result.detail).toMatch(/unknown actor "alcie" \(did you mean "alice"\?\)/);
  });

  test('a reference to a later or unknown step', () => {
    const text = 'name: s\nprovider: logto\nsteps:\n  - send: PostSignIn\n    set:\n      user.name: ${steps.later.reply.body.name}\n  - name: later\n    send: PostSignIn\n';
    const result = failure(text);
    expect(result.line).toBe(6);
    expect(result.detail).toMatch(/refers to step "later", which is not an earlier named step/);
  });

  test('a signature deviation on a provider that does not sign', () => {
    const result = failure(`${head}steps:\n  - send: new-user\n    deviate:\n      signature: tampered\n`);
    expect(result.line).toBe(7);
    expect(result.detail).toMatch(/dexie-cloud does not sign its requests/);
  });

  test('a malformed matcher and an invalid regular expression', () => {
    const bad = failure(`${head}steps:\n  - send: new-user\n    expect:\n      body:\n        action: { matches: "[", exist: true }\n`);
    expect(bad.detail).toMatch(/unknown key "exist" \(did you mean "exists"\?\)/);
    const regex = failure(`${head}steps:\n  - send: new-user\n    expect:\n      body:\n        action: { matches: "(" }\n`);
    expect(regex.line).toBe(8);
    expect(regex.detail).toMatch(/invalid regular expression/);
  });

  test('call and state expectations need a mockApi section', () => {
    const result = failure(`${head}steps:\n  - send: new-user\n    expect:\n      calls:\n        - { method: POST, path: /users }\n`);
    expect(result).toMatchObject({ line: 7, column: 7 });
    expect(result.detail).toBe('expect.calls and expect.state need a mockApi: section in the scenario');
    const bad = failure(`${head}mockApi: { serve: grpc }\nsteps:\n  - send: new-user\n`);
    expect(bad.detail).toMatch(/expected one of "msw", "http", got string "grpc"/);
  });

  test('YAML syntax errors carry their position', () => {
    const result = failure(`${head}steps:\n  - send: new-user\n    expect: { status: 200\n`);
    expect(result.line).toBeGreaterThanOrEqual(6);
    expect(result.detail).toMatch(/^invalid YAML: /);
  });

  test('duplicate keys are an error, not a silent override', () => {
    const result = failure(`${head}seed: 1\nseed: 2\nsteps:\n  - send: new-user\n`);
    expect(result.detail).toMatch(/invalid YAML: .*[Uu]nique/);
  });

  test('a duration that is not one', () => {
    const result = failure('name: s\nprovider: logto\nsteps:\n  - send: PostSignIn\n    after: two days\n');
    expect(result).toMatchObject({ line: 5, column: 12 });
    expect(result.detail).toMatch(/expected a duration/);
  });

  test('a file that is not a mapping', () => {
    expect(failure('- just\n- a list\n').detail).toMatch(/expected a scenario mapping with name, provider and steps, got a list/);
  });

  test('JSON files get positions too', () => {
    const result = failure('{\n  "name": "s",\n  "provider": "logto",\n  "steps": [\n    { "send": "PostSignIn", "expct": {} }\n  ]\n}\n');
    expect(result).toMatchObject({ line: 5, column: 29 });
    expect(result.detail).toMatch(/did you mean "expect"/);
  });

  test('scenario files are data: a YAML tag that would build code stays a plain string', () => {
    const loaded = parseScenario('name: !!js/function "function(){ return 1 }"\nprovider: logto\nsteps:\n  - send: PostSignIn\n', 'story.yaml');
    expect(loaded.spec.name).toBe('function(){ return 1 }');
  });
});

test('a valid file loads, with positions for its steps', () => {
  const loaded = parseScenario(`${head}steps:\n  - name: first\n    send: new-user\n`, 'story.yaml');
  expect(loaded.spec.steps[0]!.name).toBe('first');
  expect(loaded.locate(['steps', 0])).toEqual({ file: 'story.yaml', line: 5, column: 5 });
});

describe('every problem of a file, each where it is', () => {
  test('several schema errors are all shown, one line each, in file order', () => {
    try {
      parseScenario(`${head}seed: lots\nsteps:\n  - send: new-user\n    expect:\n      statuz: 200\n      contract: kep\n`, 'story.yaml');
      throw new Error('expected a ScenarioFileError');
    } catch (error) {
      const { problems, message } = error as ScenarioFileError;
      expect(problems.map((p) => `${p.location.line}:${p.location.column}`)).toEqual(['4:7', '8:7', '9:17']);
      expect(message.split('\n')).toEqual([
        'story.yaml:4:7: seed: expected number, got string "lots"',
        expect.stringMatching(/^story\.yaml:8:7: unknown key "statuz" \(did you mean "status"\?\)/),
        expect.stringMatching(/^story\.yaml:9:17: steps\.0\.expect\.contract: expected one of "kept", "broken", got string "kep" \(did you mean "kept"\?\)$/),
      ]);
    }
  });

  test('a misspelt required key is one problem at the key, not also a missing key at 1:1', () => {
    const result = failure(`${head}stepz:\n  - send: new-user\n`);
    expect(result.message).toBe('story.yaml:4:1: unknown key "stepz" (did you mean "steps"?); expected one of: name, description, provider, target, seed, start, options, actors, mockApi, steps');
  });

  test('an unknown key far from any known one still reports the missing key too', () => {
    const result = failure(`${head}zzz: 1\n`);
    expect(result.message.split('\n')).toEqual([
      'story.yaml:1:1: missing required key "steps" (expected array)',
      expect.stringMatching(/^story\.yaml:4:1: unknown key "zzz"; expected one of/),
    ]);
  });

  test('a matcher keyword in the wrong case or misspelt gets a suggestion; a literal object without matcher-like keys is fine', () => {
    const typo = failure(`${head}steps:\n  - send: new-user\n    expect:\n      body:\n        action: { oneof: [prod, eval] }\n`);
    expect(typo).toMatchObject({ line: 8, column: 19 });
    expect(typo.detail).toMatch(/^unknown matcher "oneof" \(did you mean "oneOf"\?\)/);
    const literal = parseScenario(`${head}steps:\n  - send: new-user\n    expect:\n      body:\n        userData: { plan: pro, seats: 3 }\n`, 'story.yaml');
    expect(literal.spec.steps[0]!.expect!.body).toEqual({ userData: { plan: 'pro', seats: 3 } });
  });

  test('__proto__ and constructor are refused where they are written, under expect.body and in paths', () => {
    const proto = failure(`${head}steps:\n  - send: new-user\n    expect:\n      body:\n        __proto__: { action: prod }\n`);
    expect(proto).toMatchObject({ line: 8, column: 9 });
    expect(proto.detail).toMatch(/^key "__proto__" is not allowed/);
    const path = failure(`${head}steps:\n  - send: new-user\n    expect:\n      body:\n        userData.constructor: 1\n`);
    expect(path).toMatchObject({ line: 8, column: 9 });
    expect(path.detail).toMatch(/^key "userData\.constructor" is not allowed: "constructor"/);
    // A key that only contains the word is an ordinary key.
    expect(parseScenario(`${head}steps:\n  - send: new-user\n    set:\n      user.constructorName: x\n`, 'story.yaml').spec.steps[0]!.set).toEqual({ 'user.constructorName': 'x' });
  });

  test('nesting deeper than 64 levels is one readable problem; 60 levels load', () => {
    const nest = (depth: number) => `${head}steps:\n  - send: new-user\n    set:\n      a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    expect(failure(nest(100)).detail).toBe('nested too deeply: a scenario file may nest at most 64 levels');
    expect(() => parseScenario(nest(58), 'story.yaml')).not.toThrow();
  });

  test('thousands of set: keys load and apply in linear time (20,000 took 191 s when each key copied the payload)', async () => {
    const { applyOverrides } = await import('../../src/core/json.js');
    const keys = Array.from({ length: 8_000 }, (_, i) => `      user.k${i}: ${i}\n`).join('');
    const loaded = parseScenario(`${head}steps:\n  - send: new-user\n    set:\n${keys}`, 'story.yaml');
    const set = loaded.spec.steps[0]!.set as Record<string, number>;
    const base = { user: { email: 'a@b.test' } };
    const payload = applyOverrides(base, set) as { user: Record<string, unknown> };
    expect(Object.keys(payload.user)).toHaveLength(8_001);
    expect(payload.user.k7999).toBe(7_999);
    expect(base).toEqual({ user: { email: 'a@b.test' } });
  });
});
