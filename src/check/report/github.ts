import { workflowCommand } from '../../reporters/github.js';
import type { CheckReport } from '../types.js';

/** GitHub Actions annotations: `::error` per failed check, `::warning` per warning, a `::notice` summary. */
export function renderGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    if (check.status !== 'fail' && check.status !== 'warn') continue;
    const kind = check.status === 'fail' || report.strict ? 'error' : 'warning';
    lines.push(workflowCommand(kind, `${check.message}\nWhy: ${check.why}\nFix: ${check.fix}`, undefined, `hooksim ${check.id}`));
  }
  const { summary } = report;
  lines.push(workflowCommand('notice', `hooksim check ${report.provider}: ${summary.pass} passed, ${summary.fail} failed, ${summary.warn} warnings, ${summary.skip} skipped`));
  return `${lines.join('\n')}\n`;
}
