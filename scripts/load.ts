// `npm run load [-- options]`: simulated users ask questions through the Telegram Bot API emulator
// on 127.0.0.1, with a latency added to every Bot API call, answered by the real lossbot Telegram
// adapter (startTelegramBot, seeded app, temporary database) and, beside it, by a minimal grammY
// bot run the same way that replies with a fixed text: the floor the emulator and the network
// allow. Prints, for each latency, answers/s, p50 and p99 latency and lost answers of both, and
// lossbot's ratios to the floor.
//
// Each user has their own private chat and asks, waits for the answer, then asks again (a closed
// loop, as a person does). The bot runs in its own process (scripts/load-bot.ts) with the production
// rate limiter at RATE_LIMIT_* defaults (10 questions per user, 30 answers per chat, per minute):
// the load stays under them by using distinct users and at most --questions per user, or raises
// them with --user-per-minute / --chat-per-minute as an operator would.
//
// Bounded: users, questions per user, a timeout per answer and per run, and an overall deadline;
// the bot process ends itself when this one goes away.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LatencyEmulator, type BotMessageSeen } from './load-proxy.ts';

const USAGE = `usage: npm run load -- [--latency-ms 0,100] [--users 500] [--questions 4] [--think-ms 3000]
       [--ramp-ms 1000] [--warmup 50] [--answer-timeout-ms 15000] [--run-timeout-ms 60000]
       [--user-per-minute 10] [--chat-per-minute 30] [--only lossbot|floor] [--cpu-prof DIR]`;

