import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signLogtoBody } from '../../src/providers/logto/signing.js';
import { messageIdFor } from '../../src/providers/signing/digest.js';
import { signerFor, standardWebhooksSignature } from '../../src/providers/signing/index.js';
import { standardWebhooksKey } from '../../src/providers/signing/standard-webhooks.js';

const body = '{"event":"PostRegister","createdAt":"2024-01-01T00:00:00.000Z"}';
const now = Date.UTC(2024, 0, 1);

describe('hmac-sha256-hex', () => {
  const signer = signerFor({ scheme: 'hmac-sha256-hex', header: 'logto-signature-sha-256' });

  it('is byte-identical to Logto signing (hex HMAC of the body, UTF-8 key)', () => {
    expect(signer.sign({ key: 'k3y', body, now, id: 'ignored' })).toEqual({ 'logto-signature-sha-256': signLogtoBody('k3y', body) });
    expect(signLogtoBody('k3y', body)).toBe(createHmac('sha256', 'k3y').update(body).digest('hex'));
  });

  it('writes a prefix when one is declared (GitHub-style sha256=)', () => {
    const github = signerFor({ scheme: 'hmac-sha256-hex', header: 'x-hub-signature-256', prefix: 'sha256=' });
    expect(github.sign({ key: 'k', body, now, id: '' })['x-hub-signature-256']).toBe(`sha256=${signLogtoBody('k', body)}`);
  });

  it('verifies the genuine signature and refuses another body, another key and no header', () => {
    const headers = signer.sign({ key: 'k3y', body, now, id: '' });
    expect(signer.verify({ headers, body }, 'k3y', now)).toEqual({ ok: true });
    expect(signer.verify({ headers, body: `${body} ` }, 'k3y', now)).toEqual({ ok: false, reason: 'logto-signature-sha-256 does not match the body' });
    expect(signer.verify({ headers, body }, 'other', now).ok).toBe(false);
    expect(signer.verify({ headers: {}, body }, 'k3y', now)).toEqual({ ok: false, reason: 'no logto-signature-sha-256 header' });
  });

  it('has no timestamp or id to probe', () => {
    expect([signer.timestamped, signer.identified]).toEqual([false, false]);
  });
});

