// The bundled scenarios, run as vitest tests against the bundled example hooks: the same
// configuration `npm run demo` uses, through hooksim's own vitest helper.
import config from '../../hooksim.config.js';
import { describeScenarios } from '../../src/vitest/index.js';

describeScenarios('scenarios', { targets: config.targets, env: {} });
