/**
 * A delivery as something to paste elsewhere: a `curl` line, a `hooksim send` command, a
 * scenario step. None carries a secret: the signature is recomputed by the shell from the
 * provider's signing key variable (`$LOGTO_SIGNING_KEY` for `logto`), the key itself is never written.
 */
import { shellQuote } from '../check/exchange.js';
import type { DeliveryEntry } from '../emulator/history.js';
import { signingKeyEnvName } from '../emulator/signing-env.js';
import { signingOf } from '../providers/signing/binding.js';
import type { SigningSchemeSpec } from '../providers/signing/types.js';
import { providers } from '../providers/registry.js';
import type { AnyProvider } from '../providers/types.js';

const providerNamed = (name: string): AnyProvider | undefined => providers.find((provider) => provider.name === name);

/** `printf %s BODY | openssl ... | sed ...`: the lowercase hex HMAC-SHA256 of what `printf` prints, keyed by `$VAR`. */
const hmacHex = (printfArgs: string, envName: string): string => `$(printf ${printfArgs} | openssl dgst -sha256 -hmac "$${envName}" | sed 's/^.*= //')`;

/**
 * The header values a shell recomputes for a signing scheme, and the lines to run first (a
 * timestamp), or undefined when the scheme has no recipe (its headers are copied as recorded).
 */
function shellSignature(spec: SigningSchemeSpec, body: string, envName: string, headers: Record<string, string>): { setup: string[]; headers: Record<string, string> } | undefined {
  switch (spec.scheme) {
    case 'hmac-sha256-hex':
      return { setup: [], headers: { [spec.header]: `${spec.prefix ?? ''}${hmacHex(`%s ${body}`, envName)}` } };
    case 'stripe': {
      const header = spec.header ?? 'stripe-signature';
      return { setup: ['T=$(date +%s)'], headers: { [header]: `t=$T,v1=${hmacHex(`'%s.%s' "$T" ${body}`, envName)}` } };
    }
    case 'standard-webhooks': {
      const brand = spec.brand ?? 'webhook';
      const id = headers[`${brand}-id`] ?? '';
      // The key is `whsec_<base64>`: the HMAC key is the decoded bytes (the first key, when several are configured).
      const key = `$(printf %s "\${${envName}%% *}" | sed 's/^whsec_//' | base64 -d | od -An -tx1 | tr -d ' \\n')`;
      const signature = `$(printf '%s.%s.%s' ${shellQuote(id)} "$T" ${body} | openssl dgst -sha256 -mac HMAC -macopt hexkey:${key} -binary | base64)`;
      return { setup: ['T=$(date +%s)'], headers: { [`${brand}-timestamp`]: '$T', [`${brand}-signature`]: `v1,${signature}` } };
    }
    default:
      return undefined;
  }
}

/**
 * `printf %s BODY | curl ...`, with the signature recomputed by openssl from the provider's key
 * variable, as its signing scheme says (hex HMAC, Stripe-style, Standard Webhooks).
 */
export function asCurl(entry: DeliveryEntry, url: string | undefined): string {
  const body = shellQuote(entry.request.body);
  const provider = providerNamed(entry.provider);
  const spec = provider?.signing?.scheme;
  const recipe = provider && spec ? shellSignature(spec, body, signingKeyEnvName(provider), entry.request.headers) : undefined;
  const headers = Object.entries(entry.request.headers).map(([name, value]) => {
    const computed = recipe?.headers[name];
    return computed !== undefined ? ` -H "${name}: ${computed}"` : ` -H ${shellQuote(`${name}: ${value}`)}`;
  });
  const setup = recipe?.setup.length ? `${recipe.setup.join('; ')}; ` : '';
  return `${setup}printf %s ${body} | curl -sS -X POST ${url ? shellQuote(url) : '"$HOOK_URL"'}${headers.join('')} --data-binary @-`;
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
  const provider = providerNamed(entry.provider);
  if (provider && signingOf(provider)) parts.push('--signing-key', `"$${signingKeyEnvName(provider)}"`);
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
