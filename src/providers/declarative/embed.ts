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

/** Shipped provider files: YAML source → generated module → export name. */
export const shippedDefinitions = [
  { yaml: 'src/providers/enrollment/enrollment.provider.yaml', module: 'src/providers/enrollment/definition.generated.ts', exportName: 'enrollmentDefinition' },
  { yaml: 'src/providers/standard-webhooks/standard-webhooks.provider.yaml', module: 'src/providers/standard-webhooks/definition.generated.ts', exportName: 'standardWebhooksDefinition' },
] as const;
