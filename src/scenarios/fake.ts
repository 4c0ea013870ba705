import type { Faker } from '@faker-js/faker';
import { lowerAlnum } from '../core/random.js';
import type { z } from 'zod';
import type { fakeSchema } from './schema.js';

export type FakeSpec = z.output<typeof fakeSchema>;

/** Draws one named fake value. The faker passed in is seeded, so the file stays code-free and deterministic. */
export function drawFake(spec: FakeSpec, faker: Faker): string {
  switch (spec.fake) {
    case 'email': {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      return faker.internet.email({ firstName: first, lastName: last, ...(spec.domain ? { provider: spec.domain } : {}) }).toLowerCase();
    }
    case 'name':
      return faker.person.fullName();
    case 'firstName':
      return faker.person.firstName();
    case 'lastName':
      return faker.person.lastName();
    case 'username':
      return faker.internet.username().replace(/\W/g, '_');
    case 'phone':
      // E.164 digits without "+", as Logto stores primaryPhone.
      return `1${faker.string.numeric(10)}`;
    case 'uuid':
      return faker.string.uuid();
    case 'company':
      return faker.company.name();
    case 'word':
      return faker.lorem.word();
    case 'id':
      return lowerAlnum(faker, spec.length ?? 12);
  }
}
