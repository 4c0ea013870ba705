import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A key no real configuration uses: what `wrong-key` probes sign with. */
export const PROBE_KEY = 'hooksim-wrong-signing-key-0000000';

/** HMAC-SHA256 of `content` (UTF-8) under `key`. */
export function hmacSha256(key: string | Buffer, content: string): Buffer {
  return createHmac('sha256', key).update(content, 'utf8').digest();
}

/** Several keys in one option, separated by whitespace (key rotation); always at least one entry. */
export function splitKeys(key: string): string[] {
  const keys = key.split(/\s+/).filter((entry) => entry !== '');
  return keys.length > 0 ? keys : [''];
}

/** Equal strings, compared in constant time for equal lengths. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** One character changed to another of the same alphabet: '0' ↔ '1' for hex, 'A' ↔ 'B' otherwise. */
export function swapChar(char: string): string {
  if (/[0-9a-f]/.test(char)) return char === '0' ? '1' : '0';
  return char === 'A' ? 'B' : 'A';
}

/** `text` with the character at `index` swapped within its alphabet. */
export function swapAt(text: string, index: number): string {
  if (index < 0 || index >= text.length) return text;
  return text.slice(0, index) + swapChar(text[index]!) + text.slice(index + 1);
}

/**
 * A message id that is the same for the same seed and body and differs between messages:
 * `msg_` and 27 base62-ish characters, shaped like svix's ids.
 */
export function messageIdFor(seed: number, body: string, prefix = 'msg_'): string {
  const digest = createHash('sha256').update(`${seed}:${body}`, 'utf8').digest('base64').replace(/[+/=]/g, '');
  return prefix + digest.slice(0, 27);
}
