/**
 * Payload overrides as people type them (`user.primaryEmail=a@b.test`, one per line; `-path`
 * removes a field), checked line by line and then against the provider's payload contract, so
 * the dashboard can put each problem next to the line that caused it.
 */
import type { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { applyOverrides, getPath, parseAssignment, REMOVE, splitPath, type JsonObject, type Overrides } from '../core/json.js';
import type { AnyProvider } from '../providers/types.js';

/** One problem with the overrides: the 1-based line it belongs to (0: the payload as a whole), the path, the message. */
export interface OverrideProblem {
  line: number;
  path: string;
  message: string;
}

/** Lines into overrides; problems for the lines that do not parse (those lines are left out). */
export function parseOverrideLines(lines: readonly string[]): { overrides: Overrides; problems: OverrideProblem[]; lineOf: Map<string, number> } {
  const overrides: Overrides = {};
  const problems: OverrideProblem[] = [];
  const lineOf = new Map<string, number>();
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    try {
      if (text.startsWith('-') && !text.includes('=')) {
        const path = text.slice(1).trim();
        splitPath(path);
        overrides[path] = REMOVE;
        lineOf.set(path, index + 1);
      } else {
        const [path, value] = parseAssignment(text);
        overrides[path] = value;
        lineOf.set(path, index + 1);
      }
    } catch (error) {
      const message = error instanceof UsageError ? error.message.replace(/^invalid --set/, 'invalid line') : String(error);
      problems.push({ line: index + 1, path: text.split('=')[0]!.trim(), message });
    }
  });
  return { overrides, problems, lineOf };
}

type Issue = z.core.$ZodIssue;

/** The union branches of a schema, when it is a union (zod 4 keeps them in `def.options`). */
function branchesOf(schema: z.ZodType): z.ZodType[] | undefined {
  const def = (schema as unknown as { def?: { type?: string; options?: z.ZodType[] } }).def;
  return def?.type === 'union' && Array.isArray(def.options) ? def.options : undefined;
}

/**
 * Issues flattened to leaves: a union that matched no branch is explained by its closest branch
 * (the fewest issues), with the path joined up, instead of the whole list of every branch's complaints.
 */
function leaves(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      out.push(...leaves(closest, path));
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key].map(String).join('.'), message: 'not a field of this event: the provider never sends it' });
    } else {
      out.push({ path: path.map(String).join('.'), message: issue.message });
    }
  }
  return out;
}

/**
 * The payload with the overrides applied, checked against the provider's contract. A payload
 * contract that is a union (Logto's event families) is checked against the family the
 * unchanged payload belongs to, so the message speaks of this event's shape.
 */
export function validateOverrides(provider: AnyProvider, base: JsonObject, lines: readonly string[]): { payload: JsonObject; overrides: Overrides; problems: OverrideProblem[] } {
  const { overrides, problems, lineOf } = parseOverrideLines(lines);
  let payload = base;
  try {
    payload = applyOverrides(base, overrides);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const path = /"([^"]+)"/.exec(message)?.[1] ?? '';
    problems.push({ line: lineOf.get(path) ?? 0, path, message });
    return { payload: base, overrides, problems };
  }
  // The contract a request body must keep, as the provider names it among its contracts.
  const contractName = provider.emulator?.payloadContract;
  const contract = contractName ? provider.contracts[contractName] : undefined;
  if (!contract) return { payload, overrides, problems };
  const family = branchesOf(contract)?.find((branch) => branch.safeParse(base).success) ?? contract;
  const checked = family.safeParse(payload);
  if (!checked.success) {
    for (const leaf of leaves(checked.error.issues)) {
      // The line to blame: the override whose path is this field or one of its parents or children.
      const line = [...lineOf].find(([path]) => leaf.path === path || leaf.path.startsWith(`${path}.`) || path.startsWith(`${leaf.path}.`))?.[1] ?? 0;
      const was = getPath(base, leaf.path);
      const unknown = leaf.message.startsWith('not a field');
      const hint = was === undefined || unknown ? '' : ` (the provider sends ${JSON.stringify(was)})`;
      problems.push({ line, path: leaf.path, message: `${leaf.path || 'payload'}: ${leaf.message}${hint}` });
    }
  }
  return { payload, overrides, problems };
}
