import { UsageError } from '../core/errors.js';

/**
 * True when `error` says the package `name` itself is not installed (not some other module
 * missing inside it). Node: `Cannot find package 'msw' imported from ...`; vitest's loader
 * words it differently, so the check is on the code and on the name being mentioned.
 */
function isMissingPackage(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  const message = String((error as { message?: unknown }).message ?? '');
  return message.includes(`'${name}'`) || message.includes(`"${name}"`) || message.includes(`'${name}/`) || message.includes(` ${name} `);
}

/**
 * Loads an optional peer package only when the feature that needs it is used. When the package
 * is not installed, throws a one-line {@link UsageError} saying what to install, e.g.
 * `mock APIs over msw need the "msw" package: npm i -D msw` (the CLI prefixes `hooksim: `). Other load errors pass
 * through unchanged (they are bugs, not a missing install).
 */
export async function importOptional<T>(name: string, feature: string, load: () => Promise<T>, alternative?: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingPackage(error, name)) throw new UsageError(`${feature} need the "${name}" package: npm i -D ${name}${alternative ? ` (${alternative})` : ''}`);
    throw error;
  }
}
