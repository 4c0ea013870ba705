// `npx tsx scripts/gen-provider-definitions.ts`: embeds each shipped provider YAML as a TS module.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embedDefinition, shippedDefinitions } from '../src/providers/declarative/embed.js';

for (const { yaml, module, exportName } of shippedDefinitions(fileURLToPath(new URL('..', import.meta.url)))) {
  const text = readFileSync(new URL(`../${yaml}`, import.meta.url), 'utf8');
  writeFileSync(new URL(`../${module}`, import.meta.url), embedDefinition(text, yaml, exportName));
  console.log(`wrote ${module}`);
}
