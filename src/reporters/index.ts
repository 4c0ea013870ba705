import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { prettyReporter } from './pretty.js';
import type { Reporter, ReporterOutput } from './types.js';

/** The reporters `--reporter` accepts. */
export const reporterNames = ['pretty', 'json', 'junit', 'github'] as const;

/** Builds the named reporters, or a {@link UsageError} suggesting the nearest name. */
export function createReporters(names: readonly string[], output: ReporterOutput): Reporter[] {
  return [...new Set(names)].map((name) => {
    switch (name) {
      case 'pretty':
        return prettyReporter(output);
      case 'json':
        return jsonReporter();
      case 'junit':
        return junitReporter();
      case 'github':
        return githubReporter();
      default:
        throw new UsageError(`unknown reporter "${name}"${didYouMean(name, reporterNames)}; reporters: ${reporterNames.join(', ')}`);
    }
  });
}

export { prettyReporter, jsonReporter, junitReporter, githubReporter };
export { progressReporter } from './progress.js';
export { jsonReportSchema, type JsonReport } from './json.js';
export type { Reporter, ReporterOutput } from './types.js';
