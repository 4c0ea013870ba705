export { compileProvider, type DeclarativeOptions, type DeclarativeOutcome } from './compile.js';
export { loadProviderFile, parseProviderFile, type DeclarativeProvider } from './load.js';
export { providerFileSchema, type ProviderFile } from './schema.js';
export { fakeNames } from './fakes.js';
