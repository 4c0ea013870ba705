import { UsageError } from '../../core/errors.js';
import { getPath, type JsonObject, type JsonValue } from '../../core/json.js';
import { didYouMean } from '../../core/suggest.js';

/**
 * A provider file's `request.path`: a path template below the target URL. It may refer to the
 * payload being sent (`${payload.data.id}`, after overrides), the options and the time; each
 * reference is percent-encoded, so a value is one path segment and never adds a `/` or a query.
 */
const REFERENCE = /\$\{([^}]*)\}/g;
const ROOTS = ['payload', 'options', 'now'] as const;
const NOW_FIELDS = ['iso', 'ms', 's'] as const;

/** What a path template may refer to. */
export interface PathScope {
  payload: JsonObject;
  options: Record<string, unknown>;
  /** Epoch ms. */
  now: number;
}

function lookup(reference: string, scope: PathScope): unknown {
  const [root, ...rest] = reference.split('.');
  const tail = rest.join('.');
  if (root === 'payload') return tail === '' ? undefined : getPath(scope.payload, tail);
  if (root === 'options') return scope.options[tail];
  if (root === 'now') return tail === 'ms' ? scope.now : tail === 's' ? Math.floor(scope.now / 1000) : new Date(scope.now).toISOString();
  return undefined;
}

/** The path for one request: the template with each reference's value, percent-encoded. */
export function renderPath(template: string, scope: PathScope): string {
  if (!template.includes('${')) return template;
  return template.replace(REFERENCE, (_, raw: string) => {
    const reference = raw.trim();
    const value = lookup(reference, scope) as JsonValue | undefined;
    if (value === undefined || value === null) throw new UsageError(`request.path: \${${reference}} has no value (the payload or options have no such field)`);
    return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
  });
}

/** Problems in a path template, before anything is sent: the references' roots and `now` fields. */
export function checkPathTemplate(template: string): string[] {
  const problems: string[] = [];
  for (const match of template.matchAll(REFERENCE)) {
    const reference = match[1]!.trim();
    const [root, first] = reference.split('.');
    if (!(ROOTS as readonly string[]).includes(root!)) {
      problems.push(`unknown reference \${${reference}}${didYouMean(root!, ROOTS)}; a path refers to ${ROOTS.join(', ')} (\${payload.type}, \${options.name}, \${now.s})`);
    } else if (root === 'now' && !(NOW_FIELDS as readonly string[]).includes(first ?? '')) {
      problems.push(`\${${reference}}: expected now.iso, now.ms or now.s`);
    } else if (root !== 'now' && (first === undefined || first === '')) {
      problems.push(`\${${reference}}: name a field (\${${root}.name})`);
    }
  }
  return problems;
}
