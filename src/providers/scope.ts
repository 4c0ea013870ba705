/**
 * Provider registrations that last for one piece of work (a CLI run: `--provider-file`, the
 * config's `providers`). Kept apart from the registry so the CLI can open a scope without loading
 * every provider.
 */

let open: (() => void)[] | undefined;

/** Called by the registry with the way to take back a registration it just made. */
export function recordRegistration(undo: () => void): void {
  open?.push(undo);
}

/**
 * Runs `work`, then takes back the providers it registered, so a second in-process CLI run (a
 * test calling `runCli`) starts from the providers the process had before.
 */
export async function withProviderScope<T>(work: () => Promise<T>): Promise<T> {
  const outer = open;
  const undos: (() => void)[] = [];
  open = undos;
  try {
    return await work();
  } finally {
    open = outer;
    for (const undo of undos.reverse()) undo();
  }
}
