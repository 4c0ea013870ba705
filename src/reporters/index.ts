import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { prettyReporter } from './pretty.js';
import type { Reporter, ReporterOutput } from './types.js';

/** The reporters `--reporter` accepts. */
export const reporterNames = ['pretty', 'json', 'junit', 'github'] as const;

/** One of {@link reporterNames}. */
export type ReporterName = (typeof reporterNames)[number];

/**
 * Builds the named reporters (each once, in the order given), or throws a {@link UsageError}
 * naming the reporters and suggesting the nearest one.
 */
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
export { jsonReportSchema, toJsonReport, type JsonReport } from './json.js';
export { escapeData, escapeProperty, workflowCommand } from './github.js';
export type { Reporter, ReporterOutput } from './types.js';
