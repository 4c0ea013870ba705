import { describeScenarios } from 'hooksim/vitest';
import config from '../../hooksim.config.js'; // your hooksim.config.ts
import { createDexieDomainHook, demoDomainConfig } from '../dexie-cloud/domain-hook.js';

// With your config: targets, defaultTarget, seed and provider options resolve as `hooksim run` resolves them.
describeScenarios('scenarios/logto/signature-tamper.yaml', { config });

// Or name the targets here. A target is what the scenario's `target:` names: an app, a handler,
// { app, path }, { fetch, path } or a URL.
describeScenarios('scenarios/dexie-cloud/domain-allowlist-prod.yaml', {
  targets: { 'dexie-domain': createDexieDomainHook(demoDomainConfig) },
});
