import { UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
import type { Paint } from '../../cli/style.js';
import type { CheckReport } from '../types.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderPretty } from './pretty.js';

/** Reporters `hooksim check --reporter` accepts. */
export const checkReporterNames = ['pretty', 'json', 'junit', 'github'] as const;

/** Refuses unknown reporter names with a suggestion (before any request is sent). */
export function assertReporters(names: readonly string[]): void {
  for (const name of names) {
    if (!(checkReporterNames as readonly string[]).includes(name)) {
      throw new UsageError(`unknown reporter "${name}"${didYouMean(name, checkReporterNames)}; reporters: ${checkReporterNames.join(', ')}`);
    }
  }
}

/** Renders the report with one reporter. */
export async function renderCheckReport(name: string, report: CheckReport, p: Paint): Promise<string> {
  switch (name) {
    case 'json':
      return renderJson(report);
    case 'junit':
      return renderJunit(report);
    case 'github':
      return renderGithub(report);
    default:
      return renderPretty(report, p);
  }
}

export { renderGithub, renderJson, renderJunit, renderPretty };
