import { replyText, statusClass } from './exchange.js';
import type { CheckResult, CheckStatus, SentExchange } from './types.js';

const RANK: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

/** The worst of several statuses (fail > warn > pass > skip). */
export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'skip');
}

/** What a check says about itself, before the run fills in status and exchanges. */
export interface CheckText {
  id: string;
  title: string;
  why: string;
  fix: string;
}

/** Builds a result. `why`/`fix` are kept on passes too, so a report explains every check. */
export function result(text: CheckText, status: CheckStatus, message: string, exchanges: SentExchange[], details?: Record<string, unknown>): CheckResult {
  const durationMs = exchanges.reduce((sum, sent) => sum + sent.durationMs, 0);
  return { id: text.id, title: text.title, status, message, why: text.why, fix: text.fix, exchanges, ...(details ? { details } : {}), durationMs };
}

/** A check that could not run here, and why. */
export function skipped(text: CheckText, message: string): CheckResult {
  return result(text, 'skip', message, []);
}

/**
 * Grades a request the hook must refuse: 401/403 pass; another 4xx is a warning (the sender
 * cannot tell "bad signature" from "bad payload"); 2xx/3xx means it was accepted, 5xx or no
 * reply means it broke: both fail.
 */
export function gradeRefusal(sent: SentExchange): { status: CheckStatus; note: string } {
  const kind = statusClass(sent);
  const status = sent.response?.status;
  if (status === 401 || status === 403) return { status: 'pass', note: `${sent.label}: refused with ${status}` };
  if (kind === 4) return { status: 'warn', note: `${sent.label}: refused with ${status}, not 401/403` };
  if (kind === 2 || kind === 3) return { status: 'fail', note: `${sent.label}: accepted (${replyText(sent)})` };
  return { status: 'fail', note: `${sent.label}: ${kind === 5 ? 'crashed' : 'broke'} (${replyText(sent)})` };
}

/** Grades a request the hook must refuse with any 4xx (a signed body that is not an event). */
export function gradeAny4xx(sent: SentExchange): { status: CheckStatus; note: string } {
  const kind = statusClass(sent);
  if (kind === 4) return { status: 'pass', note: `${sent.label}: refused with ${sent.response!.status}` };
  if (kind === 2 || kind === 3) return { status: 'fail', note: `${sent.label}: accepted (${replyText(sent)})` };
  return { status: 'fail', note: `${sent.label}: ${kind === 5 ? 'crashed' : 'broke'} (${replyText(sent)})` };
}

/** Grades a delivery the hook must accept with 2xx. */
export function gradeAccept(sent: SentExchange, refusal: CheckStatus = 'fail'): { status: CheckStatus; note: string } {
  if (statusClass(sent) === 2) return { status: 'pass', note: `${sent.label}: ${replyText(sent)}` };
  return { status: refusal, note: `${sent.label}: ${replyText(sent)}` };
}

/** Combines per-request grades into one result: the worst status, the notes that explain it. */
export function combine(text: CheckText, grades: { status: CheckStatus; note: string }[], exchanges: SentExchange[], passMessage: string, details?: Record<string, unknown>): CheckResult {
  const status = worst(grades.map((grade) => grade.status));
  if (grades.length === exchanges.length) exchanges.forEach((sent, index) => (sent.verdict = grades[index]!.status));
  const telling = grades.filter((grade) => grade.status === status).map((grade) => grade.note);
  // A long list (every console payload refused) says the same thing many times: three, then a count.
  const shown = telling.length > 4 ? [...telling.slice(0, 3), `and ${telling.length - 3} more`] : telling;
  return result(text, status, status === 'pass' ? passMessage : shown.join('; '), exchanges, details);
}
