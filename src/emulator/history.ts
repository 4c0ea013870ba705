/**
 * The session's deliveries, newest last, as the dashboard lists them and the control API answers
 * them. Entries are already safe to show: secrets redacted, the signature header masked.
 */
import type { Attempt, Reply, TransportError, Verdict, WireRequest } from '../core/types.js';
import type { RecordedCall } from '../mock-apis/types.js';
import { signingOf } from '../providers/signing/binding.js';
import type { AnyProvider } from '../providers/types.js';

/** Where a delivery came from. */
export type DeliverySource = 'dashboard' | 'trigger' | 'replay' | 'story';

/** One delivery as shown: the request (signature masked), what came back, the verdict and the outcome. */
export interface DeliveryEntry {
  id: number;
  /** ISO time it was sent. */
  at: string;
  source: DeliverySource;
  provider: string;
  event: string;
  variant: string;
  /** A config target name or a URL. */
  target: string;
  seed: number;
  /** The override lines it was built with (`path=value`, `-path`). */
  set: string[];
  /** The user the event speaks of (as its provider names users), when it has one. */
  userId?: string;
  request: WireRequest;
  response?: Reply;
  error?: TransportError;
  attempts: Attempt[];
  verdict: Verdict;
  outcome: unknown;
  /** The outcome in one line, as its provider words it (`hooksim trigger` prints it). */
  outcomeLine?: string;
  /** The outcome as label and value rows, as its provider words them (the dashboard shows them). */
  outcomeRows?: [string, string][];
  /** Last attempt's latency (ms). */
  latencyMs: number;
  /** Calls the hook made to the mock provider APIs while this delivery was in flight. */
  apiCalls: RecordedCall[];
  notes?: string[];
  /** The delivery this one replays. */
  replayOf?: number;
  /** Story deliveries: the scenario file and step. */
  story?: { file: string; scenario: string; step: string };
}

/** A bounded list of deliveries: a dev session running for days keeps the latest {@link limit}. */
export class DeliveryLog {
  private readonly entries: DeliveryEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(entry: DeliveryEntry) => void>();

  constructor(readonly limit = 1000) {}

  /** Adds an entry (its id is assigned here) and tells the listeners. */
  add(entry: Omit<DeliveryEntry, 'id'>): DeliveryEntry {
    const stored = { id: this.nextId++, ...entry };
    this.entries.push(stored);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  get(id: number): DeliveryEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  list(): readonly DeliveryEntry[] {
    return this.entries;
  }

  /** Calls `listener` for each new entry; returns the function that stops it. */
  subscribe(listener: (entry: DeliveryEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A header that carries a signature, whichever the scheme (`logto-signature-sha-256`, `webhook-signature`, `stripe-signature`). */
const isSignatureHeader = (name: string): boolean => /signature/i.test(name);

/**
 * The request with its signature header masked, for showing (the page gets no material to replay
 * with). With the provider, a hex HMAC says what it was (`[redacted: HMAC-SHA256, 64 hex chars]`).
 */
export function maskSignature(request: WireRequest, provider?: AnyProvider): WireRequest {
  const signer = provider ? signingOf(provider)?.signer : undefined;
  const hexHeader = signer?.scheme === 'hmac-sha256-hex' ? signer.signatureHeader : undefined;
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, !isSignatureHeader(name) && name !== signer?.signatureHeader ? value : name === hexHeader ? `[redacted: HMAC-SHA256, ${value.length} hex chars]` : `[redacted: ${value.length} chars]`]),
  );
  return { ...request, headers };
}

/** What the provider did with the reply, in one line and as rows, when the provider words it (`Provider.emulator`). */
export function outcomeWords(provider: AnyProvider | undefined, outcome: unknown): Pick<DeliveryEntry, 'outcomeLine' | 'outcomeRows'> {
  const emulator = provider?.emulator;
  if (outcome === undefined || !emulator) return {};
  return {
    ...(emulator.outcomeLine ? { outcomeLine: emulator.outcomeLine(outcome) } : {}),
    ...(emulator.outcomeRows ? { outcomeRows: emulator.outcomeRows(outcome) } : {}),
  };
}
