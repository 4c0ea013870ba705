import { paint } from '../cli/style.js';
import type { RunResult, ScenarioResult, StepResult } from '../scenarios/result.js';
import { exchangeText, expectationLine, MARK, replySummary, summaryText, telling } from './text.js';
import type { Reporter, ReporterOutput } from './types.js';

function eventOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { event?: string }).event;
  } catch {
    return undefined;
  }
}

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');

/**
 * Human output. Per scenario a header; per step one line; under a failed step each failed
 * expectation (expected vs actual, file:line:column) and the exchange; under a step that
 * expected the contract to be broken, the violations dimmed, because they teach.
 */
export function prettyReporter(output: ReporterOutput): Reporter {
  const p = paint(output.colour);
  const colourOf = { passed: p.ok, failed: p.bad, errored: p.bad, skipped: p.dim } as const;
  let target = '';

  const stepText = (step: StepResult): string => {
    const delivery = telling(step);
    // Deliveries of the step's own event (repeats) vs. data events the hook's API calls caused.
    const own = step.deliveries.filter((d) => eventOf(d.request.body) === step.event || !d.request.body.includes('"event"')).length;
    const caused = step.deliveries.length - own;
    const repeat = `${own > 1 ? ` ×${own}` : ''}${caused > 0 ? ` + ${caused} data event${caused === 1 ? '' : 's'}` : ''}`;
    const lines = [`  ${colourOf[step.status](MARK[step.status])} ${step.name} ${p.dim(`(${step.event}${repeat}) ${replySummary(delivery)}`)}`];
    if (step.status === 'skipped' && step.message) lines.push(p.dim(`      ${step.message}`));
    if (step.status === 'errored' && step.message && !replySummary(delivery).includes(step.message)) lines.push(`      ${p.bad(step.message)}`);
    // An errored step's failed expectations only restate the error; repeated deliveries repeat lines.
    if (step.status !== 'errored') {
      const failed = new Set(step.expectations.filter((e) => !e.pass).map(expectationLine));
      for (const line of failed) lines.push(`      ${p.bad('✘')} ${line}`);
    }
    if ((step.status === 'failed' || step.status === 'errored') && delivery) lines.push(p.dim(indent(exchangeText(delivery, target), '      ')));
    const expectedBreak = step.status === 'passed' && step.expectations.some((e) => e.name === 'contract' && e.expected === 'the contract broken');
    if (expectedBreak) {
      for (const violation of delivery?.verdict.violations ?? []) lines.push(p.dim(`      ↳ violation (expected) ${violation.path}: ${violation.message}`));
    }
    return lines.join('\n') + '\n';
  };

  return {
    name: 'pretty',
    onScenarioStart(scenario) {
      target = scenario.target ?? '';
      output.write(`\n${p.bold(scenario.name)} ${p.dim(scenario.file)}\n`);
    },
    onStepEnd(_scenario, step) {
      output.write(stepText(step));
    },
    onScenarioEnd(result: ScenarioResult) {
      target = '';
      if (result.error) {
        if (result.steps.length === 0 && result.error.kind === 'config') output.write(`\n${p.bold(result.name)} ${p.dim(result.file)}\n`);
        output.write(`  ${p.bad('!')} ${result.error.message}\n`);
      }
    },
    onRunEnd(run: RunResult) {
      const lines = ['', ...summaryText(run)];
      const broken = run.scenarios.filter((scenario) => scenario.error?.kind === 'config');
      if (broken.length) lines.push('', p.bad('Files that could not be loaded:'), ...broken.map((s) => `  ${s.error!.location ? '' : `${s.file}: `}${s.error!.message}`));
      const verdict = run.exitCode === 0 ? p.ok('PASS') : p.bad(run.exitCode === 2 ? 'CONFIG ERROR' : 'FAIL');
      lines.push('', `${verdict} ${p.dim(`(exit code ${run.exitCode})`)}`);
      return lines.join('\n') + '\n';
    },
  };
}
