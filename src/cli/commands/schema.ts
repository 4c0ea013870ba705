import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { commandHelp } from './help.js';

/** `hooksim schema <provider> [contract]`: JSON Schema of a wire contract. */
export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('print the JSON Schema of a provider wire contract, or of scenario files (`schema scenario`)')
    .argument('<provider>', 'a provider name, scenario (the scenario file format) or provider (the provider file format)')
    .argument('[contract]', 'contract name; omit to list them')
    .addHelpText(
      'after',
      commandHelp(['hooksim schema scenario > scenarios/hooksim.schema.json', 'hooksim schema provider > provider.schema.json', 'hooksim schema dexie-cloud'], 'the schema was printed'),
    )
    .action(async (providerName: string, contract: string | undefined) => {
      const { contractJsonSchema, scenarioJsonSchema } = await import('../../schema.js');
      if (providerName === 'provider') {
        const { providerFileJsonSchema } = await import('../../providers/declarative/json-schema.js');
        io.stdout(JSON.stringify(providerFileJsonSchema(), null, 2) + '\n');
        return;
      }
      if (providerName === 'scenario') {
        io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
        return;
      }
      const { getProvider } = await import('../../providers/registry.js');
      const provider = getProvider(providerName);
      if (contract === undefined) {
        io.stdout(Object.keys(provider.contracts).join('\n') + '\n');
        return;
      }
      io.stdout(JSON.stringify(contractJsonSchema(provider.name, contract), null, 2) + '\n');
    });
}
