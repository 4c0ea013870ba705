import type { RunResult } from '../scenarios/result.js';
import type { SourceLocation } from '../scenarios/source.js';
import type { Reporter } from './types.js';

/** Escaping of workflow-command data (the message). */
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping of workflow-command properties (file, title). */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(kind: 'error' | 'notice', message: string, location?: SourceLocation, title?: string): string {
  const properties = [
    ...(location ? [`file=${escapeProperty(location.file)}`, `line=${location.line}`, `col=${location.column}`] : []),
    ...(title ? [`title=${escapeProperty(title)}`] : []),
  ];
  return `::${kind}${properties.length ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
}

/** GitHub Actions annotations: an `::error` per failed expectation, errored step and unloadable file. */
export function githubReporter(): Reporter {
  return {
    name: 'github',
    onRunEnd(run: RunResult) {
      const lines: string[] = [];
      for (const scenario of run.scenarios) {
        if (scenario.error) lines.push(command('error', scenario.error.message, scenario.error.location, scenario.name));
        for (const step of scenario.steps) {
          const title = `${scenario.name} › ${step.name}`;
          if (step.status === 'errored') lines.push(command('error', step.message ?? 'errored', step.location, title));
          for (const expectation of step.expectations.filter((e) => !e.pass)) {
            lines.push(command('error', `${expectation.name}: expected ${expectation.expected}, got ${expectation.actual}`, expectation.location, title));
          }
        }
      }
      const { scenarios, events } = run.summary;
      lines.push(
        command('notice', `hooksim: ${scenarios.passed} passed, ${scenarios.failed} failed, ${scenarios.errored} errored, ${scenarios.skipped} skipped; ${events.sent} events sent`),
      );
      return lines.join('\n') + '\n';
    },
  };
}
