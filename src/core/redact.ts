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

const hasOwn = Object.prototype.hasOwnProperty;

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

/**
 * {@link redact} for a value that belongs to the caller alone (built for one result, reachable
 * from nothing else): the same secrets are replaced, but only the objects on the way to a
 * replacement are copied, and the rest is returned as it is. As cheap as reading it when, as
 * usual, nothing in it is secret. Objects other than plain ones and arrays are copied as
 * `redact` copies them.
 */
export function redactOwned<T>(value: T, secrets: readonly string[]): T {
  const live = secrets.filter((secret) => secret.length >= MIN_SCRUB_LENGTH);
  return owned(value, live, false) as T;
}

function owned(value: unknown, secrets: readonly string[], isHeaders: boolean): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = typeof item === 'object' && item !== null ? owned(item, secrets, false) : typeof item === 'string' ? scrub(item, secrets) : item;
      if (next !== item) (out ??= value.slice())[i] = next;
    }
    return out ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return walk(value, secrets, isHeaders);
  let out: Record<string, unknown> | undefined;
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    let next: unknown;
    if (typeof child === 'string') {
      next = child !== '' && (SECRET_KEYS.test(key) || (isHeaders && isSecretHeader(key))) ? REDACTED : scrub(child, secrets);
    } else next = typeof child === 'object' && child !== null ? owned(child, secrets, key === 'headers') : child;
    if (next !== child) put((out ??= { ...(value as Record<string, unknown>) }), key, next);
  }
  return out ?? value;
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
  // for-in over own keys: Object.keys's keys in Object.keys's order, without an array per object.
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    const next =
      typeof child === 'string'
        ? child !== '' && (SECRET_KEYS.test(key) || (isHeaders && isSecretHeader(key)))
          ? REDACTED
          : scrub(child, secrets)
        : child !== null && typeof child === 'object'
          ? walk(child, secrets, key === 'headers')
          : child;
    if (key === '__proto__') put(out, key, next);
    else out[key] = next;
  }
  return out;
}

/** Sets a property, `__proto__` included (JSON.parse makes it an own key; assigning it would set the prototype). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** {@link walk} for one child, with the common leaves (text, numbers) handled without a call. */
function walkChild(child: unknown, secrets: readonly string[], isHeaders: boolean): unknown {
  if (typeof child === 'string') return scrub(child, secrets);
  if (child === null || typeof child !== 'object') return child;
  return walk(child, secrets, isHeaders);
}

function scrub(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return text;
  let out = text;
  // `includes` first: most strings hold no secret, and split/join always copies.
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
