// hooksim dashboard: plain DOM, no framework. Every value from the server is shown with
// textContent, never parsed as markup, so payload text can never run as code on this page.
const token = new URLSearchParams(location.search).get('token') || '';
const $ = (id) => document.getElementById(id);
const state = { catalog: null, history: [], selected: null, previewTimer: 0, previewSeq: 0, previewSeed: undefined };

/** Creates an element with text and attributes; children may be elements or strings. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** Calls the dashboard API with the per-start token; rejects with the server's one-line error. */
async function api(path, body, method) {
  const init = { method: method || (body === undefined ? 'GET' : 'POST'), headers: { 'x-hooksim-token': token } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const data = await response.json().catch(() => ({ error: 'the server answered ' + response.status + ' without JSON' }));
  if (!response.ok) throw new Error(data.error || 'the server answered ' + response.status);
  return data;
}

const pretty = (value) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function bodyText(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function requestText(request, where) {
  const lines = ['POST ' + (where || '(target)')];
  for (const [name, value] of Object.entries(request.headers)) lines.push(name + ': ' + value);
  lines.push('', bodyText(request.body));
  return lines.join('\n');
}

function replyText(reply) {
  const lines = ['HTTP ' + reply.status + (reply.statusText ? ' ' + reply.statusText : '')];
  for (const [name, value] of Object.entries(reply.headers || {})) lines.push(name + ': ' + value);
  lines.push('', reply.body === '' ? '(empty body)' : bodyText(reply.body));
  if (reply.truncated) lines.push('', '(' + reply.bytes + ' bytes; only the first part is kept)');
  return lines.join('\n');
}

// ---------------------------------------------------------------- views

function showView(name, focus) {
  for (const button of document.querySelectorAll('nav button')) {
    if (button.dataset.view === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== 'view-' + name;
  if (focus) $('view-' + name).querySelector('h2').focus();
  if (name === 'history') loadHistory();
  if (name === 'mock') loadMock();
  if (name === 'story') loadStories();
  history.replaceState(null, '', location.pathname + location.search + '#' + name);
}

function setupNav() {
  const buttons = [...document.querySelectorAll('nav button')];
  buttons.forEach((button, index) => {
    button.addEventListener('click', () => showView(button.dataset.view, false));
    // Arrow keys move between views, as in a tab list.
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
      next.focus();
      showView(next.dataset.view, false);
    });
  });
  for (const heading of document.querySelectorAll('.view h2')) heading.setAttribute('tabindex', '-1');
}

function fillSelect(select, options, selected) {
  clear(select);
  for (const option of options) select.append(el('option', { value: option.value, selected: option.value === selected }, option.label));
}

// ---------------------------------------------------------------- send

function currentProvider() {
  return state.catalog.providers.find((provider) => provider.name === $('send-provider').value);
}

function currentEvent() {
  return currentProvider().events.find((event) => event.name === $('send-event').value);
}

/** The emulated API a provider has (its short name prefixes the targets meant for it), if any. */
function apiOf(provider) {
  return state.catalog.apis.find((api) => api.provider === provider);
}

/** Targets fitting a provider: names that start with it (or its API's short name) first, then the rest, then a typed URL. */
function targetOptions(provider) {
  const prefix = apiOf(provider) ? apiOf(provider).name : provider;
  const targets = state.catalog.targets.slice().sort((a, b) => Number(!a.name.startsWith(prefix)) - Number(!b.name.startsWith(prefix)));
  return targets.map((target) => ({ value: target.name, label: target.name + (target.kind === 'url' ? ' (' + target.url + ')' : ' (in-process)') })).concat([{ value: '__url', label: 'Type a URL…' }]);
}

function onProviderChange() {
  const provider = currentProvider();
  fillSelect($('send-event'), provider.events.map((event) => ({ value: event.name, label: event.name })), provider.events[0].name);
  fillSelect($('send-target'), targetOptions(provider.name), targetOptions(provider.name)[0].value);
  onEventChange();
  onTargetChange();
}

function onEventChange() {
  const event = currentEvent();
  $('send-event-summary').textContent = event.summary;
  fillSelect($('send-variant'), event.variants.map((variant) => ({ value: variant.name, label: variant.name + ': ' + variant.summary })), event.variants[0].name);
  schedulePreview();
}

function onTargetChange() {
  $('send-url-row').hidden = $('send-target').value !== '__url';
  schedulePreview();
}

function targetValue() {
  return $('send-target').value === '__url' ? $('send-url').value.trim() : $('send-target').value;
}

function overrideLines(textarea) {
  return textarea.value.split('\n');
}

function sendInput() {
  return { provider: $('send-provider').value, event: $('send-event').value, variant: $('send-variant').value, set: overrideLines($('send-overrides')) };
}

function showProblems(list, textarea, problems) {
  clear(list);
  textarea.setAttribute('aria-invalid', problems.length ? 'true' : 'false');
  for (const problem of problems) list.append(el('li', { text: (problem.line ? 'line ' + problem.line + ': ' : '') + problem.message }));
}

function schedulePreview() {
  // Until the new preview arrives the old one is stale: say so (dimmed; tests wait on it).
  $('send-preview').dataset.pending = 'true';
  clearTimeout(state.previewTimer);
  state.previewTimer = setTimeout(preview, 120);
}

/** Builds the request as it will go out and validates the overrides against the contract. */
async function preview() {
  const sequence = ++state.previewSeq;
  try {
    const result = await api('/api/preview', sendInput());
    if (sequence !== state.previewSeq) return;
    // Sending uses the previewed seed: the request shown is the one that goes out.
    state.previewSeed = result.seed;
    showProblems($('send-override-errors'), $('send-overrides'), result.problems);
    $('send-preview').textContent = requestText(result.request, targetValue());
    $('send-preview').dataset.pending = 'false';
    $('send-notes').hidden = result.notes.length === 0;
    $('send-notes').textContent = result.notes.join(' ');
    $('send-button').disabled = result.problems.length > 0;
  } catch (error) {
    if (sequence !== state.previewSeq) return;
    showProblems($('send-override-errors'), $('send-overrides'), [{ line: 0, message: error.message }]);
    $('send-preview').dataset.pending = 'false';
    $('send-button').disabled = true;
  }
}

async function onSend(event) {
  event.preventDefault();
  const target = targetValue();
  const box = $('send-result');
  if (!target) {
    $('send-url').setAttribute('aria-invalid', 'true');
    $('send-url').focus();
    return;
  }
  $('send-url').removeAttribute('aria-invalid');
  $('send-button').disabled = true;
  box.hidden = false;
  clear(box).append(el('h3', { text: 'Result' }), el('p', { class: 'muted', text: 'Sending…' }));
  try {
    const where = $('send-target').value === '__url' ? { url: target } : { target };
    const entry = await api('/api/send', Object.assign(sendInput(), where, { seed: state.previewSeed }));
    renderDelivery(box, entry, { title: 'Result' });
    // The next send speaks of a new user: show its request.
    schedulePreview();
  } catch (error) {
    clear(box).append(el('h3', { text: 'Result' }), el('p', { class: 'fail', role: 'alert', text: error.message }));
  } finally {
    $('send-button').disabled = false;
  }
}

/** The value at a violation path (`status`, `body.action`, `headers.x`) in the reply, for "got". */
function actualAt(entry, path) {
  if (!entry.response) return undefined;
  if (path === 'status') return entry.response.status;
  const parts = path.split('.');
  let node;
  if (parts[0] === 'body') {
    try {
      node = JSON.parse(entry.response.body);
    } catch {
      return parts.length === 1 ? entry.response.body : undefined;
    }
  } else if (parts[0] === 'headers') node = entry.response.headers;
  else return undefined;
  for (const part of parts.slice(1)) node = node === null || node === undefined ? undefined : node[part];
  return node;
}

/** "expected X, got Y" messages split into an expected / actual pair for a small diff. */
function expectedActual(message) {
  const match = /expected (.+?),? (?:got|but got|received) (.+)$/i.exec(message);
  return match ? { expected: match[1], actual: match[2] } : null;
}

function violationList(entry) {
  const list = el('ul', { class: 'violations' });
  for (const violation of entry.verdict.violations) {
    const item = el('li', {}, el('strong', { text: violation.path + ': ' }), violation.message);
    const pair = expectedActual(violation.message);
    const actual = actualAt(entry, violation.path);
    if (pair) item.append(el('div', { class: 'diff' }, el('div', { class: 'exp', text: '- expected: ' + pair.expected }), el('div', { class: 'act', text: '+ actual: ' + pair.actual })));
    else if (actual !== undefined) item.append(el('div', { class: 'diff' }, el('div', { class: 'act', text: '+ the hook sent: ' + pretty(actual) })));
    list.append(item);
  }
  return list;
}

function outcomeBlock(entry) {
  const dl = el('dl', { class: 'kv' });
  // The provider words its outcome (server side); without words, the outcome as JSON.
  const rows = entry.outcomeRows || [['Outcome', JSON.stringify(entry.outcome || {})]];
  for (const [name, value] of rows) dl.append(el('dt', { text: name }), el('dd', { text: value }));
  return dl;
}

function callsList(calls) {
  const list = el('ol', { class: 'list' });
  if (!calls.length) list.append(el('li', { class: 'muted', text: 'No calls to the mock APIs.' }));
  for (const call of calls) {
    list.append(el('li', {}, el('details', {}, el('summary', { text: call.method + ' ' + call.path + ' → ' + call.status + (call.route ? '' : ' (not emulated)') }), el('pre', { class: 'code', text: pretty(call.body === undefined ? '(no body)' : call.body) }))));
  }
  return list;
}

/** A delivery in full: status, latency, verdict with explanations, outcome, reply, request, API calls. */
function renderDelivery(box, entry, options) {
  clear(box);
  box.append(el('h3', { text: options.title || 'Delivery #' + entry.id }));
  const status = entry.response ? String(entry.response.status) : 'no reply (' + (entry.error ? entry.error.kind + ': ' + entry.error.message : 'unknown') + ')';
  const summary = el('dl', { class: 'kv' });
  const row = (name, value) => summary.append(el('dt', { text: name }), el('dd', {}, value));
  row('Delivery', '#' + entry.id + ' ' + entry.provider + ' ' + entry.event + ' (' + entry.variant + ') → ' + (entry.target || '(story)'));
  row('Status', el('span', { 'data-testid': 'status', text: status }));
  row('Latency', el('span', { 'data-testid': 'latency', text: entry.latencyMs + ' ms' + (entry.attempts.length > 1 ? ' (attempt ' + entry.attempts.length + ')' : '') }));
  row('Verdict', el('span', { class: 'badge ' + (entry.verdict.pass ? 'pass' : 'fail'), 'data-testid': 'verdict', text: entry.verdict.pass ? 'PASS: the hook kept the contract' : 'FAIL: ' + entry.verdict.violations.length + ' violation' + (entry.verdict.violations.length === 1 ? '' : 's') }));
  if (entry.userId) row('User', entry.userId);
  box.append(summary);
  if (!entry.verdict.pass) box.append(el('h4', { text: 'Violations' }), violationList(entry));
  box.append(el('h4', { text: 'Outcome: what the provider does' }), el('div', { 'data-testid': 'outcome' }, outcomeBlock(entry)));
  if (entry.notes) for (const note of entry.notes) box.append(el('p', { class: 'note', text: note }));
  if (entry.response) box.append(el('h4', { text: 'Reply' }), el('pre', { class: 'code', tabindex: 0, text: replyText(entry.response) }));
  box.append(el('details', {}, el('summary', { text: 'Request (signature redacted)' }), el('pre', { class: 'code', tabindex: 0, text: requestText(entry.request, entry.target) })));
  box.append(el('h4', { text: 'Calls the hook made to the mock APIs' }), callsList(entry.apiCalls || []));
}

// ---------------------------------------------------------------- story

async function loadStories() {
  if ($('story-file').options.length) return;
  const { files } = await api('/api/stories');
  fillSelect($('story-file'), [{ value: 'all', label: 'All stories (' + files.length + ')' }].concat(files.map((file) => ({ value: file, label: file }))), files[0] || 'all');
}

function countsLine(counts, events) {
  const box = clear($('story-counts'));
  const part = (label, values) => el('span', { 'data-testid': 'counts-' + label.toLowerCase() }, label + ': ', el('span', { class: 'pass', text: values.passed + ' passed' }), ', ', el('span', { class: 'failed', text: values.failed + ' failed' }), ', ', el('span', { class: 'errored', text: values.errored + ' errored' }));
  box.append(part('Scenarios', counts.scenarios), part('Steps', counts.steps));
  if (events) box.append(el('span', { 'data-testid': 'counts-events', text: 'Events: ' + events.sent + ' sent, ' + events.passed + ' passed, ' + events.failed + ' failed, ' + events.errored + ' errored' }));
}

function stepDetail(step, target) {
  const box = clear($('story-detail'));
  box.append(el('p', {}, el('strong', { text: step.name }), ' ', el('span', { class: step.status, text: step.status })));
  if (step.message) box.append(el('p', { class: 'note', text: step.message }));
  const list = el('ul', { class: 'violations' });
  for (const expectation of step.expectations) list.append(el('li', { class: expectation.pass ? 'pass' : 'fail', text: (expectation.pass ? '✓ ' : '✗ ') + expectation.name + ': expected ' + expectation.expected + ', got ' + expectation.actual }));
  box.append(list);
  step.deliveries.forEach((delivery, index) => {
    box.append(el('h4', { text: 'Delivery ' + (index + 1) }), el('pre', { class: 'code', tabindex: 0, text: requestText(delivery.request, target) }));
    box.append(el('pre', { class: 'code', tabindex: 0, text: delivery.response ? replyText(delivery.response) : 'no reply: ' + (delivery.error ? delivery.error.message : '') }));
  });
}

function onStoryRun(event) {
  event.preventDefault();
  const file = $('story-file').value;
  const list = clear($('story-steps'));
  clear($('story-detail')).append(el('p', { class: 'muted', text: 'Pick a step to see its request and reply.' }));
  countsLine({ scenarios: { passed: 0, failed: 0, errored: 0 }, steps: { passed: 0, failed: 0, errored: 0 } });
  $('story-run').disabled = true;
  const source = new EventSource('/api/stories/run?file=' + encodeURIComponent(file) + '&token=' + encodeURIComponent(token));
  let group = null;
  source.addEventListener('scenario', (message) => {
    const scenario = JSON.parse(message.data);
    group = el('ol', { class: 'list' });
    list.append(el('li', {}, el('div', { class: 'group', text: scenario.name + ' — ' + scenario.file }), group));
  });
  source.addEventListener('step', (message) => {
    const data = JSON.parse(message.data);
    const step = data.step;
    (group || list).append(el('li', {}, el('button', { type: 'button', 'data-status': step.status, onclick: () => stepDetail(step, data.target) }, el('span', { class: step.status, text: step.status === 'passed' ? '✓' : step.status === 'skipped' ? '–' : '✗' }), step.name)));
    countsLine(data.counts);
  });
  source.addEventListener('scenario-end', (message) => {
    const data = JSON.parse(message.data);
    if (data.error) (group || list).append(el('li', { class: 'errored', text: data.error }));
    countsLine(data.counts);
  });
  const finish = () => {
    source.close();
    $('story-run').disabled = false;
  };
  source.addEventListener('done', (message) => {
    const data = JSON.parse(message.data);
    countsLine(data.summary, data.summary.events);
    $('story-counts').append(el('span', { 'data-testid': 'story-done', class: data.exitCode === 0 ? 'pass' : 'fail', text: 'Done in ' + data.durationMs + ' ms, exit code ' + data.exitCode }));
    finish();
  });
  source.addEventListener('failed', (message) => {
    $('story-counts').append(el('span', { class: 'fail', role: 'alert', text: JSON.parse(message.data).error }));
    finish();
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) finish();
  };
}

// ---------------------------------------------------------------- check

async function onCheck(event) {
  event.preventDefault();
  const box = clear($('check-report'));
  box.append(el('p', { class: 'muted', text: 'Checking… (signature probes, every event, duplicates, fuzzing)' }));
  $('check-run').disabled = true;
  try {
    const report = await api('/api/check', { provider: $('check-provider').value, target: $('check-target').value, fuzz: Number($('check-fuzz').value) });
    clear(box);
    box.append(el('p', { class: 'counts', 'data-testid': 'check-summary', text: report.summary.pass + ' pass, ' + report.summary.fail + ' fail, ' + report.summary.warn + ' warn, ' + report.summary.skip + ' skip (' + Math.round(report.durationMs) + ' ms)' }));
    const order = { fail: 0, warn: 1, pass: 2, skip: 3 };
    for (const check of report.checks.slice().sort((a, b) => order[a.status] - order[b.status])) {
      const details = el('details', { class: 'panel' }, el('summary', {}, el('span', { class: 'badge ' + check.status, text: check.status }), ' ', check.title, ' ', el('span', { class: 'muted', text: check.id })));
      details.append(el('p', { text: check.message }));
      if (check.why) details.append(el('p', {}, el('strong', { text: 'Why it matters: ' }), check.why));
      if (check.fix) details.append(el('p', {}, el('strong', { text: 'Fix: ' }), check.fix));
      for (const exchange of check.exchanges.slice(0, 3)) details.append(el('pre', { class: 'code', text: exchange.label + '\n' + exchange.curl + '\n\n' + (exchange.response ? replyText(exchange.response) : 'no reply') }));
      box.append(details);
    }
  } catch (error) {
    clear(box).append(el('p', { class: 'fail', role: 'alert', text: error.message }));
  } finally {
    $('check-run').disabled = false;
  }
}

// ---------------------------------------------------------------- mock APIs

async function loadMock() {
  const data = await api('/api/mock');
  $('mock-urls').textContent = data.apis.map((api) => api.label + ': ' + api.url + ' (' + api.routes + ')').join(' · ');
  const calls = data.apis.flatMap((api) => data.calls[api.name].map((call) => Object.assign({ api: api.name }, call))).sort((a, b) => a.at - b.at);
  const list = clear($('mock-calls'));
  if (!calls.length) list.append(el('li', { class: 'muted', text: 'No calls yet. Send an event to a hook that calls the provider back.' }));
  for (const call of calls) {
    list.append(el('li', {}, el('details', {}, el('summary', { text: new Date(call.at).toLocaleTimeString() + ' ' + call.api + ' ' + call.method + ' ' + call.path + ' → ' + call.status }), el('pre', { class: 'code', text: 'headers: ' + pretty(call.headers) + '\nbody: ' + pretty(call.body === undefined ? null : call.body) }))));
  }
  $('mock-state').value = JSON.stringify(data.state, null, 2);
  $('mock-state').removeAttribute('aria-invalid');
  $('mock-state-error').textContent = '';
}

async function onStateSave() {
  let value;
  try {
    value = JSON.parse($('mock-state').value);
  } catch (error) {
    $('mock-state').setAttribute('aria-invalid', 'true');
    $('mock-state-error').textContent = 'Not valid JSON: ' + error.message;
    return;
  }
  try {
    await api('/api/state', value, 'PUT');
    await loadMock();
    $('mock-state-error').textContent = 'State loaded.';
  } catch (error) {
    $('mock-state').setAttribute('aria-invalid', 'true');
    $('mock-state-error').textContent = error.message;
  }
}

// ---------------------------------------------------------------- history

async function loadHistory() {
  const data = await api('/api/deliveries');
  state.history = data.deliveries;
  renderHistory();
}

function renderHistory() {
  const filter = $('history-filter').value.trim().toLowerCase();
  const verdict = $('history-verdict').value;
  const rows = clear($('history-rows'));
  const shown = state.history.filter((entry) => {
    if (verdict && (verdict === 'pass') !== entry.verdict.pass) return false;
    if (!filter) return true;
    return [entry.event, entry.variant, entry.provider, entry.target, entry.userId || '', String(entry.response ? entry.response.status : entry.error ? entry.error.kind : ''), entry.source].join(' ').toLowerCase().includes(filter);
  });
  if (!shown.length) rows.append(el('tr', {}, el('td', { colspan: 6, class: 'muted', text: state.history.length ? 'No delivery matches.' : 'No deliveries yet.' })));
  for (const entry of shown.slice().reverse()) {
    const select = () => showHistoryEntry(entry.id);
    rows.append(
      el(
        'tr',
        { tabindex: 0, 'aria-selected': state.selected === entry.id ? 'true' : 'false', 'data-id': entry.id, onclick: select, onkeydown: (event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), select()) },
        el('td', { text: String(entry.id) }),
        el('td', { text: entry.provider + ' ' + entry.event }),
        el('td', { text: entry.target || (entry.story ? entry.story.file : '') }),
        el('td', { text: entry.response ? String(entry.response.status) : entry.error ? entry.error.kind : '' }),
        el('td', {}, el('span', { class: 'badge ' + (entry.verdict.pass ? 'pass' : 'fail'), text: entry.verdict.pass ? 'pass' : 'fail' })),
        el('td', { text: entry.source + (entry.replayOf ? ' of #' + entry.replayOf : '') }),
      ),
    );
  }
}

async function showHistoryEntry(id) {
  state.selected = id;
  renderHistory();
  const entry = state.history.find((candidate) => candidate.id === id);
  const box = $('history-detail');
  const result = el('div');
  renderDelivery(result, entry, {});
  clear(box).append(result);
  if (entry.source === 'story') {
    box.append(el('p', { class: 'muted', text: 'Story deliveries are replayed by running the story again.' }));
    return;
  }
  const editor = el('textarea', { id: 'replay-overrides', rows: 3, spellcheck: 'false', 'aria-describedby': 'replay-errors' });
  editor.value = entry.set.join('\n');
  const errors = el('ul', { id: 'replay-errors', class: 'errors', 'aria-live': 'polite' });
  const output = el('pre', { class: 'code', id: 'copy-output', tabindex: 0, 'aria-label': 'Copied text' });
  output.hidden = true;
  const replay = async (edited) => {
    try {
      const fresh = await api('/api/replay', edited ? { id, set: overrideLines(editor) } : { id });
      await loadHistory();
      showHistoryEntry(fresh.id);
    } catch (error) {
      clear(errors).append(el('li', { role: 'alert', text: error.message }));
    }
  };
  const copy = async (format) => {
    const formats = await api('/api/deliveries/' + id + '/copy');
    output.hidden = false;
    output.textContent = formats[format];
    try {
      await navigator.clipboard.writeText(formats[format]);
    } catch {
      // No clipboard permission: the text is shown to copy by hand.
    }
  };
  box.append(
    el('h4', { text: 'Replay' }),
    el('div', { class: 'actions' }, el('button', { type: 'button', id: 'replay-as-is', onclick: () => replay(false) }, 'Replay as-is')),
    el('label', { for: 'replay-overrides', text: 'Overrides for an edited replay' }),
    editor,
    errors,
    el('div', { class: 'actions' }, el('button', { type: 'button', id: 'replay-edited', onclick: () => replay(true) }, 'Replay edited')),
    el('h4', { text: 'Copy as' }),
    el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => copy('curl') }, 'curl'), el('button', { type: 'button', onclick: () => copy('send') }, 'hooksim send'), el('button', { type: 'button', onclick: () => copy('yaml') }, 'YAML step')),
    output,
  );
}

