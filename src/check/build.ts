import type { JsonObject, Overrides } from '../core/json.js';
import type { WireRequest } from '../core/types.js';
import { prepareEvent, type PreparedEvent } from '../send.js';
import type { CheckContext } from './types.js';

/** What to build: an event, its variant, and who it is about. */
export interface BuildSpec {
  event: string;
  variant?: string;
  seed?: number;
  actor?: JsonObject;
  set?: Overrides;
  /** Milliseconds after the run's `now` (events of one story a moment apart). */
  offsetMs?: number;
}

/** The faithful request for an event, exactly as the provider builds and signs it. */
export function prepare(context: CheckContext, spec: BuildSpec): PreparedEvent {
  return prepareEvent({
    provider: context.provider,
    event: spec.event,
    variant: spec.variant,
    seed: spec.seed ?? context.seed,
    now: context.now + (spec.offsetMs ?? 0),
    options: context.rawOptions,
    actor: spec.actor,
    set: spec.set,
  });
}

/** The signing key in force ('' when the provider does not sign or none was given). */
export function signingKey(context: CheckContext): string {
  return context.provider.signature?.key(context.providerOptions) ?? '';
}

/** The request with another body, signed over exactly those bytes when the provider signs. */
export function withBody(context: CheckContext, request: WireRequest, body: string): WireRequest {
  const signature = context.provider.signature;
  const key = signingKey(context);
  const headers = { ...request.headers };
  if (signature && key) headers[signature.header] = signature.sign(key, body);
  return { ...request, headers, body };
}

/** The request with the signature header set to `value` (or removed when undefined). */
export function withSignature(context: CheckContext, request: WireRequest, value: string | undefined): WireRequest {
  const header = context.provider.signature?.header;
  if (!header) return request;
  const headers = { ...request.headers };
  if (value === undefined) delete headers[header];
  else headers[header] = value;
  return { ...request, headers };
}
