import { describe, expect, it } from 'vitest';
import { isUsageError } from '../../src/core/errors.js';
import { loadProviderFile, parseProviderFile } from '../../src/providers/declarative/load.js';

const VALID = `hooksim: provider/v1
name: acme
title: Acme
actor:
  email: { fake: internet.email }
events:
  - name: ping
    summary: A ping
    payload:
      email: \${actor.email}
`;

function problems(text: string): string {
  try {
    parseProviderFile(text, 'acme.yaml');
  } catch (error) {
    expect(isUsageError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('provider files: each problem once, at file:line:column, with what was expected', () => {
  it('a valid file loads', () => {
    expect(parseProviderFile(VALID, 'acme.yaml').name).toBe('acme');
  });

  it('an integer-like key written first keeps its place', () => {
    const provider = parseProviderFile(VALID.replace('      email: ${actor.email}', '      "7": seven\n      email: ${actor.email}'), 'acme.yaml');
    expect(Object.keys(provider.buildEvent('ping', { seed: 1, now: 0, variant: 'default', options: { timeoutMs: 1 } }).payload)).toEqual(['7', 'email']);
  });

  it.each([
    ['a misspelt top-level key', VALID.replace('title:', 'titel:'), /^acme\.yaml:3:1: unknown key "titel" \(did you mean "title"\?\); expected one of: hooksim, name, title, notes, options, actor, events, request, delivery, reply, repeats$/],
    ['a missing version line', VALID.replace('hooksim: provider/v1\n', ''), /^acme\.yaml:1:1: missing required key "hooksim" \(expected "provider\/v1"\)$/],
    ['an unknown generator', VALID.replace('internet.email', 'internet.emial'), /^acme\.yaml:5:18: unknown generator "internet.emial" \(did you mean "internet.email"\?\)/],
    ['a misspelt actor reference', VALID.replace('${actor.email}', '${actor.emial}'), /^acme\.yaml:10:14: \$\{actor.emial\}: the actor has no field "emial" \(did you mean "email"\?\)/],
    ['an unknown reference root', VALID.replace('${actor.email}', '${actr.email}'), /^acme\.yaml:10:14: unknown reference \$\{actr.email\} \(did you mean "actor"\?\)/],
    ['an unknown signing scheme', `${VALID}request:\n  signing: { scheme: hmac }\n`, /^acme\.yaml:12:22: request\.signing\.scheme: expected one of hmac-sha256-hex, standard-webhooks, stripe, none, got string "hmac"/],
    ['a retry rule with both kinds', `${VALID}delivery:\n  retry: { delaysMs: [1], exponential: { firstMs: 1, retries: 1 } }\n`, /^acme\.yaml:12:10: delivery\.retry: expected exactly one of delaysMs or exponential/],
    ['a time format that does not exist', VALID.replace('${actor.email}', '{ time: unix }'), /^acme\.yaml:10:22: expected one of iso, epoch-ms, epoch-s, got "unix"/],
    ['a JSON Schema that cannot be compiled', `${VALID}reply:\n  body:\n    jsonSchema: { $ref: '#/nowhere' }\n`, /^acme\.yaml:13:17: not a JSON Schema hooksim can check/],
    ['the same event twice', VALID.replace('events:\n', 'events:\n  - { name: ping, summary: again, payload: {} }\n'), /^acme\.yaml:8:11: event "ping" is declared twice/],
    ['a repeat outcome no action gives', `${VALID}reply:\n  actions:\n    - { outcome: done }\nrepeats: { outcome: dnoe }\n`, /^acme\.yaml:14:21: "dnoe" is not an outcome of reply\.actions \(did you mean "done"\?\); outcomes: done$/],
    ['a repeat variant no event has', `${VALID}reply:\n  actions:\n    - { outcome: done }\nrepeats: { outcome: done, variants: [again] }\n`, /^acme\.yaml:14:38: no event has a variant "again"$/],
    ['an option default outside its enum', VALID.replace('actor:', 'options:\n  region: { type: string, enum: [eu, us], default: mars }\nactor:'), /^acme\.yaml:5:52: the default string "mars" is not one of enum: "eu", "us"$/],
    ['an enum value of another type', VALID.replace('actor:', 'options:\n  level: { type: number, enum: [1, two] }\nactor:'), /^acme\.yaml:5:36: expected number values in enum, got string "two"$/],
    ['an integer-like key after others (it would be sent first)', VALID.replace('      email: ${actor.email}', '      email: ${actor.email}\n      "2024": leap'), /^acme\.yaml:11:7: key "2024" cannot be sent where it is written: JavaScript puts integer-like keys before the others; write it first in its mapping$/],
    ['a list instead of a mapping', '- a\n- b\n', /^acme\.yaml:1:1: expected a provider mapping/],
    ['invalid YAML', 'name: [acme\n', /^acme\.yaml:\d+:\d+: invalid YAML/],
  ])('%s', (_name, text, line) => {
    expect(problems(text)).toMatch(line);
  });

  it('reports several problems, in file order, one line each', () => {
    const message = problems(VALID.replace('title:', 'titel:').replace('internet.email', 'nope'));
    expect(message.split('\n')).toHaveLength(1);
    // Schema problems come first: the templates are checked once the shape is right.
    expect(message).toMatch(/unknown key "titel"/);
    const second = problems(VALID.replace('internet.email', 'nope').replace('${actor.email}', '${actor.nope}'));
    expect(second.split('\n')).toEqual([expect.stringMatching(/^acme\.yaml:5:18: unknown generator "nope"/), expect.stringMatching(/^acme\.yaml:10:14: \$\{actor\.nope\}/)]);
  });
});

describe('provider files on disk', () => {
  it('a missing file, a folder: one line each, never a stack trace', async () => {
    await expect(loadProviderFile('/nonexistent/acme.yaml', 'acme.yaml')).rejects.toThrow('acme.yaml:1:1: cannot read provider file: ENOENT');
    await expect(loadProviderFile(import.meta.dirname, 'providers/')).rejects.toThrow('providers/:1:1: not a regular file: a provider file is a YAML or JSON file');
  });

  it('JSON works as well as YAML, and the source path is kept for reloading', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'hooksim-provider-'));
    const file = join(dir, 'acme.json');
    writeFileSync(file, JSON.stringify({ hooksim: 'provider/v1', name: 'acme', title: 'Acme', events: [{ name: 'ping', summary: 'A ping', payload: { at: '${now.iso}' } }] }));
    const provider = await loadProviderFile(file);
    expect(provider.source).toBe(file);
    expect(provider.buildEvent('ping', { seed: 1, now: 0, variant: 'default', options: { timeoutMs: 1 } }).payload).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });
});
