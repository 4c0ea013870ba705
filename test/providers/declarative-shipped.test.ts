import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { embedDefinition, shippedDefinitions } from '../../src/providers/declarative/embed.js';
import { parseProviderFile } from '../../src/providers/declarative/load.js';
import { enrollment } from '../../src/providers/enrollment/index.js';
import { getProvider } from '../../src/providers/registry.js';
import { standardWebhooks } from '../../src/providers/standard-webhooks/index.js';
import { prepareEvent } from '../../src/send.js';

const root = resolve(import.meta.dirname, '../..');
const KEY = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const now = Date.UTC(2025, 0, 2, 3, 4, 5);

it('finds every shipped provider file by its name', () => {
  expect(shippedDefinitions(root).map((entry) => entry.exportName)).toEqual(['enrollmentDefinition', 'standardWebhooksDefinition']);
});

describe.each(shippedDefinitions(root))('$yaml', ({ yaml, module, exportName }) => {
  const text = readFileSync(resolve(root, yaml), 'utf8');

  it(`is embedded unchanged in ${module} (npx tsx scripts/gen-provider-definitions.ts)`, () => {
    expect(readFileSync(resolve(root, module), 'utf8')).toBe(embedDefinition(text, yaml, exportName));
  });

  it('passes every check a user file gets (templates, references, generators)', () => {
    expect(parseProviderFile(text, yaml).events.length).toBeGreaterThan(0);
  });
});

describe('enrollment', () => {
  const first = prepareEvent({ provider: enrollment, event: 'enrollment', seed: 1, now, options: { signingKey: KEY } });
  const data = (request: { body: string }) => JSON.parse(request.body).data as Record<string, unknown>;

  it('is registered and sends user, deviceIdentifier, appId, sessionId and enrolledAt', () => {
    expect(getProvider('enrollment')).toBe(enrollment);
    expect(Object.keys(data(first.request))).toEqual(['user', 'deviceIdentifier', 'deviceName', 'appId', 'sessionId', 'enrolledAt']);
    expect(data(first.request)).toMatchObject({ appId: 'app_7f3k2m9q', enrolledAt: '2025-01-02T03:04:05.000Z' });
  });

  it('a second device is another deviceIdentifier for the same user; a re-enrollment repeats it; each has its own session', () => {
    const second = prepareEvent({ provider: enrollment, event: 'enrollment', variant: 'new-device', seed: 2, now, actor: first.actor });
    const again = prepareEvent({ provider: enrollment, event: 'enrollment', variant: 're-enrollment', seed: 3, now, actor: second.actor });
    expect(data(second.request).user).toEqual(data(first.request).user);
    expect(data(second.request).deviceIdentifier).not.toBe(data(first.request).deviceIdentifier);
    expect(data(again.request).deviceIdentifier).toBe(data(second.request).deviceIdentifier);
    expect(new Set([first, second, again].map((event) => data(event.request).sessionId)).size).toBe(3);
  });

  it('says what a repeat must lead to: re-enrollment, and the outcome "device already provisioned"', () => {
    expect(enrollment.repeats?.variants).toEqual(['re-enrollment']);
    expect(enrollment.repeats?.holds({ delivered: true, result: 'device already provisioned', attempts: 1 })).toBe(true);
    expect(enrollment.repeats?.holds({ delivered: true, result: 'device provisioned', attempts: 1 })).toBe(false);
  });

  it('is signed per Standard Webhooks (the library verifies it)', () => {
    const fresh = prepareEvent({ provider: enrollment, event: 'enrollment', seed: 1, now: Date.now(), options: { signingKey: KEY } });
    expect(new Webhook(KEY).verify(fresh.request.body, fresh.request.headers)).toEqual(JSON.parse(fresh.request.body));
  });
});

describe('standard-webhooks', () => {
  it('sends Clerk-style user events the standardwebhooks library verifies', () => {
    for (const event of ['user.created', 'user.updated', 'user.deleted']) {
      const prepared = prepareEvent({ provider: standardWebhooks, event, seed: 4, now: Date.now(), options: { signingKey: KEY } });
      const payload = new Webhook(KEY).verify(prepared.request.body, prepared.request.headers) as { type: string; object: string; data: { id: string } };
      expect(payload).toMatchObject({ type: event, object: 'event' });
      expect(payload.data.id).toMatch(/^user_[a-z0-9]{27}$/);
    }
  });

  it('user.updated name-changed changes the first name and updated_at, not the id', () => {
    const created = prepareEvent({ provider: standardWebhooks, event: 'user.created', seed: 5, now });
    const updated = prepareEvent({ provider: standardWebhooks, event: 'user.updated', variant: 'name-changed', seed: 6, now: now + 60_000, actor: created.actor });
    const [before, after] = [created, updated].map((event) => JSON.parse(event.request.body).data as Record<string, unknown>);
    expect(after!.id).toBe(before!.id);
    expect(after!.first_name).not.toBe(before!.first_name);
    expect(after!.updated_at).toBe(now + 60_000);
    expect(after!.created_at).toBe(now);
  });
});
