// Commands a provider adds (`Provider.commands`: Logto's test-hook) reach the CLI through the
// providers' catalog, which the build writes as JSON: module paths in it are relative, so the
// shipped package finds them wherever it is installed, and `hooksim --help` loads no provider.
import { describe, expect, it } from 'vitest';
import { catalogOf, commandModuleUrl } from '../../src/providers/catalog.js';
import { logto } from '../../src/providers/logto/index.js';
import { cli } from './helpers.js';

describe('provider commands', () => {
  it('the catalog keeps a command module relative to providers/ and resolves it back', () => {
    const [entry] = catalogOf([logto]);
    expect(entry!.commands).toEqual([{ name: 'test-hook', module: 'logto/cli/test-hook.js' }]);
    expect(commandModuleUrl(entry!.commands![0]!)).toBe(logto.commands![0]!.module);
  });

  it('hooksim --help lists the command the provider adds, and it runs', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toMatch(/^ {2}test-hook \[options\] <events\.\.\.> /m);
    const refused = await cli(['test-hook', 'PostRegister']);
    expect(refused).toMatchObject({ code: 2, stderr: 'hooksim: test-hook needs --to <url>: the hook to call\n' });
  });
});
