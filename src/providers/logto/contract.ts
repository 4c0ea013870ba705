import { z } from 'zod';
import { logtoEventSpecs } from './events/index.js';

/**
 * Zod schemas of what Logto sends, written from ../shared/contracts/logto.md (Logto's own
 * `@logto/schemas` pins zod 3 and has no guard for whole payloads). They are strict: a key real
 * Logto would not send fails validation. They accept everything Logto really sends: every
 * payload hooksim builds, Logto's own test payloads (`generateHookTestPayload`: fake ids, no
 * `interactionEvent`, `hookId` second) and what master adds (`cimdClientId`, labelled below).
 * Hook authors can export them as JSON Schema.
 */

const lowerId = (length: number) => z.string().regex(new RegExp(`^[a-z0-9]{${length}}$`));
const jsonObject = z.record(z.string(), z.unknown());
const epochMs = z.number().int().nonnegative();

const userInfoShape = {
  /** 12 lowercase alphanumerics for real users; the test payload's fake user is "fake-id". */
  id: z.string().min(1),
  username: z.string().nullable(),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  name: z.string().nullable(),
  avatar: z.string().nullable(),
  customData: jsonObject,
  identities: z.record(z.string(), z.object({ userId: z.string(), details: jsonObject.optional() })),
  lastSignInAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  profile: jsonObject,
  applicationId: z.string().nullable(),
  isSuspended: z.boolean(),
};

/** The `user` / `data` object of Logto 1.42 (`userInfoSelectFields`, 14 keys). */
export const logtoUserInfo142 = z.object(userInfoShape).strict();
/** The same for Logto 1.43 (adds `cimdClientId`). */
export const logtoUserInfo143 = z.object({ ...userInfoShape, cimdClientId: z.string().nullable() }).strict();
const userInfo = z.union([logtoUserInfo142, logtoUserInfo143]);
/** A Management API user response: userInfo + `hasPassword`. */
export const logtoUserProfile = z.union([
  logtoUserInfo142.extend({ hasPassword: z.boolean() }).strict(),
  logtoUserInfo143.extend({ hasPassword: z.boolean() }).strict(),
]);

/** `pick(application, 'id', 'type', 'name', 'description')`. */
export const logtoApplication = z
  .object({
    id: z.string(),
    type: z.enum(['Native', 'SPA', 'Traditional', 'MachineToMachine', 'Protected', 'SAML']),
    name: z.string(),
    description: z.string().nullable(),
  })
  .strict();

const isoTimestamp = z.iso.datetime({ precision: 3 });
const hookId = lowerId(21);

const adaptiveMfaResult = z
  .object({
    requiresMfa: z.boolean(),
    triggeredRules: z.array(z.object({ rule: z.enum(['new_country', 'geo_velocity', 'long_inactivity', 'untrusted_ip']), details: jsonObject }).strict()),
  })
  .strict();

/** Payload of PostRegister / PostSignIn / PostResetPassword / PostSignInAdaptiveMfaTriggered. */
export const logtoInteractionPayload = z
  .object({
    adaptiveMfaResult: adaptiveMfaResult.optional(),
    event: z.enum(['PostRegister', 'PostSignIn', 'PostResetPassword', 'PostSignInAdaptiveMfaTriggered']),
    /** Absent from Logto's test payloads only. */
    interactionEvent: z.enum(['Register', 'SignIn', 'ForgotPassword']).optional(),
    createdAt: isoTimestamp,
    sessionId: z.string().optional(),
    userAgent: z.string().optional(),
    userId: z.string().optional(),
    userIp: z.string().optional(),
    user: userInfo.optional(),
    application: logtoApplication.optional(),
    /** master: the client id (a URL) of a CIMD client, at the top level. */
    cimdClientId: z.string().optional(),
    hookId,
  })
  .strict();

const idList = z.array(z.string()).min(1).max(5000);
/** Organization.Membership.Updated deltas (1.40+): empty lists are omitted, each capped at 5000. */
const membershipShape = {
  organizationId: z.string().optional(),
  addedUserIds: idList.optional(),
  removedUserIds: idList.optional(),
  addedApplicationIds: idList.optional(),
  removedApplicationIds: idList.optional(),
  /** master: organization owner assignment. */
  updatedUserIds: idList.optional(),
};

