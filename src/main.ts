// `npm start`: wires what the configuration enables. With no chat token set, a console chat.
import { openApp } from './app.ts';
import { runConsoleChat } from './adapters/cli/console-chat.ts';
import { loadConfig } from './config.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = openApp({ databasePath: config.DATABASE_PATH });
  const stop = () => {
    app.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  try {
    await runConsoleChat(app, process.stdin, process.stdout);
  } finally {
    app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`lossbot could not start: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
