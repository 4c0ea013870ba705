import { UsageError } from '../core/errors.js';
import { formatLocation, type SourceLocation } from './source.js';

/** A scenario file that cannot be run: one message, with where and what was expected. */
export class ScenarioFileError extends UsageError {
  constructor(
    readonly location: SourceLocation,
    readonly detail: string,
  ) {
    super(`${formatLocation(location)}: ${detail}`);
  }
}
