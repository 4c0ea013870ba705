/**
 * hooksim: a faithful stand-in for identity providers that call your hooks.
 *
 * This entry builds, signs, sends and judges events, and loads nothing else: the scenario runner
 * (YAML) is `hooksim/scenarios`, reporters (JUnit XML) `hooksim/reporters`, the mock provider APIs
 * (msw) `hooksim/mock-apis`, `hooksim check` as a library `hooksim/check`, and the vitest
 * matchers `hooksim/vitest`.
 *
 * @packageDocumentation
 */
export { send, prepareEvent, type SendOptions, type ProviderSendOptions, type AnySendOptions, type SendResult, type PreparedEvent, type ParsedBody } from './send.js';
export type { ProviderTypes, ProviderName, EventName, VariantName, OptionsOf, OutcomeOf } from './providers/typed.js';
export { providers, getProvider, getEvent, getVariant, registerProvider } from './providers/registry.js';
export type { Provider, AnyProvider, EventDefinition, EventVariant, BuildContext, BuiltEvent, DeliveryPolicy, RequestContext } from './providers/types.js';
export { logto } from './providers/logto/index.js';
export type { LogtoOptions, LogtoOutcome, LogtoLogPayload, LogtoActor, LogtoUser, LogtoApplication } from './providers/logto/index.js';
export { signLogtoBody, SIGNATURE_HEADER, LOGTO_USER_AGENT } from './providers/logto/index.js';
export * as logtoContracts from './providers/logto/contract.js';
export { dexieCloud } from './providers/dexie-cloud/index.js';
export type { DexieOptions, DexieOutcome, DexieCreatedUser, DexieFailurePolicy, DexieActor } from './providers/dexie-cloud/index.js';
export * as dexieContracts from './providers/dexie-cloud/contract.js';
export { enrollment, type EnrollmentOptions } from './providers/enrollment/index.js';
export { standardWebhooks, type StandardWebhooksOptions } from './providers/standard-webhooks/index.js';
export { loadProviderFile, type DeclarativeProvider, type DeclarativeOptions, type DeclarativeOutcome, type ProviderFile } from './providers/declarative/entry.js';
export { signerFor, type SigningSchemeSpec, type Signer, type SignInput, type Verification, type SigningBinding } from './providers/signing/index.js';
export { contractJsonSchema, contractNames, scenarioJsonSchema } from './schema.js';
export { transportFor, parseTargetUrl, type Target } from './transports/target.js';
export type { Transport, DeliveryLimits } from './transports/types.js';
export type { FetchHandler } from './transports/fetch-handler.js';
export type { NodeHandler } from './transports/node-handler.js';
export { systemClock, manualClock, type Clock, type ManualClock } from './core/clock.js';
export { REMOVE, applyOverrides, getPath, setPath, parseAssignment, type JsonValue, type JsonObject, type Overrides } from './core/json.js';
export { redact, REDACTED } from './core/redact.js';
export { UsageError } from './core/errors.js';
export type { WireRequest, Reply, RedirectHop, Attempt, TransportError, TransportErrorKind, Violation, Verdict, DeliveryRecord } from './core/types.js';
export { defineConfig, type HooksimConfig } from './config/define.js';
export { scenarioSchema, type ScenarioSpec, type StepSpec, type ExpectSpec } from './scenarios/schema.js';
export { deliverPrepared } from './send.js';
export { loadTest, createEventStream, parseThresholds, evaluateThresholds, formatLoadReport, type EventStream, type LoadOptions, type LoadReport, type LoadProgress, type LoadTimer, type Threshold, type ThresholdResult, type Tally } from './load/index.js';
export * from './flows/index.js';
export { dispatchLogtoEvents, hookMatches, signUpTriggers, LOGTO_FANOUT_CONCURRENCY, type LogtoHookConfig, type LogtoTrigger, type FanoutDelivery } from './providers/logto/flows/fanout.js';
export { sendLogtoTestPayloads } from './providers/logto/flows/test-hook.js';
export { simulateDexieLogin } from './providers/dexie-cloud/flows/simulate-login.js';
export { decideLogin, completeLogin, createLoginState, type DexieLoginState, type DexieLoginAttempt, type DexieLoginDecision } from './providers/dexie-cloud/login.js';
export { dexieUserPolicies, type DexieUserPolicy } from './providers/dexie-cloud/options.js';
export { logtoTestPayload, testHookVerdict, type LogtoTestHookResponse } from './providers/logto/test-payload.js';
export { maskSensitive, logEntry, executionStats, recentLogs, type LogtoLogEntry, type LogtoExecutionStats } from './providers/logto/logs.js';
export { logtoEventSpecs, membershipDelta, MEMBERSHIP_DELTA_CAP } from './providers/logto/events/index.js';
