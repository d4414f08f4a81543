// For `npm run load`: one bot in its own process, as in production, polling the load's emulator.
//   lossbot: the real Telegram adapter (startTelegramBot) on a seeded app in a temporary database,
//            with the production rate limiter (RATE_LIMIT_* as given by the parent);
//   floor:   a minimal grammY bot run the same way (runner, concurrent) that replies to every text
//            message with a fixed text: what the emulator and the network allow.
// Started by scripts/load.ts with fork(); says {ready} when polling, {stopped, cpu} after a 'stop'
// message. Ends itself when the parent goes away or after its own deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { QuestionLimiter } from '../commands/index.ts';
import { startTelegramBot } from '../src/adapters/telegram/bot.ts';
import { openApp } from '../src/app.ts';
import { autoWorkerCount } from '../src/services/reply-pool.ts';
import { createLogger } from '../src/log.ts';

const [kind, apiRoot, token, perUser, perChat, deadlineMs] = process.argv.slice(2);
if ((kind !== 'lossbot' && kind !== 'floor') || !apiRoot?.startsWith('http://127.0.0.1:') || !token || !process.send) {
  console.error('usage: forked by scripts/load.ts: load-bot.ts lossbot|floor http://127.0.0.1:PORT TOKEN PER_USER PER_CHAT DEADLINE_MS');
  process.exit(2);
}
const send = (m: object) => process.send!(m);
const hardStop = setTimeout(() => {
  console.error(`load bot (${kind}): deadline reached, exiting`);
  process.exit(1);
}, Number(deadlineMs) || 300_000);
hardStop.unref();
process.on('disconnect', () => process.exit(0));

let stop: () => Promise<void>;
let dir: string | null = null;
if (kind === 'lossbot') {
  dir = mkdtempSync(join(tmpdir(), 'lossbot-load-'));
  // A fresh clone's database: the seed articles and the General Staff snapshot.
  // Reply workers as the bot's main starts them (REPLY_WORKERS=auto, unless LOSSBOT_LOAD_WORKERS says otherwise).
  const workers = process.env.LOSSBOT_LOAD_WORKERS === undefined ? autoWorkerCount() : Number(process.env.LOSSBOT_LOAD_WORKERS);
  const app = openApp({ databasePath: join(dir, 'lossbot.db'), snapshot: true, replyWorkers: workers });
  app.asker.warmUp(); // as the bot's main does at start
  await app.asker.workers?.ready();
  // Errors only: a warning or failure in the hot path shows up in the load's output.
  const logger = createLogger('warn');
  const limiter = new QuestionLimiter({ perUser: Number(perUser), perChat: Number(perChat), windowMs: 60_000 });
  const bot = await startTelegramBot({ token, services: app, logger, apiRoot, limiter, networkRetryDelayMs: 200 });
  stop = async () => {
    await bot.stop();
    await app.close();
  };
} else {
  const bot = new Bot(token, { client: { apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply('A fixed answer.', { reply_parameters: { message_id: ctx.msg.message_id } }));
  bot.catch((err) => console.error('floor bot: update failed:', err.error));
  await bot.init();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ['message'] }, silent: true } });
  stop = () => runner.stop();
}
const cpuAtReady = process.cpuUsage();
send({ ready: true });

process.on('message', (m: { stop?: boolean }) => {
  if (!m.stop) return;
  void (async () => {
    const cpu = process.cpuUsage(cpuAtReady);
    await stop().catch((err: unknown) => console.error(`load bot (${kind}): stop failed`, err));
    if (dir) rmSync(dir, { recursive: true, force: true });
    send({ stopped: true, cpuMs: (cpu.user + cpu.system) / 1000 });
    process.disconnect();
  })();
});
