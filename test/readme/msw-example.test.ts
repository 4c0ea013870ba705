/** The README's msw recipe (examples/readme/msw-mock-api.ts), run as shown, in a file of its own: msw and nock must not meet. */
import '../../examples/readme/msw-mock-api.js';
