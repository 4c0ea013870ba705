import { describe, expect, test } from 'vitest';
import { MAX_REDIRECTS, redirectStep } from '../../src/transports/wire/redirects.js';
import type { HopRequest } from '../../src/transports/wire/request-bytes.js';

const post: HopRequest = {
  method: 'POST',
  url: new URL('http://a.test/hook'),
  headers: [['content-type', 'application/json'], ['authorization', 'Bearer t'], ['user-agent', 'Logto (https://logto.io/)']],
  body: '{"a":1}',
};

describe("fetch's redirect: 'follow' rules", () => {
  test.each([301, 302, 303])('%i turns the POST into a GET without body or body headers', (status) => {
    const step = redirectStep(post, status, '/next', 0);
    expect(step).toEqual({
      kind: 'follow',
      next: { method: 'GET', url: new URL('http://a.test/next'), headers: [['authorization', 'Bearer t'], ['user-agent', 'Logto (https://logto.io/)']] },
    });
  });

  test.each([307, 308])('%i repeats the POST with its body and headers', (status) => {
    expect(redirectStep(post, status, 'http://a.test/again', 0)).toEqual({ kind: 'follow', next: { ...post, url: new URL('http://a.test/again') } });
  });

  test('statuses that are not redirects, and a 3xx without location, are the final reply', () => {
    for (const status of [200, 300, 304, 305, 404]) expect(redirectStep(post, status, '/x', 0)).toEqual({ kind: 'final' });
    expect(redirectStep(post, 302, undefined, 0)).toEqual({ kind: 'final' });
  });

  test('another origin drops credentials (authorization), keeps the rest', () => {
    const step = redirectStep(post, 307, 'https://b.test/hook#frag', 0);
    expect(step).toEqual({
      kind: 'follow',
      next: { method: 'POST', url: new URL('https://b.test/hook'), headers: [['content-type', 'application/json'], ['user-agent', 'Logto (https://logto.io/)']], body: '{"a":1}' },
    });
  });

  test(`the ${MAX_REDIRECTS}th redirect is followed, the ${MAX_REDIRECTS + 1}st is a network error`, () => {
    expect(MAX_REDIRECTS).toBe(20);
    expect(redirectStep(post, 302, '/loop', MAX_REDIRECTS - 1).kind).toBe('follow');
    expect(redirectStep(post, 302, '/loop', MAX_REDIRECTS)).toEqual({ kind: 'error', message: 'redirect count exceeded: more than 20 redirects (last to http://a.test/loop)' });
  });

  test('a location that is not a URL, or not HTTP(S), is a network error', () => {
    expect(redirectStep(post, 302, 'http://[bad', 0)).toEqual({ kind: 'error', message: 'redirect 302 to an invalid location "http://[bad"' });
    expect(redirectStep(post, 302, 'ftp://a.test/x', 0)).toEqual({ kind: 'error', message: 'redirect 302 to a non-HTTP location ftp:' });
  });
});
