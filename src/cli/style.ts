import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Colours for terminals; plain text for pipes, CI logs and NO_COLOR. */
export interface Paint {
  ok(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  warn(text: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (style: Style) => (text: string) => (enabled ? styleText(style, text, { validateStream: false }) : text);
  return { ok: wrap('green'), bad: wrap('red'), dim: wrap('gray'), bold: wrap('bold'), warn: wrap('yellow') };
}

/** Colour when writing to a terminal and NO_COLOR is unset (https://no-color.org). */
export function colourEnabled(isTty: boolean, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty;
}
