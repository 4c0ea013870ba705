/**
 * A delivery as something to paste elsewhere: a `curl` line, a `hooksim send` command, a
 * scenario step. None carries a secret: the signature is recomputed by the shell from
 * `$LOGTO_SIGNING_KEY`, the key itself is never written.
 */
import { shellQuote } from '../check/exchange.js';
import type { DeliveryEntry } from '../emulator/history.js';
import { SIGNATURE_HEADERS } from '../emulator/history.js';

/** `printf %s BODY | curl ...`, with the Logto signature computed by openssl from `$LOGTO_SIGNING_KEY`. */
export function asCurl(entry: DeliveryEntry, url: string | undefined): string {
  const body = shellQuote(entry.request.body);
  const headers = Object.entries(entry.request.headers).map(([name, value]) =>
    SIGNATURE_HEADERS.has(name) ? ` -H "${name}: $(printf %s ${body} | openssl dgst -sha256 -hmac "$LOGTO_SIGNING_KEY" | sed 's/^.*= //')"` : ` -H ${shellQuote(`${name}: ${value}`)}`,
  );
  return `printf %s ${body} | curl -sS -X POST ${url ? shellQuote(url) : '"$HOOK_URL"'}${headers.join('')} --data-binary @-`;
}

/** The override lines split into `--set` and `--unset`. */
function splitLines(lines: readonly string[]): { sets: string[]; unsets: string[] } {
  const sets: string[] = [];
  const unsets: string[] = [];
  for (const line of lines.map((text) => text.trim()).filter((text) => text && !text.startsWith('#'))) {
    if (line.startsWith('-') && !line.includes('=')) unsets.push(line.slice(1).trim());
    else sets.push(line);
  }
  return { sets, unsets };
}

/** `hooksim send ...` rebuilding the same event (same seed, same clock) against the same hook. */
export function asSendCommand(entry: DeliveryEntry, url: string | undefined): string {
  const { sets, unsets } = splitLines(entry.set);
  const parts = ['hooksim send', entry.provider, shellQuote(entry.event), '--to', url ? shellQuote(url) : '"$HOOK_URL"', '--variant', shellQuote(entry.variant), '--seed', String(entry.seed), '--now', entry.at];
  for (const set of sets) parts.push('--set', shellQuote(set));
  for (const unset of unsets) parts.push('--unset', shellQuote(unset));
  if (entry.provider === 'logto') parts.push('--signing-key', '"$LOGTO_SIGNING_KEY"');
  return parts.join(' ');
}

/** A scenario step (YAML) sending this event and expecting the status it got. */
export function asYamlStep(entry: DeliveryEntry): string {
  const { sets, unsets } = splitLines(entry.set);
  const lines = [`- name: ${JSON.stringify(`${entry.event} as sent from the dashboard (#${entry.id})`)}`, `  send: ${JSON.stringify(entry.event)}`, `  variant: ${JSON.stringify(entry.variant)}`];
  if (sets.length) {
    lines.push('  set:');
    for (const set of sets) {
      const eq = set.indexOf('=');
      const raw = set.slice(eq + 1);
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        // A bare word is a string, as on the command line.
      }
      lines.push(`    ${JSON.stringify(set.slice(0, eq).trim())}: ${JSON.stringify(value)}`);
    }
  }
  if (unsets.length) lines.push(`  unset: ${JSON.stringify(unsets)}`);
  lines.push('  expect:');
  if (entry.response) lines.push(`    status: ${entry.response.status}`);
  lines.push(`    contract: ${entry.verdict.pass ? 'kept' : 'broken'}`);
  return lines.join('\n') + '\n';
}