/** Payload of a data event fired from the Management API (registered routes). */
export const logtoManagementApiPayload = z
  .object({
    event: z.string(),
    createdAt: isoTimestamp,
    userAgent: z.string().optional(),
    ip: z.string().optional(),
    path: z.string().regex(/^\/(?!api\/)/, 'path has no /api prefix'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    status: z.number().int(),
    params: z.record(z.string(), z.string()),
    matchedRoute: z.string().optional(),
    /** Role.Scopes.Updated appended by POST /roles. */
    roleId: z.string().optional(),
    /** OrganizationRole.Scopes.Updated appended by POST /organization-roles with scopes. */
    organizationRoleId: z.string().optional(),
    ...membershipShape,
    data: z.unknown().optional(),
    hookId,
  })
  .strict();

/** Payload of a data event fired during an Experience API interaction. */
export const logtoExperiencePayload = z
  .object({
    event: z.string(),
    createdAt: isoTimestamp,
    interactionEvent: z.enum(['Register', 'SignIn', 'ForgotPassword']),
    userAgent: z.string().optional(),
    applicationId: z.string().optional(),
    /** master: CIMD clients. */
    cimdClientId: z.string().optional(),
    sessionId: z.string().optional(),
    ip: z.string().optional(),
    application: logtoApplication.optional(),
    ...membershipShape,
    /** Identifier.Lockout */
    type: z.string().optional(),
    value: z.string().optional(),
    /** Message.RateLimited */
    action: z.literal('VerificationCodeSend').optional(),
    recipient: z.string().optional(),
    data: z.unknown().optional(),
    hookId,
  })
  .strict();

/**
 * Payload of an event appended without a route context: the Account API's (`{ userAgent, ip }`
 * metadata), and Management API contexts appended with `{ user }` alone (PATCH
 * /users/:userId/logto-configs). Message.RateLimited from the Account API adds action/recipient.
 */
export const logtoAccountApiPayload = z
  .object({
    event: z.string(),
    createdAt: isoTimestamp,
    userAgent: z.string().optional(),
    ip: z.string().optional(),
    ...membershipShape,
    action: z.literal('VerificationCodeSend').optional(),
    recipient: z.string().optional(),
    data: z.unknown().optional(),
    hookId,
  })
  .strict();

/** Grant.LimitExceeded (authorization-success.ts). */
export const logtoGrantLimitPayload = z
  .object({
    event: z.literal('Grant.LimitExceeded'),
    createdAt: isoTimestamp,
    ip: z.string().optional(),
    userAgent: z.string().optional(),
    application: logtoApplication.optional(),
    userId: z.string(),
    /** Optional on master and in @logto/schemas 1.43.0 (CIMD clients carry cimdClientId instead). */
    applicationId: z.string().optional(),
    cimdClientId: z.string().optional(),
    revokedGrantIds: z.array(z.string()),
    maxAllowedGrants: z.number().int(),
    preRevocationActiveGrantCount: z.number().int(),
    hookId,
  })
  .strict();

/**
 * TrustedDevice.* (1.43 / master dev feature): never an `ip`. Created comes with the Experience
 * API metadata, Deleted with a Management API route context or none.
 */
export const logtoTrustedDevicePayload = z
  .object({
    event: z.enum(['TrustedDevice.Created', 'TrustedDevice.Deleted']),
    createdAt: isoTimestamp,
    interactionEvent: z.enum(['Register', 'SignIn', 'ForgotPassword']).optional(),
    userAgent: z.string().optional(),
    applicationId: z.string().optional(),
    cimdClientId: z.string().optional(),
    sessionId: z.string().optional(),
    application: logtoApplication.optional(),
    path: z.string().regex(/^\/(?!api\/)/, 'path has no /api prefix').optional(),
    method: z.enum(['DELETE']).optional(),
    status: z.number().int().optional(),
    params: z.record(z.string(), z.string()).optional(),
    matchedRoute: z.string().optional(),
    data: z.object({ id: z.string(), userId: z.string(), expiresAt: z.number().int() }).strict(),
    hookId,
  })
  .strict();

/** Any Logto webhook body hooksim sends: for hook authors who validate what they receive. */
export const logtoWebhookPayload = z.union([
  logtoInteractionPayload,
  logtoManagementApiPayload,
  logtoExperiencePayload,
  logtoAccountApiPayload,
  logtoGrantLimitPayload,
  logtoTrustedDevicePayload,
]);

/** The event names hooksim can send for Logto. */
export const logtoEventName = z.enum(logtoEventSpecs.map((spec) => spec.name) as [string, ...string[]]);

export const logtoContracts = {
  'webhook-payload': logtoWebhookPayload,
  'interaction-payload': logtoInteractionPayload,
  'management-api-payload': logtoManagementApiPayload,
  'experience-payload': logtoExperiencePayload,
  'account-api-payload': logtoAccountApiPayload,
  'grant-limit-payload': logtoGrantLimitPayload,
  'trusted-device-payload': logtoTrustedDevicePayload,
  'user-info': userInfo,
  'user-profile': logtoUserProfile,
} satisfies Record<string, z.ZodType>;
