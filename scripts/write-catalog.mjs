// Writes dist/providers/catalog.json from the compiled providers (see src/providers/catalog.ts):
// `hooksim list` then reads names and summaries without loading any provider code.
import { writeFileSync } from 'node:fs';

const { providers } = await import('../dist/providers/registry.js');
const { catalogOf } = await import('../dist/providers/catalog.js');
writeFileSync(new URL('../dist/providers/catalog.json', import.meta.url), JSON.stringify(catalogOf(providers)) + '\n');
