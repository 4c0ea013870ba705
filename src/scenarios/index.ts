/**
 * `hooksim/scenarios`: scenario files (YAML/JSON) loaded, run and judged.
 *
 * @packageDocumentation
 */
export { runScenarios, type RunScenariosOptions } from './run-all.js';
export { runScenario, type RunScenarioOptions } from './run.js';
export { parseScenario, loadScenario, type LoadedScenario } from './load.js';
export { ScenarioFileError } from './errors.js';
export { scenarioSchema, type ScenarioSpec, type StepSpec, type ExpectSpec } from './schema.js';
export type { RunResult, ScenarioResult, StepResult, DeliveryResult, ExpectationResult, Status } from './result.js';
