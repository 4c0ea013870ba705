import { compileProvider, type DeclarativeOptions, type DeclarativeOutcome } from './compile.js';
import { providerFileSchema } from './schema.js';
import type { Provider } from '../types.js';

/**
 * A provider hooksim ships as a declarative file, compiled from its embedded data. The file is
 * checked in full (positions, templates) by a test; here only the schema applies its defaults.
 */
export function shippedProvider(definition: unknown): Provider<DeclarativeOptions, DeclarativeOutcome> {
  return compileProvider(providerFileSchema.parse(definition));
}
