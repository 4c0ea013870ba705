// `npm run gen:types`: writes each built-in provider's event-types.generated.ts.
import { writeFileSync } from 'node:fs';
import { providers } from '../src/providers/registry.js';
import { eventTypesPath, renderEventTypes } from './event-types.js';

for (const provider of providers) {
  const path = eventTypesPath(provider.name);
  writeFileSync(new URL(`../${path}`, import.meta.url), renderEventTypes(provider.name, provider.events));
  console.log(`wrote ${path}`);
}
