import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

// The shipped CLI: vitest's global setup built dist/ from today's sources (a tsx child costs 0.7 s of CPU).
const cli = fileURLToPath(new URL('../../bin/hooksim.js', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** A `hooksim serve` child process and the URLs it printed. */
export interface ServeProcess {
  child: ChildProcess;
  control: string;
  logto: string;
  dexie: string;
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `hooksim serve` and resolves once it printed its URLs (it prints them when listening). */
export async function startServe(args: string[], env: Record<string, string> = {}, command: 'serve' | 'ui' = 'serve'): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cli, command, ...args], { cwd: root, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ctrl-C to stop')) resolve();
    });
    void exited.then(([code]) => reject(new Error(`hooksim serve exited (${String(code)}) before it was ready: ${err}`)));
  });
  const url = (label: string) => new RegExp(`${label}\\s+(http://127\\.0\\.0\\.1:\\d+\\S*)`).exec(out)![1]!;
  return {
    child,
    control: url(command === 'ui' ? 'hooksim ui:' : 'control API'),
    logto: url('Logto'),
    dexie: url('Dexie Cloud'),
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
