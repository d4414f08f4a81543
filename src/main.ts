// `npm start`: wires what the configuration enables. Discord when DISCORD_TOKEN is set, Telegram
// when TELEGRAM_BOT_TOKEN is set (both at once if both are); with neither, a console chat.
import { openApp } from './app.ts';
import { runConsoleChat } from './adapters/cli/console-chat.ts';
import { startDiscordBot } from './adapters/discord/bot.ts';
import { startTelegramBot } from './adapters/telegram/bot.ts';
import { loadConfig } from './config.ts';
import { QuestionLimiter } from '../commands/index.ts';
import { createLogger } from './log.ts';
import { startDailySync } from './ingest/daily-sync.ts';

interface Running {
  name: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = openApp({ databasePath: config.DATABASE_PATH, logger });
  const running: Running[] = [];
  const limiter = new QuestionLimiter({ perUser: config.RATE_LIMIT_USER_PER_MINUTE, perChat: config.RATE_LIMIT_CHAT_PER_MINUTE, windowMs: 60_000 });
  let shuttingDown = false;

  // Stop receiving, let what is in flight finish (handlers are synchronous over SQLite, so a
  // stopped adapter has nothing half-done), then close the database.
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    // In order: the scheduler and the sync (put first) stop before the adapters they send through.
    for (const r of running) {
      try {
        await r.stop();
      } catch (err) {
        logger.error({ err, part: r.name }, 'could not stop cleanly');
      }
    }
    app.close();
    logger.info('stopped');
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    if (config.DISCORD_TOKEN) {
      const bot = await startDiscordBot({ token: config.DISCORD_TOKEN, services: app, moderatorRoleIds: config.DISCORD_MODERATOR_ROLE_IDS, logger, apiBase: config.DISCORD_API_BASE, limiter });
      running.push({ name: 'discord', stop: bot.stop });
    }
    if (config.TELEGRAM_BOT_TOKEN) {
      const bot = await startTelegramBot({ token: config.TELEGRAM_BOT_TOKEN, services: app, moderatorIds: config.TELEGRAM_MODERATOR_IDS, logger, apiRoot: config.TELEGRAM_API_ROOT, limiter });
      running.push({ name: 'telegram', stop: bot.stop });
    }
  } catch (error) {
    await shutdown('startup failure');
    throw error;
  }
  if (config.UA_GS_PERSONNEL_URL && config.UA_GS_EQUIPMENT_URL) {
    const sync = startDailySync(app.db, { personnel: config.UA_GS_PERSONNEL_URL, equipment: config.UA_GS_EQUIPMENT_URL, corrections: config.UA_GS_CORRECTIONS_URL }, logger);
    running.unshift({ name: 'sync', stop: async () => { sync.stop(); await sync.ready; } });
  }
  if (running.some((r) => r.name === 'discord' || r.name === 'telegram')) {
    app.digests.start();
    // Stopped first: no digest starts while the adapters shut down.
    running.unshift({ name: 'digests', stop: () => app.digests.stop() });
    return;
  }

  try {
    await runConsoleChat(app, process.stdin, process.stdout);
  } finally {
    await shutdown('end of input');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`lossbot could not start: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
