import { MARK, plural, printable } from './text.js';
import type { Reporter, ReporterOutput } from './types.js';

/** Carriage return and "erase the whole line": the next text replaces the line in place. */
const REWRITE = '\r\u001b[2K';

/**
 * Live progress for long runs when the main output is a document (JSON, JUnit). On a terminal
 * one line per scenario is rewritten in place as its steps finish, then finalised with its
 * status; elsewhere (CI logs, pipes) one plain line per scenario:
 * `[3/12] ✔ scenario name passed (5 steps, 120 ms)`. `onRunEnd` returns nothing.
 */
export function progressReporter(output: ReporterOutput): Reporter {
  let files = 0;
  let index = 0;
  let steps = 0;
  let failing = 0;
  /** The scenario being run, if announced (a file that could not be loaded never is). */
  let open: { name: string; file: string } | undefined;

  // Files are counted up front; a count that turns out short (or unknown) must not read "[5/4]".
  const position = () => (files >= index ? `[${index}/${files}]` : `[${index}]`);
  const liveLine = () => `${REWRITE}${position()} ${printable(open?.name ?? '')} … ${plural(steps, 'step')}${failing ? ` (${failing} not passed)` : ''}`;

  return {
    name: 'progress',
    onRunStart(list) {
      files = list.length;
      index = 0;
    },
    onScenarioStart(scenario) {
      // The runner may announce one scenario twice (once more when its target fails): one line.
      if (open && open.name === scenario.name && open.file === scenario.file) return;
      index += 1;
      steps = 0;
      failing = 0;
      open = { name: scenario.name, file: scenario.file };
      if (output.isTty) output.write(liveLine());
    },
    onStepEnd(_scenario, step) {
      steps += 1;
      if (step.status === 'failed' || step.status === 'errored') failing += 1;
      if (output.isTty) output.write(liveLine());
    },
    onScenarioEnd(result) {
      const announced = open !== undefined && open.name === result.name && open.file === result.file;
      if (!announced) index += 1;
      open = undefined;
      const line = `${position()} ${MARK[result.status]} ${printable(result.name)} ${result.status} (${plural(result.steps.length, 'step')}, ${Math.round(result.durationMs)} ms)`;
      // Only a line this reporter drew on the terminal needs rewriting.
      output.write(output.isTty && announced ? `${REWRITE}${line}\n` : `${line}\n`);
    },
    onRunEnd: () => '',
  };
}
