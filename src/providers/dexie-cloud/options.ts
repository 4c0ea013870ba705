import { z } from 'zod';

/**
 * What Dexie Cloud does when the new-user hook fails (no reply in time, network error, a reply
 * that breaks the contract, `ok: false`). Undocumented: the default `webhook-error` is inferred
 * from the client's `WEBHOOK_ERROR` policy code (../shared/contracts/dexie-cloud.md §2).
 */
export const dexieFailurePolicies = ['webhook-error', 'eval', 'reject'] as const;
export type DexieFailurePolicy = (typeof dexieFailurePolicies)[number];

/**
 * The five "Policy for new users" settings of Dexie Cloud Manager (dexie-cloud.md §1.1). The
 * hook is called only under `webhook`; the others decide without it.
 */
export const dexieUserPolicies = ['auto-eval', 'auto-prod', 'prod-domains', 'webhook', 'reject-unknown'] as const;
export type DexieUserPolicy = (typeof dexieUserPolicies)[number];

/** Options of the Dexie Cloud provider. `{}` gives the documented/inferred defaults. */
export const dexieOptionsSchema = z
  .object({
    /**
     * `webhook-error` (default, inferred): the login fails with 403 `WEBHOOK_ERROR`.
     * `eval`: fall back to an evaluation account. `reject`: refuse as `USER_NOT_ACCEPTED`.
     */
    failurePolicy: z.enum(dexieFailurePolicies).default('webhook-error'),
    /** How new users are treated (Dexie's default is `auto-eval`; hooksim tests hooks, so `webhook`). */
    policy: z.enum(dexieUserPolicies).default('webhook'),
    /** For `prod-domains`: email domains whose new users get production accounts. */
    prodDomains: z.array(z.string().min(1)).default([]),
    /** Evaluation days a new eval user gets (`maxAllowedEvalDaysLeft`, at most 30). */
    evalDays: z.number().int().min(0).max(30).default(30),
    /** Per-call timeout in ms. Not published by Dexie; 10 000 is hooksim's choice. */
    timeoutMs: z.number().int().positive().default(10_000),
    /**
     * Sends `X-DexieCloud-Token: <token>` as Dexie's data-change hooks do. Off by default: the
     * new-user hook has no secret field in Dexie Cloud Manager.
     */
    token: z.string().min(1).optional(),
  })
  .strict();

export type DexieOptions = z.output<typeof dexieOptionsSchema>;
