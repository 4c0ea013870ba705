import type { Command } from 'commander';
import { getProvider } from '../../providers/registry.js';
import { contractJsonSchema } from '../../schema.js';
import type { CliIo } from '../io.js';

/** `hooksim schema <provider> [contract]`: JSON Schema of a wire contract. */
export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('print the JSON Schema of a provider wire contract (request or reply)')
    .argument('<provider>', 'dexie-cloud or logto')
    .argument('[contract]', 'contract name; omit to list them')
    .action((providerName: string, contract: string | undefined) => {
      const provider = getProvider(providerName);
      if (contract === undefined) {
        io.stdout(Object.keys(provider.contracts).join('\n') + '\n');
        return;
      }
      io.stdout(JSON.stringify(contractJsonSchema(provider.name, contract), null, 2) + '\n');
    });
}
