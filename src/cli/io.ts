/** Where the CLI writes and what it reads from its environment: injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (live progress, colour). */
  isTty: boolean;
  cwd: string;
  /**
   * Calls `listener` on Ctrl-C (SIGINT) until the returned function is called. Without it (a
   * test's fake io), a run cannot be interrupted. The real one exits at once on a second Ctrl-C.
   */
  onInterrupt?: (listener: () => void) => () => void;
}

/**
 * Output that stops quietly when its reader goes away (`hooksim show ... | head -c 0`): the
 * command goes on and exits with its own code, without an EPIPE stack trace.
 */
function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  // EPIPE mostly; after any write error the stream is gone, and a stack trace would help nobody.
  stream.on('error', () => {
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: quietWriter(process.stdout),
    stderr: quietWriter(process.stderr),
    env: process.env,
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    onInterrupt(listener) {
      let interrupted = false;
      const handler = () => {
        // A second Ctrl-C means "now", report or not.
        if (interrupted) process.exit(EXIT.interrupted);
        interrupted = true;
        listener();
      };
      process.on('SIGINT', handler);
      return () => {
        process.off('SIGINT', handler);
        // The partial report is out; a hook that never answers must not hold the process open.
        if (interrupted) setImmediate(() => process.exit(EXIT.interrupted));
      };
    },
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
  /** Stopped with Ctrl-C (128 + SIGINT), after printing the partial report. */
  interrupted: 130,
} as const;
