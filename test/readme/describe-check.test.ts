/** The README's describeCheck example (examples/readme/describe-check.ts), run as shown: one test per check. */
import '../../examples/readme/describe-check.js';
