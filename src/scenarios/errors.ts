import { UsageError } from '../core/errors.js';
import { formatLocation, type SourceLocation } from './source.js';

/**
 * A scenario file that cannot be run: one line per problem, each with where and what was
 * expected. `location` and `detail` are the first problem's; `problems` has them all.
 */
export class ScenarioFileError extends UsageError {
  readonly problems: readonly { location: SourceLocation; detail: string }[];

  constructor(
    readonly location: SourceLocation,
    readonly detail: string,
    more: readonly { location: SourceLocation; detail: string }[] = [],
  ) {
    super([{ location, detail }, ...more].map((problem) => `${formatLocation(problem.location)}: ${problem.detail}`).join('\n'));
    this.problems = [{ location, detail }, ...more];
  }

  /** One error for several problems (in file order), or undefined when there are none. */
  static of(problems: readonly { location: SourceLocation; detail: string }[]): ScenarioFileError | undefined {
    if (problems.length === 0) return undefined;
    const [first, ...more] = problems;
    return new ScenarioFileError(first!.location, first!.detail, more);
  }
}

/** The one-line text of an error nobody planned for (a bug, a port in use): never a stack trace. */
export function unexpectedMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${text.split('\n')[0]}`;
}
