/** The README's nock recipe (examples/readme/nock-mock-api.ts), run as shown, in a file of its own: msw and nock must not meet. */
import '../../examples/readme/nock-mock-api.js';
