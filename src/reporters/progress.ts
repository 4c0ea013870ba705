import { MARK } from './text.js';
import type { Reporter, ReporterOutput } from './types.js';

/**
 * Live progress for long runs when the main output is a document: on a terminal one line per
 * scenario rewritten in place as its steps finish; elsewhere (CI logs) one plain line per scenario.
 */
export function progressReporter(output: ReporterOutput): Reporter {
  let files = 0;
  const total = () => files;
  let index = 0;
  let steps = 0;
  let name = '';
  return {
    name: 'progress',
    onRunStart(list) {
      files = list.length;
    },
    onScenarioStart(scenario) {
      index += 1;
      steps = 0;
      name = scenario.name;
      if (output.isTty) output.write(`[${index}/${total()}] ${name} …`);
    },
    onStepEnd() {
      steps += 1;
      if (output.isTty) output.write(`\r\u001b[2K[${index}/${total()}] ${name} … step ${steps}`);
    },
    onScenarioEnd(result) {
      const line = `[${index}/${total()}] ${MARK[result.status]} ${result.name} ${result.status} (${result.steps.length} steps, ${Math.round(result.durationMs)} ms)`;
      output.write(output.isTty ? `\r\u001b[2K${line}\n` : `${line}\n`);
    },
    onRunEnd: () => '',
  };
}
