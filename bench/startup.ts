// Start-up cost of one question from the command line, against its floor measured in the same run:
// node loading better-sqlite3 and chrono-node and doing nothing else. Three ways of asking:
// the compiled entry point run by node, `npm run ask` (npm, its pre-script's staleness check, node),
// and the sources run by tsx (what every start cost before the build).
//   npm run bench:startup [-- --rounds 15]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/paths.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '11' } } });
const ROUNDS = Math.max(3, Math.min(100, Number(values.rounds) || 11));
const QUESTION = 'How many tanks has Russia lost?';

const dir = mkdtempSync(join(tmpdir(), 'lossbot-startup-'));
const database = join(dir, 'bench.db');
const floorScript = join(PROJECT_ROOT, 'bench', '.floor.mjs');
writeFileSync(
  floorScript,
  "import Database from 'better-sqlite3';\nimport * as chrono from 'chrono-node';\nnew Database(':memory:').close();\nchrono.parse('5 March 2025');\n",
);
const env = { ...process.env, DATABASE_PATH: database };

function run(command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ways: Record<string, () => number> = {
  'floor: node + better-sqlite3 + chrono-node': () => run(process.execPath, [floorScript]),
  'node dist/src/adapters/cli/ask.js': () => run(process.execPath, [join(PROJECT_ROOT, 'dist/src/adapters/cli/ask.js'), QUESTION]),
  'npm run ask': () => run('npm', ['run', '-s', 'ask', '--', QUESTION]),
  // npm's own cost, for reading the line above: npm's built-in `env` script does nothing else.
  'npm run env (npm alone)': () => run('npm', ['run', '-s', 'env']),
  'tsx src/adapters/cli/ask.ts (before the build)': () => run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/adapters/cli/ask.ts'), QUESTION]),
};

try {
  // Build if needed, create and seed the database once, and warm the file cache.
  run('npm', ['run', '-s', 'ask', '--', QUESTION]);
  const samples = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
  // Interleaved rounds, so a busy moment of the machine falls on every way alike.
  for (let i = 0; i < ROUNDS; i++) for (const [name, way] of Object.entries(ways)) samples.get(name)!.push(way());
  const floor = median(samples.values().next().value!);
  console.log(`start-up of one question, median of ${ROUNDS} runs (${process.version}, ${process.platform})`);
  for (const [name, xs] of samples) console.log(`  ${name.padEnd(48)} ${median(xs).toFixed(0).padStart(6)} ms   ${(median(xs) / floor).toFixed(2)}x floor`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(floorScript, { force: true });
}
