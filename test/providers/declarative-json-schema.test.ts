import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { providerFileJsonSchema } from '../../src/providers/declarative/json-schema.js';
import { cli } from '../cli/helpers.js';

const root = resolve(import.meta.dirname, '../..');
const files = ['src/providers/enrollment/enrollment.provider.yaml', 'src/providers/standard-webhooks/standard-webhooks.provider.yaml', 'examples/own-provider/providers/acme.provider.yaml'];

describe('hooksim schema provider', () => {
  const schema = providerFileJsonSchema();
  const validator = z.fromJSONSchema(schema as never);

  it('prints the JSON Schema of provider files, every top-level key described', async () => {
    const { code, stdout } = await cli(['schema', 'provider']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(schema);
    const properties = schema.properties as Record<string, { description?: string }>;
    expect(Object.keys(properties)).toEqual(['hooksim', 'name', 'title', 'notes', 'options', 'actor', 'events', 'request', 'delivery', 'reply', 'repeats']);
    for (const [key, property] of Object.entries(properties)) expect({ key, described: Boolean(property.description) }).toEqual({ key, described: true });
    expect(schema.$comment).toContain('internet.email');
  });

  it.each(files)('%s validates against it (what an editor sees)', (file) => {
    expect(validator.safeParse(parse(readFileSync(resolve(root, file), 'utf8'))).success).toBe(true);
  });

  it('a misspelt key does not', () => {
    const data = parse(readFileSync(resolve(root, files[2]!), 'utf8')) as Record<string, unknown>;
    expect(validator.safeParse({ ...data, titel: 'x' }).success).toBe(false);
  });
});
