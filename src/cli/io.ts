/** Where the CLI writes and what it reads from its environment: injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (live progress, colour). */
  isTty: boolean;
  cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}

/** Exit codes: the contract with CI. */
export const EXIT = {
  /** Every hook kept its contract / every scenario passed. */
  pass: 0,
  /** A hook broke its contract, could not be reached, or a scenario failed. */
  fail: 1,
  /** Usage or configuration error. */
  usage: 2,
} as const;
