import type { Faker } from '@faker-js/faker';
import type { JsonObject, JsonValue } from '../../core/json.js';

/** Arguments a generator may take beside its name. */
export const fakeArgumentKeys = ['fake', 'length', 'domain', 'min', 'max', 'from', 'prefix'] as const;

type Generator = (faker: Faker, args: JsonObject) => JsonValue;

const length = (args: JsonObject, fallback: number) => (typeof args.length === 'number' ? args.length : fallback);
const bounds = (args: JsonObject) => ({ min: typeof args.min === 'number' ? args.min : 0, max: typeof args.max === 'number' ? args.max : 1_000_000 });

/**
 * The faker generators a provider file may name: an allow-list, so a file can never call into
 * anything else. Names are faker's own (`internet.email`); the scenario shorthands work too.
 */
const generators: Record<string, Generator> = {
  'string.uuid': (f) => f.string.uuid(),
  'string.alphanumeric': (f, a) => f.string.alphanumeric({ length: length(a, 16), casing: 'lower' }),
  'string.numeric': (f, a) => f.string.numeric(length(a, 6)),
  'string.nanoid': (f, a) => f.string.nanoid(length(a, 21)),
  'internet.email': (f, a) => f.internet.email(typeof a.domain === 'string' ? { provider: a.domain } : undefined).toLowerCase(),
  'internet.username': (f) => f.internet.username(),
  'internet.ipv4': (f) => f.internet.ipv4(),
  'internet.ipv6': (f) => f.internet.ipv6(),
  'internet.userAgent': (f) => f.internet.userAgent(),
  'internet.url': (f) => f.internet.url(),
  'internet.domainName': (f) => f.internet.domainName(),
  'person.fullName': (f) => f.person.fullName(),
  'person.firstName': (f) => f.person.firstName(),
  'person.lastName': (f) => f.person.lastName(),
  'phone.number': (f) => f.phone.number({ style: 'international' }),
  'company.name': (f) => f.company.name(),
  'lorem.word': (f) => f.lorem.word(),
  'lorem.sentence': (f) => f.lorem.sentence(),
  'location.city': (f) => f.location.city(),
  'location.countryCode': (f) => f.location.countryCode(),
  'system.semver': (f) => f.system.semver(),
  'number.int': (f, a) => f.number.int(bounds(a)),
  'datatype.boolean': (f) => f.datatype.boolean(),
  'helpers.arrayElement': (f, a) => f.helpers.arrayElement(Array.isArray(a.from) && a.from.length > 0 ? a.from : [null]),
};

/** The scenario file shorthands, as faker names. */
const aliases: Record<string, string> = {
  uuid: 'string.uuid',
  email: 'internet.email',
  name: 'person.fullName',
  firstName: 'person.firstName',
  lastName: 'person.lastName',
  username: 'internet.username',
  phone: 'phone.number',
  company: 'company.name',
  word: 'lorem.word',
  id: 'string.alphanumeric',
};

/** Every name a `{ fake: ... }` may use. */
export const fakeNames: readonly string[] = [...Object.keys(generators), ...Object.keys(aliases)];

/** True when `name` is on the allow-list. */
export function isFakeName(name: string): boolean {
  return Object.hasOwn(generators, name) || Object.hasOwn(aliases, name);
}

/** Draws one value; `prefix` (for strings) is prepended, as ids such as `user_...` have. */
export function drawFake(faker: Faker, args: JsonObject): JsonValue {
  const name = String(args.fake);
  const generator = generators[aliases[name] ?? name]!;
  const value = generator(faker, args);
  return typeof args.prefix === 'string' ? `${args.prefix}${String(value)}` : value;
}
