import type { Command } from 'commander';
import { collect } from './shared.js';

// Declaring flags must stay cheap: this module is loaded for `--help`, so it imports no provider code.

/** Flags shared by `send` and `show`: how to build the event. */
export interface EventFlags {
  variant?: string;
  seed?: string;
  set?: string[];
  unset?: string[];
  signingKey?: string;
  option?: string[];
  header?: string[];
  now?: string;
  timeout?: string;
  retries?: string;
}

/** Declares the event-building flags on a command. */
export function addEventFlags(command: Command): Command {
  return command
    .option('--variant <name>', 'how the event was triggered (see `hooksim list`)')
    .option('--seed <n>', 'seed for generated values: same seed, same bytes', '1')
    .option('--set <path=value>', 'override a payload field (dotted path; value parsed as JSON if it parses); repeatable', collect)
    .option('--unset <path>', 'remove a payload field; repeatable', collect)
    .option('--signing-key <key>', "the hook's signing key, for providers that sign (or env HOOKSIM_SIGNING_KEY)")
    .option('--header <name: value>', "a custom header configured on the hook, for providers that have them (Logto); repeatable", collect)
    .option('--option <key=value>', 'provider option, e.g. version=1.43, failurePolicy=eval; repeatable', collect)
    .option('--now <iso>', 'the time the provider thinks it is (pins createdAt)')
    .option('--timeout <ms>', "the provider's per-attempt timeout in ms")
    .option('--retries <mode>', "the provider's retry mode, for providers that have one (Logto: none, the 1.42 code, or 5xx-retry-3, the docs)");
}