const { values: opts } = parseArgs({
  options: {
    'latency-ms': { type: 'string', default: '0,100' },
    users: { type: 'string', default: '500' },
    questions: { type: 'string', default: '4' },
    'think-ms': { type: 'string', default: '3000' },
    'ramp-ms': { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '50' },
    'answer-timeout-ms': { type: 'string', default: '15000' },
    'run-timeout-ms': { type: 'string', default: '60000' },
    'user-per-minute': { type: 'string', default: '10' },
    'chat-per-minute': { type: 'string', default: '30' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

function bounded(name: keyof typeof opts, min: number, max: number): number {
  const v = Number(opts[name]);
  if (!Number.isInteger(v) || v < min || v > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}\n${USAGE}`);
    process.exit(2);
  }
  return v;
}
const latencies = String(opts['latency-ms']).split(',').map((s) => Number(s.trim()));
if (!latencies.length || latencies.length > 5 || latencies.some((l) => !Number.isInteger(l) || l < 0 || l > 2000)) {
  console.error(`--latency-ms takes up to 5 whole numbers of milliseconds from 0 to 2000, comma-separated\n${USAGE}`);
  process.exit(2);
}
const USERS = bounded('users', 1, 5000);
const QUESTIONS = bounded('questions', 1, 50);
const THINK_MS = bounded('think-ms', 0, 60_000);
const RAMP_MS = bounded('ramp-ms', 0, 60_000);
const WARMUP = bounded('warmup', 0, 1000);
const ANSWER_TIMEOUT_MS = bounded('answer-timeout-ms', 100, 120_000);
const RUN_TIMEOUT_MS = bounded('run-timeout-ms', 1000, 600_000);
const PER_USER = bounded('user-per-minute', 1, 1_000_000);
const PER_CHAT = bounded('chat-per-minute', 1, 1_000_000);
const KINDS = opts.only === undefined ? (['floor', 'lossbot'] as const) : opts.only === 'lossbot' || opts.only === 'floor' ? ([opts.only] as const) : null;
if (!KINDS) {
  console.error(`--only takes lossbot or floor\n${USAGE}`);
  process.exit(2);
}
if (QUESTIONS > PER_USER || QUESTIONS > PER_CHAT) {
  console.error(`note: ${QUESTIONS} questions per user is over the rate limit (${PER_USER} per user, ${PER_CHAT} per chat, per minute); lossbot will refuse some (counted as refused)`);
}

const CORPUS_DIR = fileURLToPath(new URL('../test/corpus/', import.meta.url));
const TOKEN = '424242:LoadTestTokenOnlyForTheLocalEmulator_abcdef';
/**
 * What users ask: every question of the test corpora (test/corpus/questions.*.txt), as people type
 * them, so the load has the variety of a real channel (popular questions repeat; most differ).
 */
const ASKED = readdirSync(CORPUS_DIR)
  .filter((f) => /^questions\.[a-z]{2}\.txt$/.test(f))
  .flatMap((f) => readFileSync(join(CORPUS_DIR, f), 'utf8').split('\n'))
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('|')[0]!.trim())
  .filter(Boolean);
const RATE_LIMITED = /^Easy, please/;
const BOT_SCRIPT = fileURLToPath(new URL('./load-bot.ts', import.meta.url));
// Start-up, warm-up and stop of one bot, beyond the run itself.
const RUN_OVERHEAD_MS = 60_000;
const overall = setTimeout(() => {
  console.error('npm run load: overall deadline reached; stopping');
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
}, latencies.length * KINDS.length * (RUN_TIMEOUT_MS + RUN_OVERHEAD_MS));
overall.unref();
const children = new Set<ChildProcess>();

interface Result {
  answered: number[];
  lost: number;
  refused: number;
  seconds: number;
  botCpuMs: number;
  loadCpuMs: number;
  calls: Map<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a message from the bot process, or fails after ms. */
function message<T>(child: ChildProcess, pick: (m: Record<string, unknown>) => T | undefined, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`the ${what} did not come within ${ms} ms`)), ms);
    const onMessage = (m: Record<string, unknown>) => {
      const v = pick(m);
      if (v !== undefined) done(null, v);
    };
    const onExit = (code: number | null) => done(new Error(`the bot process exited (${code}) before the ${what}`));
    function done(err: Error | null, v?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(v as T);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function runOnce(kind: 'lossbot' | 'floor', latencyMs: number): Promise<Result> {
  // Questions waiting for their answer, by the id of the user's message (the answer replies to it).
  const waiting = new Map<number, (m: BotMessageSeen) => void>();
  const emu = new LatencyEmulator(latencyMs, (m) => {
    if (m.replyTo === undefined) return; // a later part of a long answer
    const answer = waiting.get(m.replyTo);
    waiting.delete(m.replyTo);
    answer?.(m);
  });
  await emu.start();
  const execArgv = [...process.execArgv];
  if (opts['cpu-prof']) {
    mkdirSync(opts['cpu-prof'], { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts['cpu-prof']}`, `--cpu-prof-name=${kind}-${latencyMs}ms-${Date.now()}.cpuprofile`);
  }
  const child = fork(BOT_SCRIPT, [kind, emu.apiRoot, TOKEN, String(PER_USER), String(PER_CHAT), String(RUN_TIMEOUT_MS + RUN_OVERHEAD_MS)], { execArgv, stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  children.add(child);
  let errorLines = 0;
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) if (errorLines++ < 5) console.error(`  [${kind}] ${line.slice(0, 400)}`);
  });
  try {
    await message(child, (m) => (m.ready ? true : undefined), 30_000, 'ready message');

    /** One user: asks, waits for the answer (or the timeout), thinks, asks again. */
    let lost = 0;
    let refused = 0;
    const answered: number[] = [];
    let lastAnswerAt = 0;
    let stopAsking = false;
    const ask = async (userId: number, text: string): Promise<void> => {
      const id = await emu.userMessage(TOKEN, { id: userId, name: `User${userId}` }, text);
      const sentAt = performance.now();
      const seen = await new Promise<BotMessageSeen | null>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(null);
        }, ANSWER_TIMEOUT_MS);
        waiting.set(id, (m) => {
          clearTimeout(timer);
          resolve(m);
        });
      });
      if (!seen) lost++;
      else if (RATE_LIMITED.test(seen.text)) refused++;
      else {
        answered.push(seen.at - sentAt);
        lastAnswerAt = seen.at;
      }
    };
    const user = async (userId: number, startAfterMs: number, questions: number) => {
      await sleep(startAfterMs);
      for (let q = 0; q < questions && !stopAsking; q++) {
        if (q > 0 && THINK_MS > 0) await sleep(THINK_MS * (0.5 + ((userId * 7919 + q * 104729) % 1000) / 1000));
        await ask(userId, ASKED[(userId * 31 + q * 977) % ASKED.length]!);
      }
    };

    // Warm-up (not counted): the first questions pay for compilation and caches in both bots.
    await Promise.all(Array.from({ length: WARMUP }, (_, i) => user(1_000_000 + i, (i * 200) / Math.max(1, WARMUP), 1)));
    answered.length = 0;
    lost = refused = 0;

    const cpuBefore = process.cpuUsage();
    const callsBefore = new Map(emu.calls);
    const started = performance.now();
    const runTimer = setTimeout(() => (stopAsking = true), RUN_TIMEOUT_MS);
    await Promise.all(Array.from({ length: USERS }, (_, i) => user(10_000 + i, (i * RAMP_MS) / USERS, QUESTIONS)));
    clearTimeout(runTimer);
    const cpu = process.cpuUsage(cpuBefore);
    const calls = new Map([...emu.calls].map(([k, v]) => [k, v - (callsBefore.get(k) ?? 0)]));
    const seconds = ((lastAnswerAt || performance.now()) - started) / 1000;
    child.send({ stop: true });
    const botCpuMs = await message(child, (m) => (m.stopped ? Number(m.cpuMs) : undefined), 15_000, 'stopped message');
    // Questions never asked because the run's time was up count as lost too.
    const notAsked = USERS * QUESTIONS - answered.length - lost - refused;
    return { answered, lost: lost + notAsked, refused, seconds, botCpuMs, loadCpuMs: (cpu.user + cpu.system) / 1000, calls };
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      if (!child.connected) child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    children.delete(child);
    await emu.stop();
  }
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : NaN);
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

