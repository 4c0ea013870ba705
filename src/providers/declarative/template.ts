import type { Faker } from '@faker-js/faker';
import { getPath, isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
import { drawFake, fakeArgumentKeys, fakeNames, isFakeName } from './fakes.js';

/** What a template may refer to when it is rendered. */
export interface TemplateScope {
  actor: JsonObject;
  options: Record<string, unknown>;
  /** Epoch ms. */
  now: number;
  event: string;
  variant: string;
  /** The seeded faker, made on first use (most templates draw nothing, and making one costs). */
  faker(): Faker;
}

export const timeFormats = ['iso', 'epoch-ms', 'epoch-s'] as const;
const REFERENCE = /\$\{([^}]*)\}/g;
const ROOTS = ['actor', 'options', 'now', 'event', 'variant'] as const;
const NOW_FIELDS = ['iso', 'ms', 's'] as const;

function formatTime(now: number, format: string): JsonValue {
  if (format === 'epoch-ms') return now;
  if (format === 'epoch-s') return Math.floor(now / 1000);
  return new Date(now).toISOString();
}

function lookup(reference: string, scope: TemplateScope): unknown {
  const [root, ...rest] = reference.split('.');
  const tail = rest.join('.');
  switch (root) {
    case 'actor':
      return tail === '' ? scope.actor : getPath(scope.actor, tail);
    case 'options':
      return scope.options[tail];
    case 'now':
      return formatTime(scope.now, tail === 'ms' ? 'epoch-ms' : tail === 's' ? 'epoch-s' : 'iso');
    case 'event':
      return scope.event;
    case 'variant':
      return scope.variant;
  }
  return undefined;
}

function resolve(reference: string, scope: TemplateScope): JsonValue {
  const value = lookup(reference.trim(), scope);
  if (value === undefined) throw new UsageError(`\${${reference}} has no value (the actor or options have no such field)`);
  return value as JsonValue;
}

/**
 * Renders a template into a value. Keys keep the order written; a string that is one whole
 * `${ref}` becomes the referenced value (any type), references inside longer text become text.
 */
export function render(template: JsonValue, scope: TemplateScope): JsonValue {
  if (typeof template === 'string') {
    const whole = /^\$\{([^}]*)\}$/.exec(template);
    if (whole) return resolve(whole[1]!, scope);
    return template.includes('${') ? template.replace(REFERENCE, (_, reference: string) => textOf(resolve(reference, scope))) : template;
  }
  if (Array.isArray(template)) return template.map((item) => render(item, scope));
  if (!isJsonObject(template)) return template;
  if (Object.hasOwn(template, 'literal') && Object.keys(template).length === 1) return template.literal!;
  if (Object.hasOwn(template, 'fake')) return drawFake(scope.faker(), template);
  if (Object.hasOwn(template, 'time')) return formatTime(scope.now, String(template.time));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(template)) out[key] = render(value, scope);
  return out;
}

function textOf(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A problem in a template, at a path below the template's own. */
export interface TemplateProblem {
  path: PropertyKey[];
  key?: string;
  message: string;
}

/**
 * Checks a template before anything is rendered: generator names on the allow-list, their
 * arguments, time formats, and reference roots. `actorKeys` (when given) are the actor's
 * top-level fields, so `${actor.emial}` is caught with a suggestion.
 */
export function checkTemplate(template: JsonValue, path: PropertyKey[] = [], actorKeys?: readonly string[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const visit = (node: JsonValue, at: PropertyKey[]): void => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(REFERENCE)) {
        const reference = match[1]!.trim();
        const [root, first] = reference.split('.');
        if (!(ROOTS as readonly string[]).includes(root!)) {
          problems.push({ path: at, message: `unknown reference \${${reference}}${didYouMean(root!, ROOTS)}; references start with ${ROOTS.join(', ')}` });
        } else if (root === 'now' && !(NOW_FIELDS as readonly string[]).includes(first ?? '')) {
          problems.push({ path: at, message: `\${${reference}}: expected now.iso, now.ms or now.s` });
        } else if (root === 'actor' && actorKeys && first !== undefined && !actorKeys.includes(first)) {
          problems.push({ path: at, message: `\${${reference}}: the actor has no field "${first}"${didYouMean(first, actorKeys)}; actor fields: ${actorKeys.join(', ')}` });
        }
      }
      return;
    }
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, [...at, index]));
    if (!isJsonObject(node)) return;
    if (Object.hasOwn(node, 'literal') && Object.keys(node).length === 1) return;
    if (Object.hasOwn(node, 'fake')) {
      const name = node.fake;
      if (typeof name !== 'string' || !isFakeName(name)) {
        const hint = typeof name === 'string' ? didYouMean(name, fakeNames) : '';
        problems.push({ path: [...at, 'fake'], message: `unknown generator ${JSON.stringify(name)}${hint || `; generators: ${fakeNames.join(', ')}`}` });
      }
      const extra = Object.keys(node).find((key) => !(fakeArgumentKeys as readonly string[]).includes(key));
      if (extra !== undefined) problems.push({ path: at, key: extra, message: `unknown generator argument "${extra}"${didYouMean(extra, fakeArgumentKeys)}; arguments: ${fakeArgumentKeys.slice(1).join(', ')} (for an object with a "fake" key, write literal: {...})` });
      return;
    }
    if (Object.hasOwn(node, 'time')) {
      if (!(timeFormats as readonly unknown[]).includes(node.time)) problems.push({ path: [...at, 'time'], message: `expected one of ${timeFormats.join(', ')}, got ${JSON.stringify(node.time)}` });
      const extra = Object.keys(node).find((key) => key !== 'time');
      if (extra !== undefined) problems.push({ path: at, key: extra, message: `unknown key "${extra}" beside time (for an object with a "time" key, write literal: {...})` });
      return;
    }
    for (const [key, value] of Object.entries(node)) visit(value, [...at, key]);
  };
  visit(template, path);
  return problems;
}
