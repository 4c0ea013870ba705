import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

/** Runs the CLI in-process with captured streams. */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}, cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    isTty: false,
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