async function onExport() {
  const session = await api('/api/session');
  const link = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(session, null, 2)], { type: 'application/json' })), download: 'hooksim-session.json' });
  document.body.append(link);
  link.click();
  link.remove();
}

// ---------------------------------------------------------------- start

async function start() {
  setupNav();
  try {
    state.catalog = await api('/api/catalog');
  } catch (error) {
    $('connection').textContent = error.message;
    $('connection').className = 'fail';
    return;
  }
  const host = (url) => url.replace(/^https?:\/\//, '');
  $('connection').textContent = state.catalog.apis.map((api) => 'mock ' + api.label + ' ' + host(api.url)).join(' · ');
  const providers = state.catalog.providers.map((provider) => ({ value: provider.name, label: provider.title }));
  // The first emulated API's provider is picked first (the page then starts on a provider whose API it plays).
  const first = state.catalog.apis.length ? state.catalog.apis[0].provider : providers[0].value;
  fillSelect($('send-provider'), providers, first);
  fillSelect($('check-provider'), providers, first);
  const checkTargets = () => fillSelect($('check-target'), targetOptions($('check-provider').value).filter((option) => option.value !== '__url'), targetOptions($('check-provider').value)[0].value);
  checkTargets();
  $('check-provider').addEventListener('change', checkTargets);
  onProviderChange();
  $('send-provider').addEventListener('change', onProviderChange);
  $('send-event').addEventListener('change', onEventChange);
  $('send-variant').addEventListener('change', schedulePreview);
  $('send-target').addEventListener('change', onTargetChange);
  $('send-url').addEventListener('input', schedulePreview);
  $('send-overrides').addEventListener('input', schedulePreview);
  $('send-form').addEventListener('submit', onSend);
  $('story-form').addEventListener('submit', onStoryRun);
  $('check-form').addEventListener('submit', onCheck);
  $('mock-refresh').addEventListener('click', loadMock);
  $('mock-state-save').addEventListener('click', onStateSave);
  $('history-filter').addEventListener('input', renderHistory);
  $('history-verdict').addEventListener('change', renderHistory);
  $('history-export').addEventListener('click', onExport);
  const initial = location.hash.slice(1);
  showView(['send', 'story', 'check', 'mock', 'history'].includes(initial) ? initial : 'send', false);
  document.body.dataset.ready = 'true';
}

start();
