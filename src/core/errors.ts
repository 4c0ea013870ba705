/**
 * A mistake in how hooksim was called or configured (unknown provider, bad URL, malformed
 * `--set`, invalid scenario file). The CLI prints its message on one line and exits with 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** True for errors whose message is meant for the user as it is. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
