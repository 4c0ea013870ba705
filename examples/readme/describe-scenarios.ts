import { describeScenarios } from 'hooksim/vitest';
import { createDexieDomainHook, demoDomainConfig } from '../dexie-cloud/domain-hook.js';
import config from './hooksim.config.js'; // your hooksim.config.ts

// With your config: targets, defaultTarget, seed and provider options resolve as `hooksim run` resolves them.
describeScenarios('examples/readme/scenarios', { config });

// Or name the targets here. A target is what a scenario's `target:` names: an app, a handler,
// { app, path }, { fetch, path } or a URL.
describeScenarios('scenarios/dexie-cloud/domain-allowlist-prod.yaml', {
  targets: { 'dexie-domain': createDexieDomainHook(demoDomainConfig) },
});
