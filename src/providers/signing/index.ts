import { hmacHexSigner } from './hmac-hex.js';
import { PROBE_KEY, sameText, swapAt } from './digest.js';
import { standardWebhooksSigner } from './standard-webhooks.js';
import { stripeSigner } from './stripe.js';
import type { CustomSpec, Signer, SigningSchemeSpec } from './types.js';

export type { SigningSchemeSpec, Signer, SignInput, Verification, HmacHexSpec, StandardWebhooksSpec, StripeSpec, NoneSpec, CustomSpec } from './types.js';
export { standardWebhooksSignature, standardWebhooksKey } from './standard-webhooks.js';
export { stripeDigest } from './stripe.js';

/** The signer of `none`: no headers, nothing to verify. */
const noneSigner: Signer = {
  scheme: 'none',
  headers: [],
  signatureHeader: '',
  timestamped: false,
  identified: false,
  probeKey: '',
  sign: () => ({}),
  read: () => ({}),
  verify: () => ({ ok: true }),
  tamper: (value) => value,
};

function customSigner(spec: CustomSpec): Signer {
  return {
    scheme: spec.name,
    headers: [spec.header],
    signatureHeader: spec.header,
    // A custom function may sign anything; hooksim cannot know, so it probes only what needs no knowledge.
    timestamped: false,
    identified: false,
    probeKey: PROBE_KEY,
    sign: (input) => ({ [spec.header]: spec.sign(input) }),
    read: () => ({}),
    verify(request, key, now) {
      const given = request.headers[spec.header];
      if (given === undefined) return { ok: false, reason: `no ${spec.header} header` };
      return sameText(given, spec.sign({ key, body: request.body, now, id: '' })) ? { ok: true } : { ok: false, reason: `${spec.header} does not match` };
    },
    tamper: (value) => swapAt(value, Math.max(0, value.length - 1)),
  };
}

/** Interprets a scheme: the one place that knows how each scheme signs. */
export function signerFor(spec: SigningSchemeSpec): Signer {
  switch (spec.scheme) {
    case 'hmac-sha256-hex':
      return hmacHexSigner(spec);
    case 'standard-webhooks':
      return standardWebhooksSigner(spec);
    case 'stripe':
      return stripeSigner(spec);
    case 'none':
      return noneSigner;
    case 'custom':
      return customSigner(spec);
  }
}

/** How a provider signs: the scheme and where its key is among the provider's options. */
export interface SigningBinding<Options = unknown> {
  scheme: SigningSchemeSpec;
  /** The key in these options ('' when unsigned). Several keys: separated by spaces. */
  key(options: Options): string;
  /**
   * The option the key goes to, which `--signing-key` and `HOOKSIM_SIGNING_KEY` fill (declarative
   * files: `keyOption`). Absent: an option named `signingKey`, when the provider has one.
   */
  keyOption?: string;
}
