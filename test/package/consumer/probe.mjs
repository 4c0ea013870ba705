// Imports each public entry of the installed package and reports what loaded, as JSON on stdout.
const loaded = {};
for (const entry of ['hooksim', 'hooksim/scenarios', 'hooksim/reporters', 'hooksim/mock-apis', 'hooksim/check']) {
  const module = await import(entry);
  loaded[entry] = Object.keys(module).length;
}
const { prepareEvent } = await import('hooksim');
const prepared = prepareEvent({ provider: 'logto', event: 'User.Created', seed: 1, signingKey: 'k' });
console.log(JSON.stringify({ loaded, event: prepared.event, signed: 'logto-signature-sha-256' in prepared.request.headers }));
