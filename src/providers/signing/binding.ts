import type { WireRequest } from '../../core/types.js';
import type { AnyProvider } from '../types.js';
import { messageIdFor } from './digest.js';
import { signerFor } from './index.js';
import type { Signer } from './types.js';
import { schemaKeys } from '../../core/options.js';

/** A provider's signing, whichever way it declares it: the interpreted scheme and its key. */
export interface ResolvedSigning {
  signer: Signer;
  key(options: unknown): string;
}

const cache = new WeakMap<object, ResolvedSigning | undefined>();

/**
 * How `provider` signs, or undefined when it does not: from its `signing` scheme, or from the
 * older `signature` (one header, body only) seen as a scheme of its own.
 */
export function signingOf(provider: AnyProvider): ResolvedSigning | undefined {
  if (cache.has(provider)) return cache.get(provider);
  let resolved: ResolvedSigning | undefined;
  if (provider.signing && provider.signing.scheme.scheme !== 'none') {
    resolved = { signer: signerFor(provider.signing.scheme), key: provider.signing.key };
  } else if (provider.signature) {
    const legacy = provider.signature;
    resolved = {
      key: legacy.key,
      signer: signerFor({ scheme: 'custom', name: `${provider.name}-signature`, header: legacy.header, sign: ({ key, body }) => legacy.sign(key, body) }),
    };
  }
  cache.set(provider, resolved);
  return resolved;
}

/**
 * The option `provider`'s signing key goes to (what `--signing-key` and `HOOKSIM_SIGNING_KEY`
 * fill), or undefined when it does not sign: the one its `signing` names, else `signingKey` when
 * its options have it.
 */
export function signingKeyOption(provider: AnyProvider): string | undefined {
  if (!provider.signing && !provider.signature) return undefined;
  if (provider.signing?.keyOption !== undefined) return provider.signing.keyOption;
  return schemaKeys(provider.optionsSchema).includes('signingKey') ? 'signingKey' : undefined;
}

/**
 * `options` with `key` in the option `provider`'s signing key goes to (the `signingKey` shortcut
 * of `send()`, `prepareEvent()` and `loadTest()`); `options` as given when there is no key.
 */
export function withSigningKey(provider: AnyProvider, options: object | undefined, key: string | undefined): Record<string, unknown> {
  if (key === undefined) return { ...(options ?? {}) };
  return { ...(options ?? {}), [signingKeyOption(provider) ?? 'signingKey']: key };
}

/** When and as what a request is signed. */
export interface SigningMoment {
  /** Epoch ms of sending. */
  now: number;
  /** The message id (schemes with ids); derived from the seed and body when absent. */
  id?: string;
  seed?: number;
}

/**
 * `request` with the scheme's headers set for `body` (existing names keep their place, new ones
 * are appended in the scheme's order). An empty key leaves the request unsigned.
 */
export function signRequest(signer: Signer, key: string, request: WireRequest, moment: SigningMoment): WireRequest {
  if (key === '' || signer.headers.length === 0) return request;
  const id = moment.id ?? messageIdFor(moment.seed ?? 0, request.body);
  // Object.assign rather than spreads: same key order, without V8's slow path for a spread
  // followed by more keys (see withUser in the Logto provider), which runs once per event here.
  return Object.assign({}, request, { headers: Object.assign({}, request.headers, signer.sign({ key, body: request.body, now: moment.now, id })) });
}
