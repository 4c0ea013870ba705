import { z } from 'zod';
import { logtoVersions } from './versions.js';

/** Retry behaviours: what 1.42 really does (`none`) and what the docs promise / PR #9410 adds. */
export const logtoRetryModes = ['none', '5xx-retry-3'] as const;
export type LogtoRetryMode = (typeof logtoRetryModes)[number];

/**
 * Options of the Logto provider. `{}` gives Logto 1.42's real behaviour: one attempt, 10 s timeout,
 * no signature unless a signing key is given.
 */
export const logtoOptionsSchema = z
  .object({
    /**
     * Version profile. `1.42`: tag v1.42.0. `1.43`: npm @logto/schemas 1.43.0 only (no server tag
     * exists; adds the `cimdClientId` user column and TrustedDevice.*). `master`: 1.43 plus what
     * logto-io/logto master sends on the wire (see `cimdClientId`).
     */
    version: z.enum(logtoVersions).default('1.42'),
    /**
     * `version: master` only: the sign-in goes through a CIMD client (OAuth Client ID Metadata
     * Document) with this client id, a URL. Interaction payloads then carry a top-level
     * `cimdClientId` and no `application` (a CIMD client has no application row).
     */
    cimdClientId: z.string().url().optional(),
    /** `none`: a single attempt (v1.42 code). `5xx-retry-3`: the docs' 3 retries on 5xx at 300/600/1200 ms. */
    retries: z.enum(logtoRetryModes).default('none').meta({ flag: '--retries' }),
    /** The hook's signing key; empty means a legacy hook without `logto-signature-sha-256`. */
    signingKey: z.string().default(''),
    /** The hook's id (21 lowercase alphanumerics); generated from the seed when absent. */
    hookId: z.string().min(1).optional(),
    /** The hook's custom headers (`config.headers`), merged as Logto merges them. */
    headers: z.record(z.string(), z.string()).default({}).meta({ flag: '--header' }),
    /**
     * The client IP's field name. `as-code` (real): `userIp` in interaction events, `ip` in data
     * and exception events. `userIp` / `ip`: one name everywhere, for a hook written against
     * a reading of the docs that differs; not what Logto sends.
     */
    ipField: z.enum(['as-code', 'userIp', 'ip']).default('as-code'),
    /**
     * Dev features (1.43 / master): enables the TrustedDevice.* events and the organization row's
     * `isTrustedDeviceAllowed` (master hides it otherwise); on invitation accept, `addedUserIds`.
     */
    devFeatures: z.boolean().default(false),
    /** Per-attempt timeout in ms. Logto uses 10 000. */
    timeoutMs: z.number().int().positive().default(10_000),
  })
  .strict();

export type LogtoOptions = z.output<typeof logtoOptionsSchema>;
