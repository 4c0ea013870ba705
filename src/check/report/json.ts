import type { CheckReport } from '../types.js';

/** Version of the JSON document's shape: bumped when a field changes meaning or goes away. */
export const CHECK_REPORT_VERSION = 1;

/** The report as one JSON document (already redacted): every check with its requests and replies. */
export function renderJson(report: CheckReport): string {
  return `${JSON.stringify({ version: CHECK_REPORT_VERSION, ...report }, null, 2)}\n`;
}
