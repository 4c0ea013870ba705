import { describe, expect, it } from 'vitest';
import { validateOverrides } from '../../src/emulator/overrides.js';
import { getProvider } from '../../src/providers/registry.js';
import { prepareEvent } from '../../src/send.js';

const logto = getProvider('logto');
const dexie = getProvider('dexie-cloud');
const register = prepareEvent({ provider: 'logto', event: 'PostRegister', seed: 3, now: Date.parse('2026-03-01T10:00:00Z') }).payload;
const newUser = prepareEvent({ provider: 'dexie-cloud', event: 'new-user', seed: 3, now: Date.parse('2026-03-01T10:00:00Z') }).payload;

describe('overrides validated against the contract', () => {
  it('a value of the right type passes and lands in the payload', () => {
    const { problems, payload } = validateOverrides(logto, register, ['user.primaryEmail=ada@acme.test', '', '# a comment']);
    expect(problems).toEqual([]);
    expect((payload.user as { primaryEmail: string }).primaryEmail).toBe('ada@acme.test');
  });

  it("a value of the wrong type is blamed on its line, with what the provider sends (the event's own shape, not every union branch)", () => {
    const { problems } = validateOverrides(logto, register, ['user.name="Ada"', 'user.primaryEmail=42']);
    const email = (register.user as { primaryEmail: string }).primaryEmail;
    expect(problems).toEqual([{ line: 2, path: 'user.primaryEmail', message: `user.primaryEmail: Invalid input: expected string, received number (the provider sends ${JSON.stringify(email)})` }]);
  });

  it("a field Logto's event never has is named as such, not as some other event family's complaint", () => {
    expect(validateOverrides(logto, register, ['plan="pro"']).problems).toEqual([{ line: 1, path: 'plan', message: 'plan: not a field of this event: the provider never sends it' }]);
  });

  it("a Management API event is checked as one: a wrong status is a wrong type, not five fields 'never sent'", () => {
    const created = prepareEvent({ provider: 'logto', event: 'Role.Created', seed: 3, now: Date.parse('2026-03-01T10:00:00Z') }).payload;
    expect(validateOverrides(logto, created, ['status="x"']).problems).toEqual([{ line: 1, path: 'status', message: 'status: Invalid input: expected number, received string (the provider sends 200)' }]);
    expect(validateOverrides(logto, created, ['status=201']).problems).toEqual([]);
  });

  it('a field the provider never sends, a line that is no assignment, a path into a string', () => {
    expect(validateOverrides(dexie, newUser, ['nickname=x']).problems).toEqual([{ line: 1, path: 'nickname', message: 'nickname: not a field of this event: the provider never sends it' }]);
    expect(validateOverrides(dexie, newUser, ['email']).problems).toEqual([{ line: 1, path: 'email', message: 'invalid line "email": expected path=value, e.g. user.primaryEmail=a@b.test' }]);
    expect(validateOverrides(dexie, newUser, ['email.domain=x']).problems).toEqual([{ line: 1, path: 'email.domain', message: 'cannot set "email.domain": "domain" is inside a string, not an object' }]);
  });

  it('-path removes a field: a required one is a problem, an optional one is not', () => {
    expect(validateOverrides(dexie, newUser, ['-userId']).problems).toEqual([{ line: 1, path: 'userId', message: `userId: Invalid input: expected string, received undefined (the provider sends ${JSON.stringify(newUser.userId)})` }]);
    expect(validateOverrides(dexie, newUser, ['-email']).problems).toEqual([]);
  });
});
