/**
 * Cold start, side by side in one run: `node -e 0` (the floor) against hooksim's `--help`, `list`
 * and `import('hooksim')`, each started as a new process, interleaved round by round so a busy
 * machine slows every command alike. Prints medians and the ratio to the floor.
 * Run: `npm run bench:startup` (builds first; ROUNDS=N to change the repetitions, default 21).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const rounds = Number(process.env.ROUNDS ?? 21);

const commands: { name: string; args: string[] }[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'hooksim --help', args: ['bin/hooksim.js', '--help'] },
  { name: 'hooksim list', args: ['bin/hooksim.js', 'list'] },
  { name: "import('hooksim')", args: ['--input-type=module', '-e', "await import('hooksim')"] },
  { name: "import('hooksim') + prepareEvent", args: ['--input-type=module', '-e', "const { prepareEvent } = await import('hooksim'); prepareEvent({ provider: 'logto', event: 'PostRegister' })"] },
];

function timeOnce(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const samples = new Map(commands.map((command) => [command.name, [] as number[]]));
for (const command of commands) timeOnce(command.args); // warm the file cache
for (let round = 0; round < rounds; round++) {
  for (const command of commands) samples.get(command.name)!.push(timeOnce(command.args));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const floor = median(samples.get('node -e 0')!);
console.log(`cold start, median of ${rounds} interleaved runs (Node ${process.version}, ${process.platform} ${process.arch})`);
console.log('| command | median ms | ratio to node -e 0 |');
console.log('|---|---|---|');
for (const command of commands) {
  const value = median(samples.get(command.name)!);
  console.log(`| ${command.name} | ${value.toFixed(1)} | ${(value / floor).toFixed(2)}x |`);
}
