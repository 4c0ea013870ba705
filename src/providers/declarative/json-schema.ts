import { z } from 'zod';
import { fakeNames } from './fakes.js';
import { providerFileSchema } from './schema.js';

/**
 * The JSON Schema of provider files (`hooksim schema provider`), for editor completion:
 * `# yaml-language-server: $schema=provider.schema.json` on a provider file's first line.
 */
export function providerFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(providerFileSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  schema.$comment = `hooksim provider file (provider/v1). Generators for { fake: ... }: ${fakeNames.join(', ')}.`;
  return schema;
}
