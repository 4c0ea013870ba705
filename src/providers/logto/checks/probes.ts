import { withBody, withSignature } from '../../../check/build.js';
import { encodeEntries, type OrderedObject } from '../../../check/encode.js';
import type { CheckContext } from '../../../check/types.js';
import type { JsonObject, JsonValue } from '../../../core/json.js';
import type { WireRequest } from '../../../core/types.js';
import { deviateSignature } from '../../../scenarios/deviate.js';

/** A request a probe sends and what it stands for. */
export interface Probe {
  label: string;
  request: WireRequest;
}

/** The classic deviations, each from a faithful signed request (the provider's own signing). */
export function deviation(context: CheckContext, request: WireRequest, how: 'missing' | 'tampered' | 'wrong-key' | 'body-altered'): Probe {
  return { label: how, request: deviateSignature(context.provider, context.providerOptions, request, how) };
}

/**
 * Malformed signature values: too short (a length-unchecked `timingSafeEqual` throws), odd
 * length, not hex, bytes outside ASCII, and an empty header.
 */
export function malformedSignatures(context: CheckContext, request: WireRequest, valid: string): Probe[] {
  return [
    { label: 'wrong length (32 hex digits)', request: withSignature(context, request, valid.slice(0, 32)) },
    { label: 'wrong length (65 hex digits)', request: withSignature(context, request, `${valid.slice(1)}0a`) },
    { label: 'not hex', request: withSignature(context, request, 'z'.repeat(valid.length)) },
    // Latin-1 bytes: what a header can carry beyond ASCII (UTF-8 would be refused by the client).
    { label: 'non-ASCII bytes', request: withSignature(context, request, `${valid.slice(0, -2)}\u00e9\u00e9`) },
    { label: 'empty value', request: withSignature(context, request, '') },
  ];
}

/** The valid digest with something after it: a hook that hex-decodes before comparing accepts these. */
export function trailingJunk(context: CheckContext, request: WireRequest, valid: string): Probe[] {
  return [
    { label: 'digest + "zz"', request: withSignature(context, request, `${valid}zz`) },
    { label: 'digest + "0"', request: withSignature(context, request, `${valid}0`) },
  ];
}

/** Where the payload keeps a user's customData (Logto: `data` or `user`), to place an integer-like key. */
function withIntegerKey(payload: JsonObject): unknown {
  const entries = Object.entries(payload).map(([key, value]): [string, unknown] => {
    if ((key === 'data' || key === 'user') && value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = Object.entries(value).map(([innerKey, innerValue]): [string, unknown] =>
        innerKey === 'customData' && innerValue && typeof innerValue === 'object' && !Array.isArray(innerValue)
          ? [innerKey, { $entries: [['plan', 'pro'], ...Object.entries(innerValue), ['2024', true]] } satisfies OrderedObject]
          : [innerKey, innerValue],
      );
      return [key, { $entries: inner } satisfies OrderedObject];
    }
    return [key, value];
  });
  return { $entries: [...entries, ['meta', { $entries: [['source', 'hooksim'], ['1', 'integer-like key written last']] }]] } satisfies OrderedObject;
}

/**
 * The same JSON value as other bytes, each signed over the bytes sent: pretty-printed, every
 * non-ASCII character and `/` escaped, integers as `1.0`, and integer-like keys written after
 * others (which `JSON.stringify` of the parsed object would put first). A hook that verifies the
 * raw body accepts all of them; one that verifies its own re-serialisation refuses them.
 */
export function reencodings(context: CheckContext, request: WireRequest, payload: JsonObject): Probe[] {
  const value = payload as JsonValue;
  return [
    { label: 'pretty-printed', request: withBody(context, request, encodeEntries(value, { indent: 2 })) },
    { label: '\\u-escaped', request: withBody(context, request, encodeEntries(value, { escapeAll: true })) },
    { label: 'integers as 1.0', request: withBody(context, request, encodeEntries(value, { pointZero: true })) },
    { label: 'integer-like keys last', request: withBody(context, request, encodeEntries(withIntegerKey(payload), {})) },
  ];
}

/** Signed bodies that are not events: an array, an empty object, an event without `event`, and text. */
export function notEvents(context: CheckContext, request: WireRequest, payload: JsonObject): Probe[] {
  const { event: _event, ...rest } = payload;
  return [
    { label: '[]', request: withBody(context, request, '[]') },
    { label: '{}', request: withBody(context, request, '{}') },
    { label: 'no "event"', request: withBody(context, request, JSON.stringify(rest)) },
    { label: 'not JSON', request: withBody(context, request, 'event=User.Created') },
  ];
}
