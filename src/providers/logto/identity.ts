import type { Faker } from '@faker-js/faker';
import { lowerAlnum, mixedAlnum, seededFaker, withSeededFakers } from '../../core/random.js';
import type { JsonObject } from '../../core/json.js';
import { userInfoSelectFields, type LogtoVersion } from './versions.js';

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
const BROWSER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15',
] as const;

/** Client addresses from the documentation ranges (RFC 5737): realistic, and nobody's real address. */
const CLIENT_NETWORKS = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'] as const;

/** Logto usernames match `^[A-Z_a-z]\w*$`. */
function usernameFrom(faker: Faker, first: string, last: string): string {
  const raw = faker.internet.username({ firstName: first, lastName: last }).replace(/\W/g, '_');
  return /^[A-Za-z_]/.test(raw) ? raw : `u_${raw}`;
}

/**
 * A realistic existing user, generated from `seed` alone: the same seed gives the same person.
 * Timestamps are relative to `now` (registered weeks ago, last signed in days ago).
 */
export function createLogtoActor(seed: number, now: number): LogtoActor {
  return withSeededFakers(() => drawLogtoActor(seed, now));
}

function drawLogtoActor(seed: number, now: number): LogtoActor {
  const faker = seededFaker(seed, 1);
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const createdAt = now - faker.number.int({ min: 7 * DAY, max: 400 * DAY });
  const lastSignInAt = now - faker.number.int({ min: DAY / 2, max: 6 * DAY });
  const user: LogtoUser = {
    id: lowerAlnum(faker, 12),
    username: usernameFrom(faker, first, last),
    primaryEmail: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(),
    primaryPhone: null,
    name: `${first} ${last}`,
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
    id: lowerAlnum(faker, 21),
    type: 'SPA',
    name: `${faker.company.name()} Web`,
    description: null,
  };
  return {
    user,
    application,
    userAgent: faker.helpers.arrayElement(BROWSER_AGENTS),
    ip: faker.internet.ipv4({ cidrBlock: faker.helpers.arrayElement(CLIENT_NETWORKS) }),
  };
}

/** `pick(user, ...userInfoSelectFields)` for a version, in Logto's key order. */
export function pickUserInfo(user: LogtoUser, version: LogtoVersion): JsonObject {
  const out: JsonObject = {};
  for (const field of userInfoSelectFields(version)) out[field] = user[field];
  return out;
}

/** The Management API's user response: userInfo + `hasPassword` (`transpileUserProfileResponse`). */
export function userProfileResponse(user: LogtoUser, version: LogtoVersion): JsonObject {
  return { ...pickUserInfo(user, version), hasPassword: user.hasPassword };
}

/** `pick(application, 'id', 'type', 'name', 'description')`. */
export function pickApplication(application: LogtoApplication): JsonObject {
  const { id, type, name, description } = application;
  return { id, type, name, description };
}

/** A fresh oidc-provider interaction id (`interactionDetails.jti`): 21 url-safe characters. */
export function newSessionId(faker: Faker): string {
  return mixedAlnum(faker, 21);
}

/** A hook id as Logto's `generateStandardId` makes it: 21 lowercase alphanumerics. */
export function hookIdFromSeed(seed: number): string {
  return withSeededFakers(() => lowerAlnum(seededFaker(seed, 2), 21));
}
