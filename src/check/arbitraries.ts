import type { Arbitrary } from 'fast-check';

/** fast-check's module, passed in by the fuzz check that loaded it (it is never imported statically). */
export type FastCheck = typeof import('fast-check');

/** Emails people really have: tags, dots, capitals, unicode, IDN, very long local parts. */
export function emailArbitrary(fc: FastCheck): Arbitrary<string> {
  const local = fc.oneof(
    fc.constantFrom('a', 'first.last', 'First.Last', 'user+tag', 'x.y+z+w', 'ZOË', 'josé.álvarez', '用户', 'o\'brien'),
    fc.string({ unit: fc.constantFrom('a', 'B', '.', '+', '-', '_', '0', 'é', 'ü'), minLength: 1, maxLength: 64 }).filter((text) => !text.startsWith('.') && !text.endsWith('.')),
    fc.constant('l'.repeat(64)),
  );
  const domain = fc.constantFrom('example.com', 'EXAMPLE.COM', 'sub.example.co.uk', 'bücher.example', 'xn--bcher-kva.example', '例え.jp', 'x.io');
  return fc.tuple(local, domain).map(([name, host]) => `${name}@${host}`);
}
