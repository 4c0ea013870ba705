import type { HooksimConfig } from '../config/define.js';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { parseTargetUrl, type Target } from '../transports/target.js';

/** A target the emulator can send to, as the page lists it: a config name or a URL, never the app object. */
export interface TargetInfo {
  name: string;
  /** `url` for a URL target, `in-process` for an app or handler the config holds. */
  kind: 'url' | 'in-process';
  /** The URL, for URL targets. */
  url?: string;
}

/** The config's targets, described without exposing what they are made of. */
export function listTargets(config: HooksimConfig): TargetInfo[] {
  return Object.entries(config.targets ?? {}).map(([name, target]) => {
    const url = typeof target === 'string' ? target : target instanceof URL ? target.href : undefined;
    return url !== undefined ? { name, kind: 'url' as const, url } : { name, kind: 'in-process' as const };
  });
}

/**
 * A config target name or a URL into the target to send to, and the label deliveries show.
 * A name that is not in the config and has no scheme is a one-line UsageError.
 */
export function resolveTarget(config: HooksimConfig, nameOrUrl: string): { label: string; target: Target; url?: string } {
  if (nameOrUrl.includes('://')) {
    const url = parseTargetUrl(nameOrUrl).href;
    return { label: url, target: url, url };
  }
  const targets = config.targets ?? {};
  const target = targets[nameOrUrl];
  if (target === undefined) {
    const names = Object.keys(targets);
    throw new UsageError(`unknown target "${nameOrUrl}"${didYouMean(nameOrUrl, names)}: ${names.length ? `the config defines ${names.join(', ')}` : 'no config file defines targets'}; a URL needs its scheme (http://...)`);
  }
  const url = typeof target === 'string' ? target : target instanceof URL ? target.href : undefined;
  return { label: nameOrUrl, target, ...(url ? { url } : {}) };
}
