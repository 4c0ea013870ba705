/** The README's call assertions (examples/readme/call-assertions.ts), run as shown. */
import '../../examples/readme/call-assertions.js';
