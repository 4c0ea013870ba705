import { readBody, type Reply, type Verdict, type WireRequest } from '../core/types.js';
import type { SendResult } from '../send.js';
import type { Paint } from './style.js';
import { describeWithPath } from '../core/request-path.js';

const indent = (text: string, by = '  ') =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');

/**
 * How much of a body the terminal gets. A hook may reply with megabytes; the start tells what
 * it is, the size tells the rest (`--reporter json` keeps the whole reply, up to the byte cap).
 */
export const SHOWN_CHARACTERS = 4000;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`);

/** `text`, or its first `limit` characters and a line saying how big the whole is. */
export function clip(text: string, limit = SHOWN_CHARACTERS, bytes = Buffer.byteLength(text)): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}\n… (${size(bytes)} in all; the first ${limit} characters are shown)`;
}

/** Pretty JSON when the text is JSON, the text itself otherwise; long bodies clipped (see {@link clip}). */
export function prettyBody(text: string, limit = SHOWN_CHARACTERS): string {
  if (text === '') return '(empty body)';
  const bytes = Buffer.byteLength(text);
  // Far beyond what is shown: not worth parsing and re-indenting.
  if (text.length > limit * 8) return clip(text, limit, bytes);
  try {
    return clip(JSON.stringify(JSON.parse(text), null, 2), limit, bytes);
  } catch {
    return clip(text, limit, bytes);
  }
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** The request as it goes on the wire: method, target, headers, body. */
export function formatRequest(request: WireRequest, target: string, p: Paint): string {
  return [
    p.bold(`→ ${request.method} ${describeWithPath(target, request.path)}`),
    indent(p.dim(headerLines(request.headers))),
    indent(prettyBody(request.body)),
    indent(p.dim(`(${Buffer.byteLength(request.body)} bytes)`)),
  ].join('\n');
}

/** The reply: status, time, headers, body. */
export function formatReply(reply: Reply, durationMs: number, p: Paint): string {
  const status = reply.status >= 200 && reply.status < 300 ? p.ok(String(reply.status)) : p.bad(String(reply.status));
  const keep = ['content-type', 'content-length', 'location', 'retry-after'];
  const shown = Object.fromEntries(Object.entries(reply.headers).filter(([name]) => keep.includes(name)));
  return [`${p.bold('←')} ${status} ${p.dim(`in ${Math.round(durationMs)} ms`)}`, indent(p.dim(headerLines(shown))), indent(prettyBody(reply.body))]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** ✔ contract kept, or ✘ and one line per violation. */
export function formatVerdict(verdict: Verdict, p: Paint): string {
  if (verdict.pass) return p.ok('✔ the hook kept the contract');
  const count = verdict.violations.length;
  return [
    p.bad(`✘ the hook broke the contract (${count} violation${count === 1 ? '' : 's'})`),
    ...verdict.violations.map((violation) => `  - ${p.bold(violation.path)}: ${violation.message}`),
  ].join('\n');
}

/**
 * The outcome: what the provider would do. A copy of the request body inside it (Logto's log
 * row stores the body it sent) is shown as a pointer, not printed twice.
 */
export function formatOutcome(outcome: unknown, requestBody?: string): string {
  const sent = requestBody === undefined ? undefined : JSON.stringify(readBody({ status: 0, headers: {}, body: requestBody, bytes: 0 }));
  const text = JSON.stringify(
    outcome,
    (_key, value: unknown) => {
      if (sent !== undefined && typeof value === 'object' && value !== null && JSON.stringify(value) === sent) return '(the request body above)';
      // The provider's log keeps the reply body: a huge one is shown above, clipped, not again here.
      if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 200)}… (${value.length} characters)`;
      return value;
    },
    2,
  );
  return `Outcome (what the provider would do):\n${indent(clip(text ?? 'undefined'))}`;
}

/** The whole human report of one send. */
export function formatSendResult(result: SendResult, p: Paint): string {
  const parts = [
    p.dim(`${result.provider} ${result.event} (variant ${result.variant}, seed ${result.seed})`),
    formatRequest(result.request, result.target, p),
  ];
  for (const attempt of result.attempts) {
    const label = result.attempts.length > 1 ? p.dim(`attempt ${attempt.number}`) + '\n' : '';
    const hops = (attempt.reply?.redirects ?? []).map((hop) => `${p.dim('↪')} followed ${hop.status} redirect to ${hop.location}`);
    if (attempt.reply) parts.push(label + [...hops, formatReply(attempt.reply, attempt.durationMs, p)].join('\n'));
    else if (attempt.error) parts.push(label + `${p.bold('←')} ${p.bad(`no reply: ${attempt.error.message}`)}`);
  }
  parts.push(formatVerdict(result.verdict, p), formatOutcome(result.outcome, result.request.body));
  if (result.decision) parts.push(`${p.bold('decision:')} ${result.decision}`);
  for (const note of result.notes ?? []) parts.push(p.dim(`note: ${note}`));
  return parts.join('\n\n') + '\n';
}

