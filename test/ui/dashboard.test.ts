import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios } from '../../src/scenarios/run-all.js';
import type { Emulator } from '../../src/emulator/emulator.js';
import type { LogtoMockApi } from '../../src/providers/logto/mock-api/index.js';
import { openSession, root, screenshot, type Session } from './harness.js';

/** The emulator's Logto tenant API (the emulator itself knows it only by its short name). */
const logtoOf = (emulator: Emulator) => emulator.mockApi('logto') as LogtoMockApi;

let session: Session;
beforeAll(async () => {
  session = await openSession();
}, 30_000);
afterAll(async () => {
  await session?.close();
});

const text = (selector: string) => session.page.locator(selector).innerText();

async function sendFromForm(provider: string, event: string, target: string, overrides = ''): Promise<void> {
  const { page } = session;
  await page.selectOption('#send-provider', provider);
  await page.selectOption('#send-event', event);
  await page.selectOption('#send-target', target);
  await page.fill('#send-overrides', overrides);
  // The preview validates as you type; the button is enabled again once it has answered.
  await page.waitForSelector('#send-button:not([disabled])');
  await page.click('#send-button');
  await page.waitForSelector('#send-result [data-testid="verdict"]');
}

describe('hooksim ui in Chromium', () => {
  it('sends an event and shows the verdict, the outcome and the request with the signature redacted', async () => {
    const { page } = session;
    await page.click('nav button[data-view="send"]');
    await sendFromForm('logto', 'PostRegister', 'logto-signed');
    expect(await text('#send-result [data-testid="verdict"]')).toBe('PASS: the hook kept the contract');
    expect(await text('#send-result [data-testid="status"]')).toBe('200');
    expect(await text('#send-result [data-testid="outcome"]')).toMatch(/Console shows\s+Success \(1 attempt\)/);
    expect(await text('#send-preview')).toMatch(/logto-signature-sha-256: \[redacted: HMAC-SHA256, 64 hex chars\]/);
    // The page never holds the key or the real signature.
    const html = await page.content();
    expect(html).not.toContain('hooksimDemoSigningKey0123456789ab');
    const sent = session.dashboard.emulator.deliveries.list().at(-1)!;
    expect(sent.userId).toBeDefined();
    expect(logtoOf(session.dashboard.emulator).tenant.users.has(sent.userId!)).toBe(true);
    await screenshot(page, 'send');
  });

  it('sends to a typed URL, and says what is wrong with one that is not a URL', async () => {
    const { page } = session;
    const server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/logto`;
      await page.selectOption('#send-provider', 'logto');
      await page.selectOption('#send-target', '__url');
      await page.fill('#send-url', url);
      await page.click('#send-button');
      await page.waitForSelector(`#send-result >> text=→ ${url}`);
      expect(await text('#send-result [data-testid="status"]')).toBe('204');

      await page.fill('#send-url', 'localhost:3000/hooks');
      await page.click('#send-button');
      await page.waitForSelector('#send-result [role="alert"]');
      expect(await text('#send-result [role="alert"]')).toBe('invalid target URL "localhost:3000/hooks": it has no scheme (did you mean "http://localhost:3000/hooks"?)');
    } finally {
      server.close();
    }
  });

  it("a broken example hook's violation is shown with its explanation, expected against actual, and Dexie's refusal", async () => {
    const { page } = session;
    await sendFromForm('dexie-cloud', 'new-user', 'dexie-status-201');
    expect(await text('#send-result [data-testid="verdict"]')).toBe('FAIL: 1 violation');
    const violations = await text('#send-result .violations');
    expect(violations).toContain('status: expected status 200, got 201');
    expect(violations).toContain('- expected: status 200');
    expect(violations).toContain('+ actual: 201');
    expect(await text('#send-result [data-testid="outcome"]')).toContain('refused: /token answers 403 WEBHOOK_ERROR');
    await screenshot(page, 'send-violation');

    // The same event to the faithful hook: accepted, with the user's type.
    await sendFromForm('dexie-cloud', 'new-user', 'dexie-domain');
    expect(await text('#send-result [data-testid="verdict"]')).toBe('PASS: the hook kept the contract');
    expect(await text('#send-result [data-testid="outcome"]')).toMatch(/Login\s+accepted as (eval|prod)/);
  });

  it('an override that breaks the contract is an inline error as you type, and fixing it clears the error', async () => {
    const { page } = session;
    await page.selectOption('#send-provider', 'logto');
    await page.selectOption('#send-event', 'PostRegister');
    await page.fill('#send-overrides', 'user.primaryEmail=42');
    await page.waitForSelector('#send-override-errors li');
    expect(await text('#send-override-errors')).toBe('line 1: user.primaryEmail: Invalid input: expected string, received number (the provider sends ' + JSON.stringify(await currentEmail()) + ')');
    expect(await page.getAttribute('#send-overrides', 'aria-invalid')).toBe('true');
    expect(await page.isDisabled('#send-button')).toBe(true);
    await screenshot(page, 'send-validation');

    await page.fill('#send-overrides', 'user.primaryEmail="ada@acme.test"\nnot an assignment');
    await page.waitForSelector('#send-override-errors li >> text=line 2');
    expect(await text('#send-override-errors')).toBe('line 2: invalid line "not an assignment": expected path=value, e.g. user.primaryEmail=a@b.test');

    await page.fill('#send-overrides', 'user.primaryEmail=ada@acme.test');
    await page.waitForSelector('#send-override-errors:empty', { state: 'attached' });
    expect(await page.getAttribute('#send-overrides', 'aria-invalid')).toBe('false');
    expect(await page.isDisabled('#send-button')).toBe(false);
    expect(await text('#send-preview')).toContain('"primaryEmail": "ada@acme.test"');
  });

  it('replays a delivery as-is and edited from History, and copies it as a scenario step', async () => {
    const { page } = session;
    await sendFromForm('logto', 'PostRegister', 'logto-signed', 'user.name=Ada');
    const original = session.dashboard.emulator.deliveries.list().at(-1)!;
    await page.click('nav button[data-view="history"]');
    await page.click(`#history-rows tr[data-id="${original.id}"]`);
    await page.click('#replay-as-is');
    await page.waitForSelector(`#history-rows tr:first-child >> text="replay of #${original.id}"`);
    const asIs = session.dashboard.emulator.deliveries.list().at(-1)!;
    expect(asIs).toMatchObject({ replayOf: original.id, userId: original.userId, source: 'replay' });
    expect(asIs.request.body).toBe(original.request.body);

    await page.click(`#history-rows tr[data-id="${original.id}"]`);
    await page.fill('#replay-overrides', 'user.name=Grace');
    await page.click('#replay-edited');
    await page.waitForSelector(`#history-rows tr[data-id="${asIs.id + 1}"]`);
    const edited = session.dashboard.emulator.deliveries.list().at(-1)!;
    expect(edited.replayOf).toBe(original.id);
    expect(JSON.parse(edited.request.body).user.name).toBe('Grace');
    // Same person: the edit changes the payload, not whom it speaks of.
    expect(edited.userId).toBe(original.userId);

    // An edit that breaks the contract is refused with the reason, nothing sent.
    const before = session.dashboard.emulator.deliveries.list().length;
    await page.fill('#replay-overrides', 'user.name=42');
    await page.click('#replay-edited');
    await page.waitForSelector('#replay-errors li');
    expect(await text('#replay-errors')).toContain('user.name: Invalid input: expected string, received number');
    expect(session.dashboard.emulator.deliveries.list().length).toBe(before);

    await page.click('text=YAML step');
    await page.waitForSelector('#copy-output:not([hidden])');
    expect(await text('#copy-output')).toContain('  send: "PostRegister"\n  variant: "experience"\n  set:\n    "user.name": "Grace"\n  expect:\n    status: 200\n    contract: kept');
    await page.fill('#history-filter', 'replay');
    expect(await page.locator('#history-rows tr').count()).toBe(2);
    await page.fill('#history-filter', '');
    await screenshot(page, 'history');

    // The session as JSON: every delivery, the tenant, no secret.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#history-export')]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const saved = JSON.parse(exported) as { hooksimSession: number; deliveries: { id: number }[]; state: { logto: { users: unknown[] } } };
    expect(saved.hooksimSession).toBe(1);
    expect(saved.deliveries.map((delivery) => delivery.id)).toContain(edited.id);
    expect(exported).not.toMatch(/hooksimDemoSigningKey|hooksim-m2m-secret|hooksim-secret/);
  });

  it('runs a bundled story with live counts, the same as the CLI, and shows a step\'s request and reply', async () => {
    const { page } = session;
    const file = 'scenarios/logto/signature-tamper.yaml';
    await page.click('nav button[data-view="story"]');
    await page.waitForSelector(`#story-file option[value="${file}"]`, { state: 'attached' });
    await page.selectOption('#story-file', file);
    await page.click('#story-run');
    await page.waitForSelector('[data-testid="story-done"]');
    const cli = await runScenarios({ paths: [file], config: session.dashboard.emulator.config, cwd: root, env: {} });
    const { steps, scenarios } = cli.summary;
    expect(await text('[data-testid="counts-steps"]')).toBe(`Steps: ${steps.passed} passed, ${steps.failed} failed, ${steps.errored} errored`);
    expect(await text('[data-testid="counts-scenarios"]')).toBe(`Scenarios: ${scenarios.passed} passed, ${scenarios.failed} failed, ${scenarios.errored} errored`);
    expect(steps.passed).toBe(5);
    expect(await page.locator('#story-steps button').count()).toBe(5);
    await page.click('#story-steps button >> text=a tampered signature is refused');
    expect(await text('#story-detail')).toContain('HTTP 401');
    await screenshot(page, 'story');
  });

  it('shows the calls a hook made to the mock Management API, and the tenant state without secrets', async () => {
    const { page, dashboard } = session;
    const since = logtoOf(dashboard.emulator).calls.mark();
    await page.click('nav button[data-view="send"]');
    await sendFromForm('logto', 'PostRegister', 'logto-default-role');
    // The hook answers first and calls back afterwards: wait for its last call, then look.
    await logtoOf(dashboard.emulator).calls.waitFor({ method: 'PATCH', path: '/api/users/:id/custom-data' }, { timeoutMs: 10_000, since });
    await page.click('nav button[data-view="mock"]');
    await page.waitForSelector('#mock-calls li details');
    const calls = await text('#mock-calls');
    expect(calls).toContain('logto POST /oidc/token → 200');
    expect(calls).toContain('POST /api/users/');
    expect(await page.inputValue('#mock-state')).toContain('"clientSecret": "[redacted]"');
    expect(await page.inputValue('#mock-state')).not.toContain('hooksim-m2m-secret');
    await screenshot(page, 'mock-apis');
  });

  it('runs a check against a demo target and lists the results', async () => {
    const { page } = session;
    await page.click('nav button[data-view="check"]');
    await page.selectOption('#check-provider', 'dexie-cloud');
    await page.selectOption('#check-target', 'dexie-status-201');
    await page.fill('#check-fuzz', '0');
    await page.click('#check-run');
    await page.waitForSelector('[data-testid="check-summary"]', { timeout: 30_000 });
    expect(await text('[data-testid="check-summary"]')).toMatch(/^\d+ pass, [1-9]\d* fail, \d+ warn, \d+ skip/);
    await screenshot(page, 'check');
  }, 40_000);

  it('is usable from the keyboard: arrow keys move between views', async () => {
    const { page } = session;
    await page.focus('nav button[data-view="send"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('nav button[data-view="story"]', 'aria-current')).toBe('page');
    expect(await page.isVisible('#view-story')).toBe(true);
    expect(await page.isVisible('#view-send')).toBe(false);
    await page.keyboard.press('ArrowLeft');
    expect(await page.isVisible('#view-send')).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});

/** The e-mail the current preview carries (what "the provider sends" names). */
async function currentEmail(): Promise<string> {
  const preview = await session.dashboard.emulator.preview({ provider: 'logto', event: 'PostRegister' });
  return (preview.payload.user as { primaryEmail: string }).primaryEmail;
}

describe('the token and Host guards', () => {
  const call = (path: string, headers: Record<string, string>, method = 'GET', body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(session.dashboard.server.url);
      const req = httpRequest({ host: '127.0.0.1', port: url.port, path, method, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const host = () => new URL(session.dashboard.server.url).host;

  it('refuses an API call without the token, and answers it with the token', async () => {
    expect(await call('/api/catalog', { host: host() })).toEqual({ status: 401, body: JSON.stringify({ error: 'refused: missing or wrong token (open the URL hooksim printed, with its ?token=)' }) });
    expect((await call('/api/catalog', { host: host(), 'x-hooksim-token': 'wrong' })).status).toBe(401);
    expect((await call('/api/catalog', { host: host(), 'x-hooksim-token': session.dashboard.token })).status).toBe(200);
  });

  it('refuses a request naming another host (DNS rebinding), even with the token', async () => {
    const refused = await call('/api/catalog', { host: `evil.test:${new URL(session.dashboard.server.url).port}`, 'x-hooksim-token': session.dashboard.token });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('DNS rebinding guard');
  });

  it('refuses a body that is not application/json (a cross-site form needs no preflight)', async () => {
    const body = JSON.stringify({ provider: 'logto', event: 'PostRegister', target: 'logto-signed' });
    expect((await call('/api/send', { host: host(), 'x-hooksim-token': session.dashboard.token, 'content-type': 'text/plain' }, 'POST', body)).status).toBe(415);
    expect((await call('/api/send', { host: host(), 'x-hooksim-token': session.dashboard.token, 'content-type': 'application/json' }, 'POST', body)).status).toBe(200);
  });

  it('the page opened without its token says so instead of working', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.dashboard.server.url + '/');
    await page.waitForSelector('#connection.fail');
    expect(await page.innerText('#connection')).toBe('refused: missing or wrong token (open the URL hooksim printed, with its ?token=)');
    await page.close();
  });
});
