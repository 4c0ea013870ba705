/** What replaces a secret in anything hooksim prints or writes. */
export const REDACTED = '[redacted]';

/**
 * Secrets shorter than this are masked where they are named (options, credential headers) but
 * not searched for inside other text: a 3-character test key would otherwise shred every string.
 */
export const MIN_SCRUB_LENGTH = 8;

/** Option and field names whose values are secrets. */
const SECRET_KEYS = /^(signingKey|token|secret|clientSecret|client_secret|password|accessToken|refreshToken)$/i;

/**
 * Header names whose values are credentials whatever their content: the standard ones, and any
 * provider's token, API key or secret header by its name (`x-dexiecloud-token`, `x-api-key`).
 */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_HEADER_NAME = /(?:^|-)(?:token|api-?key|secret)$/;

function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || SECRET_HEADER_NAME.test(lower);
}

/**
 * Returns a deep copy of `value` in which every occurrence of a known secret (signing keys,
 * tokens: passed in `secrets`) is replaced by {@link REDACTED}, and credential headers are
 * masked. Works on any JSON-like value; strings are scanned for embedded secrets too, so a hook
 * that echoes the key back does not leak it.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const live = secrets.filter((secret) => secret.length >= MIN_SCRUB_LENGTH);
  return walk(value, live, false) as T;
}

function walk(value: unknown, secrets: readonly string[], isHeaders: boolean): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = walkChild(value[i], secrets, false);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'string' && child !== '' && (SECRET_KEYS.test(key) || (isHeaders && isSecretHeader(key)))) {
      out[key] = REDACTED;
    } else out[key] = walkChild(child, secrets, key === 'headers');
  }
  return out;
}

/** {@link walk} for one child, with the common leaves (text, numbers) handled without a call. */
function walkChild(child: unknown, secrets: readonly string[], isHeaders: boolean): unknown {
  if (typeof child === 'string') return secrets.length === 0 ? child : scrub(child, secrets);
  if (child === null || typeof child !== 'object') return child;
  return walk(child, secrets, isHeaders);
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  // `includes` first: most strings hold no secret, and split/join always copies.
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
