// `npm start`: wires what the configuration enables, and nothing else. Discord when DISCORD_TOKEN
// is set, Telegram when TELEGRAM_BOT_TOKEN is set (both at once if both are); with neither, a
// console chat for a person at a terminal, and otherwise a clear refusal to run.
import { openApp, type App } from './app.ts';
import { autoWorkerCount } from './services/reply-pool.ts';
import { runConsoleChat } from './adapters/cli/console-chat.ts';
import { startDiscordBot } from './adapters/discord/bot.ts';
import { startTelegramBot } from './adapters/telegram/bot.ts';
import { accessConfig, loadConfig, type Config } from './config.ts';
import { QuestionLimiter } from '../commands/index.ts';
import { createServiceLogger, type Logger } from './log.ts';
import { DEFAULT_UA_GS_URLS, startDailySync, type DailySync } from './ingest/daily-sync.ts';
import type { UaGsLocations } from './ingest/import-ua-gs.ts';
import { Supervisor } from './service/supervisor.ts';
import { startHealthServer } from './service/health-server.ts';
import { startBackupSchedule } from './service/backups.ts';
import { liveStatus } from './store/health.ts';

/** How long a shutdown may take before the process exits anyway (supervisors wait about 10 s). */
const SHUTDOWN_DEADLINE_MS = 8_000;

interface Running {
  name: string;
  stop(): Promise<void>;
}

/** Exit codes a supervisor can tell apart: 0 stopped on request, 1 failed, 2 nothing to run. */
const EXIT = { ok: 0, failed: 1, notConfigured: 2 } as const;

async function main(): Promise<void> {
  const config = loadConfig();
  const hasChat = Boolean(config.DISCORD_TOKEN || config.TELEGRAM_BOT_TOKEN);
  if (!hasChat && !process.stdin.isTTY) {
    process.stderr.write(
      'lossbot: nothing to run. Set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN (see .env.example); the console chat opens only for a person at a terminal.\n',
    );
    process.exitCode = EXIT.notConfigured;
    return;
  }
  // The console chat prints answers on the terminal: its logs go to LOG_FILE or nowhere.
  const logger = createServiceLogger(config, { quietOnTerminal: !hasChat });
  const app = openApp({
    databasePath: config.DATABASE_PATH,
    logger,
    backupDir: config.BACKUP_DIR,
    access: accessConfig(config),
    // The console chat answers one person: no workers to start.
    replyWorkers: hasChat ? (config.REPLY_WORKERS === 'auto' ? autoWorkerCount() : config.REPLY_WORKERS) : 0,
  });
  if (!hasChat) {
    try {
      await runConsoleChat(app, process.stdin, process.stdout);
    } finally {
      await app.close();
    }
    return;
  }
  await runService(config, app, logger);
}

async function runService(config: Config, app: App, logger: Logger): Promise<void> {
  const running: Running[] = [];
  let lastSync: () => DailySync['last'] = () => null;
  let shuttingDown: Promise<void> | null = null;

  // Stop receiving, let what is in flight finish, close the database, then exit with `code`.
  const shutdown = (reason: string, code: number): Promise<void> => {
    if (shuttingDown) {
      logger.info({ reason }, 'already shutting down');
      if (code !== EXIT.ok) process.exitCode = code;
      return shuttingDown;
    }
    process.exitCode = code;
    logger.info({ reason }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
      process.exit(EXIT.failed);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    shuttingDown = (async () => {
      // In order: what sends (digests, sync, backups) stops before the adapters it sends through.
      for (const part of running) {
        try {
          await part.stop();
        } catch (err) {
          logger.error({ err, part: part.name }, 'could not stop cleanly');
        }
      }
      supervisor.stop();
      await app.close();
      logger.info({ exitCode: process.exitCode }, 'stopped');
      // Whatever a library left open (a socket, a timer), the process ends here.
      process.exit(process.exitCode ?? EXIT.ok);
    })();
    return shuttingDown;
  };

  const supervisor = new Supervisor({
    logger,
    offlineLimitMs: config.OFFLINE_EXIT_SECONDS * 1000,
    onFatal: (reason) => void shutdown(`fatal: ${reason}`, EXIT.failed),
  });
  // Every signal is handled, not only the first: a second SIGTERM while stopping is logged.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal, EXIT.ok));

  // The first questions after a start should not pay for building the readers of three languages.
  app.asker.warmUp();
  void app.asker.workers?.ready().then((ready) => logger.info({ workers: app.asker.workers?.size, ready }, ready ? 'reply workers ready' : 'reply workers not ready; composing on the main thread until they are'));
  const limiter = new QuestionLimiter({ perUser: config.RATE_LIMIT_USER_PER_MINUTE, perChat: config.RATE_LIMIT_CHAT_PER_MINUTE, windowMs: 60_000 });
  try {
    if (config.HEALTH_PORT) {
      const health = await startHealthServer(config.HEALTH_PORT, { parts: () => supervisor.status(), healthy: () => supervisor.healthy(), database: () => liveStatus(app.db), sync: () => lastSync(), workers: () => app.asker.workers?.status() ?? null }, logger);
      running.push({ name: 'health', stop: health.close });
    }
    if (config.DISCORD_TOKEN) {
      const bot = await startDiscordBot({
        token: config.DISCORD_TOKEN,
        services: app,
        logger,
        apiBase: config.DISCORD_API_BASE,
        limiter,
        status: supervisor.part('discord'),
      });
      running.unshift({ name: 'discord', stop: bot.stop });
    }
    if (config.TELEGRAM_BOT_TOKEN) {
      const bot = await startTelegramBot({
        token: config.TELEGRAM_BOT_TOKEN,
        services: app,
        logger,
        apiRoot: config.TELEGRAM_API_ROOT,
        limiter,
        status: supervisor.part('telegram'),
        offlineLimitMs: config.OFFLINE_EXIT_SECONDS * 1000,
        webhook: config.TELEGRAM_WEBHOOK_URL
          ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET!, host: config.TELEGRAM_WEBHOOK_HOST, port: config.TELEGRAM_WEBHOOK_PORT }
          : undefined,
      });
      running.unshift({ name: 'telegram', stop: bot.stop });
    }
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    await shutdown('startup failure', EXIT.failed);
    return;
  }
  if (config.UA_GS_SYNC === 'on') {
    const sync = startDailySync(app.db, syncLocations(config), logger);
    running.unshift({ name: 'sync', stop: () => sync.stop() });
    lastSync = () => sync.last;
  }
  if (config.BACKUP_DIR) {
    const backups = startBackupSchedule({ databasePath: config.DATABASE_PATH, dir: config.BACKUP_DIR, keep: config.BACKUP_KEEP, logger });
    running.unshift({ name: 'backups', stop: backups.stop });
  }
  app.digests.start();
  // Stopped first: no digest starts while the adapters shut down.
  running.unshift({ name: 'digests', stop: () => app.digests.stop() });
}

/** The operator's addresses when set, else the public dataset's raw files. */
function syncLocations(config: Config): UaGsLocations {
  if (config.UA_GS_PERSONNEL_URL && config.UA_GS_EQUIPMENT_URL)
    return { personnel: config.UA_GS_PERSONNEL_URL, equipment: config.UA_GS_EQUIPMENT_URL, corrections: config.UA_GS_CORRECTIONS_URL };
  return DEFAULT_UA_GS_URLS;
}

main().catch((error: unknown) => {
  process.stderr.write(`lossbot could not start: ${(error as Error).message}\n`);
  process.exitCode = EXIT.failed;
});