console.log(`npm run load: ${USERS} users × ${QUESTIONS} questions, each user in their own private chat, asking again ${THINK_MS ? `about ${THINK_MS} ms after` : 'as soon as'} an answer arrives;`);
console.log(`rate limits ${PER_USER}/user and ${PER_CHAT}/chat per minute; ${WARMUP} warm-up questions not counted; emulator, proxy and bots on 127.0.0.1.`);
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine slows both bots).\n`);
const summary: string[] = [];
for (const latencyMs of latencies) {
  console.log(`latency added to every Bot API call: ${latencyMs} ms`);
  console.log('  bot       answers/s   p50 ms   p99 ms   lost  refused  bot CPU ms/answer  load CPU ms/answer  getUpdates');
  const results = new Map<string, Result & { rate: number; p50: number; p99: number }>();
  for (const kind of KINDS) {
    const r = await runOnce(kind, latencyMs);
    const sorted = [...r.answered].sort((a, b) => a - b);
    const row = { ...r, rate: r.answered.length / r.seconds, p50: pct(sorted, 0.5), p99: pct(sorted, 0.99) };
    results.set(kind, row);
    const per = (ms: number) => fmt(ms / Math.max(1, r.answered.length), 2);
    console.log(`  ${kind.padEnd(8)}  ${fmt(row.rate).padStart(9)}  ${fmt(row.p50).padStart(7)}  ${fmt(row.p99).padStart(7)}  ${String(r.lost).padStart(5)}  ${String(r.refused).padStart(7)}  ${per(r.botCpuMs).padStart(17)}  ${per(r.loadCpuMs).padStart(18)}  ${String(r.calls.get('getUpdates') ?? 0).padStart(10)}`);
  }
  const l = results.get('lossbot');
  const f = results.get('floor');
  if (l && f) {
    const rate = l.rate / f.rate;
    const p50 = l.p50 / f.p50;
    const p99 = l.p99 / f.p99;
    console.log(`  lossbot/floor: answers/s ${fmt(rate, 2)}, p50 ${fmt(p50, 2)}, p99 ${fmt(p99, 2)}`);
    const ok = rate >= 0.8 && p99 <= 2 && l.lost === 0 && l.refused === 0;
    summary.push(`${latencyMs} ms: ${ok ? 'meets' : 'MISSES'} the targets (answers/s ≥ 0.8 of the floor's, p99 ≤ 2× the floor's, nothing lost)`);
  }
  console.log('');
}
for (const line of summary) console.log(line);
