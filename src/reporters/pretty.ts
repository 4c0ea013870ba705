import { paint } from '../cli/style.js';
import type { DeliveryResult, RunResult, ScenarioResult, StepResult } from '../scenarios/result.js';
import { exchangeText, expectationLine, failedExpectations, locatedMessage, MARK, printable, replySummary, summaryText, telling } from './text.js';
import type { Reporter, ReporterOutput } from './types.js';

/** `status 201 in 33 ms`, `no reply (timeout) after 3000 ms`: the step line's last words. */
function shortReply(delivery: DeliveryResult): string {
  const last = delivery.attempts.at(-1);
  const time = last ? `${Math.round(last.durationMs)} ms` : '';
  const tries = delivery.attempts.length > 1 ? `, ${delivery.attempts.length} attempts` : '';
  if (delivery.response) return `status ${delivery.response.status}${time && ` in ${time}`}${tries}`;
  return `no reply${delivery.error ? ` (${delivery.error.kind})` : ''}${time && ` after ${time}`}${tries}`;
}

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');

/** A passing "the contract is broken" expectation: the hook is broken on purpose (a demo, a teaching example). */
function expectsBrokenContract(step: StepResult): boolean {
  return step.expectations.some((e) => e.name === 'contract' && e.expected === 'the contract broken' && e.pass);
}

/**
 * Human output. Live: per scenario a header (name, file, provider, target); per step one line
 * (status mark, name, event, reply status and latency); under a failed step each failed
 * expectation (expected vs actual, file:line:column) and the exchange; under a step that
 * expected the contract to be broken, the violations dimmed, because they teach. `onRunEnd`
 * returns the summary; when no live hook was called (a caller that only renders the finished
 * run), it returns every scenario's lines before the summary.
 */
export function prettyReporter(output: ReporterOutput): Reporter {
  const p = paint(output.colour);
  const colourOf = { passed: p.ok, failed: p.bad, errored: p.bad, skipped: p.dim } as const;
  /** The scenario whose header was written last (the runner may announce one scenario twice). */
  let open: { name: string; file: string; target: string } | undefined;
  let live = false;

  const header = (scenario: { name: string; file: string; provider?: string; target?: string }): string => {
    const details = [scenario.file, scenario.provider, scenario.target ? `→ ${scenario.target}` : undefined].filter(Boolean).join('  ');
    return `\n${p.bold(scenario.name)} ${p.dim(details)}\n`;
  };

  const stepText = (step: StepResult, target: string): string => {
    const delivery = telling(step);
    // Deliveries of the step's own event (repeats) vs. data events the hook's API calls caused.
    const own = step.deliveries.filter((d) => d.followUp === undefined).length;
    const caused = step.deliveries.length - own;
    const repeat = `${own > 1 ? ` ×${own}` : ''}${caused > 0 ? ` + ${caused} data event${caused === 1 ? '' : 's'}` : ''}`;
    // The provider's decision is what the reader came for: `→ refused: USER_NOT_ACCEPTED`.
    const reply = delivery ? ` ${shortReply(delivery)}${delivery.decision ? ` → ${printable(delivery.decision)}` : ''}` : '';
    const lines = [`  ${colourOf[step.status](MARK[step.status])} ${step.name} ${p.dim(`(${step.event}${repeat})${reply}`)}`];
    if (step.status === 'skipped' && step.message) lines.push(p.dim(`      ${step.message}`));
    if (step.status === 'errored') lines.push(`      ${p.bad(printable(step.message ?? replySummary(delivery)))}`);
    // An errored step's failed expectations only restate the error.
    if (step.status !== 'errored') {
      // Continuation lines of a multi-line actual value stay under the expectation.
      for (const expectation of failedExpectations(step)) lines.push(`      ${p.bad('✘')} ${printable(expectationLine(expectation)).replace(/\n/g, '\n        ')}`);
    }
    if ((step.status === 'failed' || step.status === 'errored') && delivery) lines.push(p.dim(indent(exchangeText(delivery, target), '      ')));
    if (expectsBrokenContract(step)) {
      const seen = new Set<string>();
      for (const violation of step.deliveries.flatMap((d) => d.verdict.violations)) {
        const text = `↳ violation (expected) ${violation.path}: ${printable(violation.message)}`;
        if (seen.has(text)) continue;
        seen.add(text);
        lines.push(p.dim(`      ${text}`));
      }
    }
    return lines.join('\n') + '\n';
  };

  /** The lines a scenario ends with: its error (a file that could not be loaded, a bad target). */
  const endText = (result: ScenarioResult): string =>
    // A file with several problems: one line each, under one another.
    result.error ? `  ${p.bad('!')} ${printable(locatedMessage(result.error, result.file)).replace(/\n/g, '\n    ')}\n` : '';

  const scenarioText = (result: ScenarioResult): string =>
    header(result) + result.steps.map((step) => stepText(step, result.target)).join('') + endText(result);

  return {
    name: 'pretty',
    onScenarioStart(scenario) {
      live = true;
      const target = scenario.target ?? '';
      if (open && open.name === scenario.name && open.file === scenario.file) {
        open.target ||= target;
        return;
      }
      open = { name: scenario.name, file: scenario.file, target };
      output.write(header(scenario));
    },
    onStepEnd(scenario, step) {
      live = true;
      output.write(stepText(step, open?.file === scenario.file ? open.target : ''));
    },
    onScenarioEnd(result: ScenarioResult) {
      live = true;
      // A file that could not be loaded is never announced: it is written whole here.
      const announced = open !== undefined && open.name === result.name && open.file === result.file;
      output.write(announced ? endText(result) : scenarioText(result));
      open = undefined;
    },
    onRunEnd(run: RunResult) {
      const scenarios = live ? '' : run.scenarios.map(scenarioText).join('');
      const lines = ['', ...summaryText(run)];
      const broken = run.scenarios.filter((scenario) => scenario.error?.kind === 'config');
      if (broken.length) {
        lines.push('', p.bad('Files that could not be loaded:'), ...broken.map((s) => `  ${printable(locatedMessage(s.error!, s.file)).replace(/\n/g, '\n  ')}`));
      }
      if (run.interrupted) {
        lines.push('', `${p.bad('INTERRUPTED')} ${p.dim('(exit code 130)')}`);
      } else {
        const verdict = run.exitCode === 0 ? p.ok('PASS') : p.bad(run.exitCode === 2 ? 'CONFIG ERROR' : 'FAIL');
        lines.push('', `${verdict} ${p.dim(`(exit code ${run.exitCode})`)}`);
      }
      live = false;
      return scenarios + lines.join('\n') + '\n';
    },
  };
}
