/**
 * The part of a command's `--help` after the flags: examples and what each exit code means, so a
 * CI author can read the contract without the README.
 */
export function commandHelp(examples: readonly string[], pass: string, fail?: string): string {
  const lines = ['', 'Examples:', ...examples.map((example) => `  $ ${example}`), '', 'Exit codes:', `  0  ${pass}`];
  if (fail !== undefined) lines.push(`  1  ${fail}`);
  lines.push('  2  usage or configuration error (one line on stderr)');
  return lines.join('\n');
}
