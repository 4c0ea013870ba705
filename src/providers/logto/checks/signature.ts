import { signingKey } from '../../../check/build.js';
import { exchange, replyText } from '../../../check/exchange.js';
import { combine, gradeAccept, gradeAny4xx, gradeRefusal, skipped, type CheckText } from '../../../check/grade.js';
import type { CheckContext, CheckDefinition, CheckResult } from '../../../check/types.js';
import type { PreparedEvent } from '../../../send.js';
import { deviation, malformedSignatures, notEvents, reencodings, trailingJunk, type Probe } from './probes.js';

/** The signed event the signature probes start from (a fresh one, so no probe looks like a duplicate). */
export type BaseEvent = (context: CheckContext, checkId: string) => PreparedEvent;

const FORGERY_WHY = 'Anyone who finds the URL can forge events (create users, change roles) if the hook accepts a request it cannot authenticate.';

const TEXTS = {
  missing: {
    id: 'signature.missing',
    title: 'a request without a signature is refused',
    why: FORGERY_WHY,
    fix: 'Refuse a request without the signature header with 401 before reading the body: never "verify only if present".',
  },
  tampered: {
    id: 'signature.tampered',
    title: 'a wrong digest is refused',
    why: FORGERY_WHY,
    fix: 'Compare the HMAC-SHA256 of the raw body with the header (constant time) and refuse a mismatch with 401.',
  },
  'wrong-key': {
    id: 'signature.wrong-key',
    title: 'a digest made with another key is refused',
    why: FORGERY_WHY,
    fix: "Verify with this hook's own signing key, never a default or another hook's key.",
  },
  'body-altered': {
    id: 'signature.body-altered',
    title: 'a valid signature over another body is refused',
    why: 'A signature that is not checked against the body lets anyone replay a captured signature with a changed payload.',
    fix: 'Compute the HMAC over the exact bytes received and compare it with the header.',
  },
  malformed: {
    id: 'signature.malformed',
    title: 'malformed signatures are refused, never crash the hook',
    why: 'A header that crashes the comparison (timingSafeEqual throws on unequal lengths) turns every forged request into a 500 and an alert; a hook that fails open accepts it.',
    fix: 'Check the header is exactly 64 hex characters before decoding it, and compare lengths before timingSafeEqual.',
  },
  'trailing-junk': {
    id: 'signature.trailing-junk',
    title: 'the valid digest followed by junk is refused',
    why: "Buffer.from(header, 'hex') stops at the first non-hex character and ignores a dangling digit, so a hook that decodes before comparing accepts a header that is not the digest.",
    fix: 'Match the header against /^[0-9a-f]{64}$/i (or compare the hex strings) before decoding.',
  },
  reencoded: {
    id: 'signature.reencoded',
    title: 'the same JSON as other bytes, signed over those bytes, is accepted',
    why: 'A hook that verifies JSON.stringify(req.body) works only while the sender\'s bytes equal its own re-serialisation: a proxy, a provider upgrade or a pretty-printing sender breaks every delivery.',
    fix: 'Verify the HMAC over the raw request bytes (express.raw(), await req.arrayBuffer()), then parse them.',
  },
  'not-an-event': {
    id: 'body.not-an-event',
    title: 'signed bodies that are not events are refused with 4xx',
    why: 'A validly signed but unexpected body (an array, {}, text) that crashes the hook is a 500 and an alert; one that is accepted has the hook act on garbage.',
    fix: 'After verifying, check the body is an object with event, hookId and createdAt, and answer 400 otherwise.',
  },
} satisfies Record<string, CheckText>;

function needsKey(context: CheckContext, text: CheckText): CheckResult | undefined {
  if (!context.provider.signature) return skipped(text, `${context.provider.name} does not sign its requests`);
  if (!signingKey(context)) return skipped(text, 'no signing key given (--signing-key): the requests are unsigned, so verification cannot be probed');
  return undefined;
}

async function probeAll(context: CheckContext, probes: Probe[], grade: typeof gradeRefusal, text: CheckText, pass: string): Promise<CheckResult> {
  const sent = [];
  for (const probe of probes) sent.push(await exchange(context, probe.label, probe.request));
  return combine(text, sent.map(grade), sent, pass);
}

/** A refusal check built from one probe list. */
function refusalCheck(text: CheckText, base: BaseEvent, probes: (context: CheckContext, prepared: PreparedEvent, valid: string) => Probe[], grade = gradeRefusal, pass = 'refused'): CheckDefinition {
  return {
    id: text.id,
    async run(context) {
      const missing = needsKey(context, text);
      if (missing) return [missing];
      const prepared = base(context, text.id);
      const valid = prepared.request.headers[context.provider.signature!.header] ?? '';
      return [await probeAll(context, probes(context, prepared, valid), grade, text, pass)];
    },
  };
}

/** Logto's signature and body checks: probes aimed at hooks that verify a hex HMAC-SHA256 in one header, and at what they do with a body once verified. */
export function signatureChecks(base: BaseEvent): CheckDefinition[] {
  const classic = (how: 'missing' | 'tampered' | 'wrong-key') =>
    refusalCheck(TEXTS[how], base, (context, prepared) => [deviation(context, prepared.request, how)], gradeRefusal, 'refused with 401/403');
  return [
    classic('missing'),
    classic('tampered'),
    classic('wrong-key'),
    // The genuine delivery first, then its signature on a changed body: what an attacker who
    // captured one delivery replays (and what a hook that caches verified signatures accepts).
    refusalCheck(
      TEXTS['body-altered'],
      base,
      (context, prepared) => [{ label: 'original delivery', request: prepared.request }, deviation(context, prepared.request, 'body-altered')],
      (sent) => (sent.label === 'original delivery' ? gradeAccept(sent) : gradeRefusal(sent)),
      'the genuine delivery accepted, its signature on a changed body refused with 401/403',
    ),
    refusalCheck(TEXTS.malformed, base, (context, prepared, valid) => malformedSignatures(context, prepared.request, valid), gradeRefusal, 'every malformed value refused with 401/403'),
    refusalCheck(TEXTS['trailing-junk'], base, (context, prepared, valid) => trailingJunk(context, prepared.request, valid), gradeRefusal, 'refused with 401/403'),
    refusalCheck(
      TEXTS.reencoded,
      base,
      (context, prepared) => reencodings(context, prepared.request, prepared.payload),
      (sent) => {
        const grade = gradeAccept(sent);
        return grade.status === 'pass' ? grade : { status: 'fail', note: `${sent.label} bytes refused (${replyText(sent)})` };
      },
      'accepted in every encoding, as a hook that verifies the raw bytes does',
    ),
    refusalCheck(TEXTS['not-an-event'], base, (context, prepared) => notEvents(context, prepared.request, prepared.payload), gradeAny4xx, 'refused with 4xx'),
  ];
}
