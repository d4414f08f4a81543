// `npm start` as a real process: Telegram from the environment, an answer, then SIGTERM stops it
// cleanly (stop receiving, close the database) with exit code 0.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { tempDir } from '../helpers.ts';
import { TelegramHarness } from './telegram-harness.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TOKEN = '31337:StartTestTokenOnlyForTheLocalEmulator_xyz';

describe('npm start', () => {
  const tmp = tempDir();
  const harness = new TelegramHarness();
  afterAll(async () => {
    await harness.stop();
    tmp.cleanup();
  });

  it('runs the Telegram bot from the environment, answers, and shuts down cleanly on SIGTERM', async () => {
    await harness.start();
    const dbPath = join(tmp.dir, 'start.db');
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { PATH: process.env.PATH, DATABASE_PATH: dbPath, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: harness.apiRoot, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (logs += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await harness.waitFor(() => /telegram connected/.test(logs), 'the bot to connect', 20_000);
      const user = harness.client(TOKEN, { userId: 7, chatId: 7, type: 'private' });
      await user.sendMessage(user.makeMessage('How many tanks has Russia lost?'));
      await harness.waitFor(() => harness.botMessages(7).length > 0, 'an answer', 10_000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(logs).toMatch(/"msg":"shutting down"/);
    expect(logs).toMatch(/"msg":"stopped"/);
    expect(logs).not.toContain(TOKEN);
    // Closed cleanly: the write-ahead log was checkpointed and the database opens intact.
    const db = openDatabase(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});
