import { readFileSync } from 'node:fs';

/** hooksim's version, from the package's own package.json (`../../` from both src/cli and dist/cli); `unknown` if unreadable. */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
