/**
 * The README's library and vitest examples, run as they are shown: each file in examples/readme/
 * is included verbatim in README.md (readme.test.ts checks that) and declares its own tests, which
 * run here. They import the package by its name (`hooksim`, `hooksim/vitest`), as a user would,
 * so they exercise the built package (dist/), which `npm test` builds first.
 */
import '../../examples/readme/send.js';
import '../../examples/readme/vitest-matchers.js';
import '../../examples/readme/supertest-agent.js';
import '../../examples/readme/check-hook.js';
import '../../examples/readme/logto-flows.js';
import '../../examples/readme/dexie-login.js';
import '../../examples/readme/load-test.js';
import '../../examples/readme/own-provider.js';
