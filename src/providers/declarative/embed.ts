import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The TypeScript module that carries a shipped provider file as data, so the package needs no
 * YAML at run time and the build needs no copy step. `scripts/gen-provider-definitions.ts`
 * writes it; a test fails when it no longer matches the YAML.
 */
export function embedDefinition(yamlText: string, yamlFile: string, exportName: string): string {
  const data: unknown = parse(yamlText);
  return [
    `// Generated from ${yamlFile} by \`npx tsx scripts/gen-provider-definitions.ts\`. Do not edit by hand: edit the YAML.`,
    '',
    `/** The provider file ${yamlFile}, as data. */`,
    `export const ${exportName}: unknown = ${JSON.stringify(data, null, 2)};`,
    '',
  ].join('\n');
}

/** `standard-webhooks` → `standardWebhooksDefinition`. */
export function definitionExportName(providerFolder: string): string {
  const [first, ...rest] = providerFolder.split('-');
  return `${first}${rest.map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}Definition`;
}

/**
 * Shipped provider files, found by name: `src/providers/<name>/<name>.provider.yaml`, embedded as
 * `src/providers/<name>/definition.generated.ts` (adding a shipped provider edits no list).
 */
export function shippedDefinitions(root: string): { yaml: string; module: string; exportName: string }[] {
  return readdirSync(join(root, 'src/providers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'src/providers', entry.name, `${entry.name}.provider.yaml`)))
    .map((entry) => ({
      yaml: `src/providers/${entry.name}/${entry.name}.provider.yaml`,
      module: `src/providers/${entry.name}/definition.generated.ts`,
      exportName: definitionExportName(entry.name),
    }));
}
