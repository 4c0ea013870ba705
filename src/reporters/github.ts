import type { RunResult, ScenarioResult } from '../scenarios/result.js';
import { formatLocation, type SourceLocation } from '../scenarios/source.js';
import { failedExpectations } from './text.js';
import type { Reporter } from './types.js';

/**
 * Escaping of workflow-command data (the message). Without it a newline in a hook's reply
 * would end the command and could start another one (`::add-mask::`, `::stop-commands::`).
 */
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Escaping of workflow-command properties (file, title): the data rules plus `:` and `,`. */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message` (or `::notice::…`). */
export function workflowCommand(kind: 'error' | 'warning' | 'notice', message: string, location?: Partial<SourceLocation>, title?: string): string {
  const properties = [
    ...(location?.file !== undefined ? [`file=${escapeProperty(location.file)}`] : []),
    ...(location?.line !== undefined ? [`line=${location.line}`] : []),
    ...(location?.column !== undefined ? [`col=${location.column}`] : []),
    ...(title ? [`title=${escapeProperty(title)}`] : []),
  ];
  return `::${kind}${properties.length ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
}

/**
 * GitHub Actions annotations: one `::error` per failed expectation, errored step and scenario
 * that could not run (a file that could not be loaded), each at its file, line and column, then
 * a `::notice::` with the summary.
 */
export function githubReporter(): Reporter {
  // Annotations are written down as scenarios end (only what failed is kept), so the runner
  // need not keep results; a caller that only renders a finished run gets them from `run.scenarios`.
  let lines: string[] = [];
  let streamed = false;
  return {
    name: 'github',
    onScenarioEnd(scenario) {
      streamed = true;
      lines.push(...annotations(scenario));
    },
    onRunEnd(run: RunResult) {
      const all = streamed ? lines : run.scenarios.flatMap(annotations);
      lines = [];
      streamed = false;
      const { scenarios, events, configErrors } = run.summary;
      const config = configErrors ? `; ${configErrors} file${configErrors === 1 ? '' : 's'} could not be loaded` : '';
      const stopped = run.interrupted ? '; interrupted (Ctrl-C)' : '';
      all.push(
        workflowCommand(
          'notice',
          `hooksim: ${scenarios.passed} passed, ${scenarios.failed} failed, ${scenarios.errored} errored, ${scenarios.skipped} skipped; ${events.sent} events sent${config}${stopped}`,
        ),
      );
      return all.join('\n') + '\n';
    },
  };
}

/** The `::error` lines of one scenario. */
function annotations(scenario: ScenarioResult): string[] {
  const lines: string[] = [];
  const positioned = scenario.error?.message.split('\n').map((line) => /^(.+):(\d+):(\d+): (.*)$/.exec(line));
  if (positioned && positioned.length > 1 && positioned.every(Boolean)) {
    // A file with several problems: one annotation at each.
    for (const [, file, line, column, message] of positioned as RegExpExecArray[]) {
      lines.push(workflowCommand('error', message!, { file: file!, line: Number(line), column: Number(column) }, scenario.name));
    }
  } else if (scenario.error) {
    // The location is in the properties already; the message need not say it twice.
    const location = scenario.error.location;
    const prefix = location ? `${formatLocation(location)}: ` : '';
    const message = prefix && scenario.error.message.startsWith(prefix) ? scenario.error.message.slice(prefix.length) : scenario.error.message;
    lines.push(workflowCommand('error', message, location ?? { file: scenario.file }, scenario.name));
  }
  for (const step of scenario.steps) {
    const title = `${scenario.name} › ${step.name}`;
    // An errored step's failed expectations only restate why it errored: one annotation.
    if (step.status === 'errored') {
      lines.push(workflowCommand('error', step.message ?? 'errored', step.location, title));
      continue;
    }
    for (const expectation of failedExpectations(step)) {
      lines.push(workflowCommand('error', `${expectation.name}: expected ${expectation.expected}, got ${expectation.actual}`, expectation.location, title));
    }
  }
  return lines;
}