describe('standard-webhooks', () => {
  const signer = signerFor({ scheme: 'standard-webhooks' });
  const key = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it("reproduces the spec's test vector", () => {
    expect(standardWebhooksSignature(key, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs exactly as the standardwebhooks library, which verifies the headers', () => {
    const headers = signer.sign({ key, body, now, id: 'msg_1' });
    expect(Object.keys(headers)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(headers['webhook-timestamp']).toBe(String(now / 1000));
    expect(headers['webhook-signature']).toBe(new Webhook(key).sign('msg_1', new Date(now), body));
    // The library checks the timestamp against the real clock: sign at the real time for it.
    const fresh = signer.sign({ key, body, now: Date.now(), id: 'msg_2' });
    expect(new Webhook(key).verify(body, fresh)).toEqual(JSON.parse(body));
  });

  it('gives one signature per key, space-separated, and either key verifies (key rotation)', () => {
    const other = `whsec_${Buffer.from('another key of 24 bytes!').toString('base64')}`;
    const headers = signer.sign({ key: `${key} ${other}`, body, now: Date.now(), id: 'msg_3' });
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(key).verify(body, headers)).toBeTruthy();
    expect(new Webhook(other).verify(body, headers)).toBeTruthy();
    expect(signer.verify({ headers, body }, other, Number(headers['webhook-timestamp']) * 1000)).toEqual({ ok: true });
  });

  it('svix brand: the same signature under svix-* names', () => {
    const svix = signerFor({ scheme: 'standard-webhooks', brand: 'svix' }).sign({ key, body, now, id: 'msg_1' });
    expect(svix).toEqual({ 'svix-id': 'msg_1', 'svix-timestamp': String(now / 1000), 'svix-signature': signer.sign({ key, body, now, id: 'msg_1' })['webhook-signature'] });
  });

  it('verifies within the tolerance only, and refuses a changed body or missing headers', () => {
    const headers = signer.sign({ key, body, now, id: 'msg_1' });
    expect(signer.verify({ headers, body }, key, now + 300_000)).toEqual({ ok: true });
    expect(signer.verify({ headers, body }, key, now + 301_000)).toEqual({ ok: false, reason: 'webhook-timestamp is more than 300 s from now' });
    expect(signer.verify({ headers, body: body.replace('2024', '2025') }, key, now)).toEqual({ ok: false, reason: 'no webhook-signature entry matches' });
    expect(signer.verify({ headers: { 'webhook-id': 'msg_1' }, body }, key, now)).toEqual({ ok: false, reason: 'missing webhook-timestamp, webhook-signature' });
  });

  it('reads back the id and time it signed', () => {
    expect(signer.read(signer.sign({ key, body, now, id: 'msg_9' }))).toEqual({ id: 'msg_9', now });
  });

  it('tampers within the base64 alphabet, never the padding, and the library refuses it', () => {
    const headers = signer.sign({ key, body, now: Date.now(), id: 'msg_4' });
    const tampered = signer.tamper(headers['webhook-signature']!);
    expect(tampered).toHaveLength(headers['webhook-signature']!.length);
    expect(tampered.endsWith('=')).toBe(true);
    expect(tampered).not.toBe(headers['webhook-signature']);
    expect(() => new Webhook(key).verify(body, { ...headers, 'webhook-signature': tampered })).toThrow('No matching signature found');
  });
});

describe('stripe', () => {
  const signer = signerFor({ scheme: 'stripe' });

  it('signs t.body as hex under the key as text, in t=...,v1=...', () => {
    const digest = createHmac('sha256', 'whsec_test').update(`${now / 1000}.${body}`).digest('hex');
    expect(signer.sign({ key: 'whsec_test', body, now, id: '' })).toEqual({ 'stripe-signature': `t=${now / 1000},v1=${digest}` });
  });

  it('verifies within the tolerance, with any of several v1 entries', () => {
    const headers = signer.sign({ key: 'old new', body, now, id: '' });
    expect(headers['stripe-signature']!.split(',')).toHaveLength(3);
    expect(signer.verify({ headers, body }, 'new', now + 299_000)).toEqual({ ok: true });
    expect(signer.verify({ headers, body }, 'new', now - 301_000)).toEqual({ ok: false, reason: 'stripe-signature t= is more than 300 s from now' });
    expect(signer.verify({ headers, body }, 'third', now)).toEqual({ ok: false, reason: 'no v1= in stripe-signature matches' });
    expect(signer.verify({ headers: { 'stripe-signature': 'v1=00' }, body }, 'new', now)).toEqual({ ok: false, reason: 'stripe-signature has no t=' });
  });

  it('tampers the digest of each v1 entry and keeps t', () => {
    const value = signer.sign({ key: 'k', body, now, id: '' })['stripe-signature']!;
    const tampered = signer.tamper(value);
    expect(tampered.split(',')[0]).toBe(`t=${now / 1000}`);
    expect(tampered).not.toBe(value);
    expect(signer.verify({ headers: { 'stripe-signature': tampered }, body }, 'k', now).ok).toBe(false);
  });
});

describe('none and custom', () => {
  it('none writes no header', () => {
    expect(signerFor({ scheme: 'none' }).sign({ key: 'k', body, now, id: '' })).toEqual({});
  });

  it('custom calls the function with key, body, time and id', () => {
    const signer = signerFor({ scheme: 'custom', name: 'acme', header: 'x-acme', sign: ({ key, body: text, now: at, id }) => `${key}|${text.length}|${at}|${id}` });
    expect(signer.sign({ key: 'k', body: 'abc', now: 5, id: 'm' })).toEqual({ 'x-acme': 'k|3|5|m' });
    expect(signer.scheme).toBe('acme');
  });
});

describe('message ids', () => {
  it('are stable for one seed and body and differ otherwise', () => {
    expect(messageIdFor(1, body)).toBe(messageIdFor(1, body));
    expect(messageIdFor(1, body)).toMatch(/^msg_[A-Za-z0-9]{27}$/);
    expect(messageIdFor(2, body)).not.toBe(messageIdFor(1, body));
    expect(messageIdFor(1, `${body} `)).not.toBe(messageIdFor(1, body));
  });
});

describe('Standard Webhooks keys', () => {
  it('a whsec_ key or bare base64 gives the decoded bytes, as the spec libraries read it', () => {
    expect(standardWebhooksKey('whsec_aGVsbG8=').toString()).toBe('hello');
    expect(standardWebhooksKey('aGVsbG8=').toString()).toBe('hello');
  });

  it('a key that is not base64 is a usage error, not a silent signature with other bytes', () => {
    expect(() => standardWebhooksKey('whsec_not-a-key!')).toThrow(/^a Standard Webhooks signing key is whsec_ followed by base64/);
    expect(() => standardWebhooksKey('whsec_')).toThrow(/not base64/);
    expect(() => new Webhook('whsec_not-a-key!')).toThrow();
  });
});
