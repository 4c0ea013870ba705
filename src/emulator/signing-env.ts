import type { AnyProvider } from '../providers/types.js';

/**
 * The environment variable holding a provider's signing key, named after the provider
 * (`logto` → `LOGTO_SIGNING_KEY`, `standard-webhooks` → `STANDARD_WEBHOOKS_SIGNING_KEY`): what the
 * emulator signs with when the config sets no key, and what copied commands read the key from.
 */
export function signingKeyEnvName(provider: Pick<AnyProvider, 'name'> | string): string {
  const name = typeof provider === 'string' ? provider : provider.name;
  return `${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_SIGNING_KEY`;
}

/** The signing key from the environment: `HOOKSIM_SIGNING_KEY` first, then the provider's own variable. */
export function signingKeyFromEnv(provider: Pick<AnyProvider, 'name'>, env: Record<string, string | undefined>): string | undefined {
  return env.HOOKSIM_SIGNING_KEY || env[signingKeyEnvName(provider)] || undefined;
}
