// `npm run load`: many simulated users ask through the Telegram Bot API emulator on 127.0.0.1;
// reports answers per second, latency and lost answers at rising concurrency. Bounded: a fixed
// number of users and questions per stage, and a deadline per stage.
import { startTelegramBot } from '../src/adapters/telegram/bot.ts';
import { openApp } from '../src/app.ts';
import { createLogger } from '../src/log.ts';
import { TelegramHarness } from '../test/e2e/telegram-harness.ts';

const TOKEN = '424242:LoadTestTokenOnlyForTheLocalEmulator_abcdef';
const QUESTIONS = ['How many tanks has Russia lost?', 'UK estimate of Russian deaths', "Ukraine's claim of Russian losses in November", 'Putin on Ukrainian losses', 'Russian losses in the past week'];
const STAGES = [
  { users: 10, questionsEach: 10 },
  { users: 50, questionsEach: 10 },
  { users: 200, questionsEach: 5 },
  { users: 500, questionsEach: 4 },
];
const STAGE_DEADLINE_MS = 60_000;

const harness = new TelegramHarness();
await harness.start();
const app = openApp({ databasePath: ':memory:' });
const bot = await startTelegramBot({ token: TOKEN, services: app, logger: createLogger('silent'), apiRoot: harness.apiRoot });

let nextUser = 10_000;
console.log('users  questions  answers/s  p50 ms  p99 ms  lost');
try {
  for (const stage of STAGES) {
    const users = Array.from({ length: stage.users }, () => nextUser++);
    const sentAt = new Map<number, number[]>();
    const started = performance.now();
    // Every user sends their questions at once; the bot answers each in its private chat.
    await Promise.all(
      users.map(async (id) => {
        const client = harness.client(TOKEN, { userId: id, chatId: id, type: 'private' });
        const times: number[] = [];
        sentAt.set(id, times);
        for (let q = 0; q < stage.questionsEach; q++) {
          times.push(performance.now());
          await client.sendMessage(client.makeMessage(QUESTIONS[(id + q) % QUESTIONS.length]!));
        }
      }),
    );
    const expected = stage.users * stage.questionsEach;
    const latencies: number[] = [];
    const seen = new Map<number, number>();
    const deadline = started + STAGE_DEADLINE_MS;
    while (latencies.length < expected && performance.now() < deadline) {
      for (const id of users) {
        const answered = harness.botMessages(id).length;
        const already = seen.get(id) ?? 0;
        for (let k = already; k < answered; k++) latencies.push(performance.now() - sentAt.get(id)![k]!);
        seen.set(id, answered);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(0) : '-');
    console.log(`${String(stage.users).padStart(5)}  ${String(expected).padStart(9)}  ${(latencies.length / elapsed).toFixed(0).padStart(9)}  ${at(0.5).padStart(6)}  ${at(0.99).padStart(6)}  ${expected - latencies.length}`);
  }
} finally {
  await bot.stop();
  await harness.stop();
  app.close();
}
