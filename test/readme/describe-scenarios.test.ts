/** The README's describeScenarios example (examples/readme/describe-scenarios.ts), run as shown: one test per scenario file. */
import '../../examples/readme/describe-scenarios.js';
