import type { Command } from 'commander';
import { getProvider } from '../../providers/registry.js';
import { contractJsonSchema, scenarioJsonSchema } from '../../schema.js';
import type { CliIo } from '../io.js';

/** `hooksim schema <provider> [contract]`: JSON Schema of a wire contract. */
export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('print the JSON Schema of a provider wire contract, or of scenario files (`schema scenario`)')
    .argument('<provider>', 'dexie-cloud, logto, or scenario (the scenario file format)')
    .argument('[contract]', 'contract name; omit to list them')
    .action((providerName: string, contract: string | undefined) => {
      if (providerName === 'scenario') {
        io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
        return;
      }
      const provider = getProvider(providerName);
      if (contract === undefined) {
        io.stdout(Object.keys(provider.contracts).join('\n') + '\n');
        return;
      }
      io.stdout(JSON.stringify(contractJsonSchema(provider.name, contract), null, 2) + '\n');
    });
}
