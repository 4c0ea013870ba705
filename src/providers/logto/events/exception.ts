import { pickApplication } from '../identity.js';
import { accountApiPayload, experienceEvent, iso } from './context.js';
import type { LogtoEventSpec } from './types.js';

/** Exception events fire from a `finally` block: they are sent although the request fails. */
export const exceptionEvents: readonly LogtoEventSpec[] = [
  {
    name: 'Identifier.Lockout',
    family: 'exception',
    summary: 'An identifier was locked after too many failed attempts (sentinel-guard.ts)',
    variants: [
      { name: 'email', summary: 'type "email"' },
      { name: 'username', summary: 'type "username"' },
      { name: 'phone', summary: 'type "phone" (value: the digits, as Logto stores phone numbers)' },
    ],
    build(input) {
      const type = input.variant === 'username' || input.variant === 'phone' ? input.variant : 'email';
      const value =
        type === 'email'
          ? (input.actor.user.primaryEmail ?? 'someone@example.com')
          : type === 'phone'
            ? (input.actor.user.primaryPhone ?? `1555${input.draws.digits(7)}`)
            : (input.actor.user.username ?? 'someone');
      return experienceEvent('Identifier.Lockout', input, input.actor, 'SignIn', { type, value });
    },
  },
  {
    name: 'Message.RateLimited',
    family: 'exception',
    summary: 'A verification code was not sent: rate limited (verification-code-helpers.ts)',
    variants: [
      { name: 'experience', summary: 'action "VerificationCodeSend" to the recipient, during a sign-in' },
      { name: 'account-api', summary: 'POST /api/verifications/verification-code from the Account API: {userAgent, ip, action, recipient}' },
    ],
    build(input) {
      const recipient = input.actor.user.primaryEmail ?? 'someone@example.com';
      if (input.variant === 'account-api') {
        // routes/verification/index.ts: the user's own browser, Account API metadata only.
        return { actor: input.actor, payload: accountApiPayload('Message.RateLimited', input, input.actor, { action: 'VerificationCodeSend', recipient }) };
      }
      return experienceEvent('Message.RateLimited', input, input.actor, 'SignIn', { action: 'VerificationCodeSend', recipient });
    },
  },
  {
    name: 'Grant.LimitExceeded',
    family: 'exception',
    summary: 'OIDC grants were evicted beyond the max allowed grants (authorization-success.ts)',
    variants: [{ name: 'authorization', summary: 'after a successful authorization' }],
    build(input) {
      // Its own key order: ip before userAgent (logto.md §2.2).
      const { actor } = input;
      return {
        actor,
        payload: {
          event: 'Grant.LimitExceeded',
          createdAt: iso(input.now),
          ip: actor.ip,
          userAgent: actor.userAgent,
          application: pickApplication(actor.application),
          userId: actor.user.id,
          applicationId: actor.application.id,
          revokedGrantIds: [input.draws.lowerAlnum(21)],
          maxAllowedGrants: 5,
          preRevocationActiveGrantCount: 6,
        },
      };
    },
  },
];
