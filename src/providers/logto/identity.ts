import { seededDraws, type Draws } from '../../core/draws.js';
import { companyName, freeEmail, person, username } from '../../core/people.js';
import type { JsonObject } from '../../core/json.js';
import { hasLogto143Fields, type LogtoVersion } from './versions.js';

/** A Logto user row: every column a webhook can show (`userInfoSelectFields` of 1.43, superset of 1.42). */
export type LogtoUser = {
  id: string;
  username: string | null;
  primaryEmail: string | null;
  primaryPhone: string | null;
  name: string | null;
  avatar: string | null;
  customData: JsonObject;
  identities: JsonObject;
  /** Epoch ms or null, as Logto stores it (the docs' "string" is wrong). */
  lastSignInAt: number | null;
  createdAt: number;
  updatedAt: number;
  profile: JsonObject;
  applicationId: string | null;
  cimdClientId: string | null;
  isSuspended: boolean;
  /** Not a userInfo field: only Management API responses carry `hasPassword`. */
  hasPassword: boolean;
}

/** The Logto application a user signs in through (`pick(application, 'id','type','name','description')`). */
export type LogtoApplication = {
  id: string;
  type: 'Native' | 'SPA' | 'Traditional' | 'MachineToMachine' | 'Protected' | 'SAML';
  name: string;
  description: string | null;
}

/**
 * The actor Logto events talk about: a user, the app they use, and the browser and address
 * their requests come from. Events read it and return it moved on (timestamps). A type, not an
 * interface: it is then a JsonObject as it is, and the provider hands it on without casts.
 */
export type LogtoActor = {
  user: LogtoUser;
  application: LogtoApplication;
  userAgent: string;
  ip: string;
  /**
   * The Experience API interaction the actor is in, once an event opened one: its id (the
   * oidc-provider `jti`, sent as `sessionId`), its kind, and the events it has fired. Events of
   * one interaction (a sign-up's PostRegister and User.Created) share the id.
   */
  interaction?: LogtoInteraction;
}

/** An oidc-provider interaction as events see it. */
export type LogtoInteraction = {
  sessionId: string;
  event: 'Register' | 'SignIn' | 'ForgotPassword';
  /** Events already sent from this interaction, by name. */
  fired: string[];
}

const DAY = 86_400_000;

/** Current browsers, as a sign-in page sees them (faker's list includes long-dead ones). */
export const BROWSER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15',
] as const;

/** Client networks from the documentation ranges (RFC 5737): realistic, and nobody's real address. */
const CLIENT_NETWORKS = ['192.0.2', '198.51.100', '203.0.113'] as const;

/** A host address in one of the documentation /24 networks (not the network or broadcast address). */
function clientIp(draws: Draws): string {
  return `${draws.pick(CLIENT_NETWORKS)}.${draws.int(1, 254)}`;
}

/**
 * A realistic existing user, generated from `seed` alone: the same seed gives the same person.
 * Timestamps are relative to `now` (registered weeks ago, last signed in days ago).
 */
export function createLogtoActor(seed: number, now: number): LogtoActor {
  const draws = seededDraws(seed, 1);
  const who = person(draws);
  const createdAt = now - draws.int(7 * DAY, 400 * DAY);
  const lastSignInAt = now - draws.int(DAY / 2, 6 * DAY);
  const user: LogtoUser = {
    id: draws.lowerAlnum(12),
    // Logto usernames match `^[A-Z_a-z]\w*$`.
    username: username(draws, who),
    primaryEmail: freeEmail(draws, who),
    primaryPhone: null,
    name: `${who.firstName} ${who.lastName}`,
    avatar: null,
    customData: {},
    identities: {},
    lastSignInAt,
    createdAt,
    updatedAt: lastSignInAt,
    profile: {},
    applicationId: null,
    cimdClientId: null,
    isSuspended: false,
    hasPassword: true,
  };
  const application: LogtoApplication = {
    id: draws.lowerAlnum(21),
    type: 'SPA',
    name: `${companyName(draws)} Web`,
    description: null,
  };
  return { user, application, userAgent: draws.pick(BROWSER_AGENTS), ip: clientIp(draws) };
}

/** `pick(user, ...userInfoSelectFields)` for a version, in Logto's key order. */
export function pickUserInfo(user: LogtoUser, version: LogtoVersion): JsonObject {
  // Spelled out rather than looped over `userInfoSelectFields` (one object shape instead of 14
  // keyed stores, on every event); test/unit/logto-identity checks the keys against the list.
  const info: JsonObject = {
    id: user.id,
    username: user.username,
    primaryEmail: user.primaryEmail,
    primaryPhone: user.primaryPhone,
    name: user.name,
    avatar: user.avatar,
    customData: user.customData,
    identities: user.identities,
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    profile: user.profile,
    applicationId: user.applicationId,
  };
  if (hasLogto143Fields(version)) info.cimdClientId = user.cimdClientId;
  info.isSuspended = user.isSuspended;
  return info;
}

/** The Management API's user response: userInfo + `hasPassword` (`transpileUserProfileResponse`). */
export function userProfileResponse(user: LogtoUser, version: LogtoVersion): JsonObject {
  return Object.assign(pickUserInfo(user, version), { hasPassword: user.hasPassword });
}

/** `pick(application, 'id', 'type', 'name', 'description')`. */
export function pickApplication(application: LogtoApplication): JsonObject {
  const { id, type, name, description } = application;
  return { id, type, name, description };
}

/** A fresh oidc-provider interaction id (`interactionDetails.jti`): 21 url-safe characters. */
export function newSessionId(draws: Draws): string {
  return draws.mixedAlnum(21);
}

/** A hook id as Logto's `generateStandardId` makes it: 21 lowercase alphanumerics. */
export function hookIdFromSeed(seed: number): string {
  return seededDraws(seed, 2).lowerAlnum(21);
}
