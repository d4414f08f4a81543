// `npm start` as a real process, the compiled build run by plain node: Telegram from the
// environment, an answer, then each way a supervisor stops it (SIGTERM to npm, to node, to the
// whole process group) ends it cleanly: exit 0, no orphan left answering, the database closed.
// And the ways it must not stay up: a dead adapter, nothing configured.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { tempDir } from '../helpers.ts';
import { TelegramHarness } from './telegram-harness.ts';

const TOKEN = '31337:StartTestTokenOnlyForTheLocalEmulator_xyz';
const MAIN = join(PROJECT_ROOT, 'dist', 'src', 'main.js');

interface Started {
  child: ChildProcess;
  logs: () => string;
  exited: Promise<number | null>;
}

function start(how: 'npm' | 'node', env: Record<string, string>, options: { detached?: boolean } = {}): Started {
  const [command, args] = how === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, [MAIN]];
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    // The daily sync would reach for the public dataset: off here; test/ingest/sync.test.ts covers it.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, UA_GS_SYNC: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let logs = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (logs += c));
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (logs += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, logs: () => logs, exited };
}

/** The bot's own node process id, from its first JSON log line (pino writes the pid). */
function botPid(logs: string): number {
  const line = logs.split('\n').find((l) => l.startsWith('{"level"'));
  return (JSON.parse(line!) as { pid: number }).pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('npm start', () => {
  const tmp = tempDir();
  const harness = new TelegramHarness();
  beforeAll(() => harness.start());
  afterAll(async () => {
    await harness.stop();
    tmp.cleanup();
  });

  const ways = [
    { name: 'SIGTERM to the npm process', how: 'npm', kill: (s: Started) => s.child.kill('SIGTERM') },
    { name: 'SIGTERM to the node process', how: 'node', kill: (s: Started) => process.kill(botPid(s.logs()), 'SIGTERM') },
    { name: 'SIGTERM to the process group (docker stop, systemd)', how: 'npm', detached: true, kill: (s: Started) => process.kill(-s.child.pid!, 'SIGTERM') },
    { name: 'SIGINT twice (Ctrl-C, then again)', how: 'node', kill: (s: Started) => { s.child.kill('SIGINT'); s.child.kill('SIGINT'); } },
  ] as const;

  for (const [i, way] of ways.entries()) {
    it(`answers, then stops cleanly on ${way.name}`, async () => {
      const dbPath = join(tmp.dir, `start-${i}.db`);
      const chatId = 70 + i;
      const s = start(way.how, { DATABASE_PATH: dbPath, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: harness.apiRoot, LOG_LEVEL: 'info' }, { detached: 'detached' in way });
      try {
        await harness.waitFor(() => /telegram connected/.test(s.logs()), 'the bot to connect', 30_000);
        const pid = botPid(s.logs());
        const user = harness.client(TOKEN, { userId: chatId, chatId, type: 'private' });
        await user.sendMessage(user.makeMessage('How many tanks has Russia lost?'));
        await harness.waitFor(() => harness.botMessages(chatId).length > 0, 'an answer', 15_000);
        way.kill(s);
        expect(await s.exited).toBe(0);
        // No orphan: the bot's own node process is gone too, not left answering.
        await waitUntil(() => !alive(pid), 'the bot process to end', 10_000);
      } finally {
        if (s.child.exitCode === null) s.child.kill('SIGKILL');
      }
      const logs = s.logs();
      expect(logs).toMatch(/"msg":"shutting down"/);
      expect(logs).toMatch(/"msg":"stopped"/);
      expect(logs).not.toContain(TOKEN);
      // Closed cleanly: the last connection checkpointed and removed the write-ahead log.
      expect(existsSync(`${dbPath}-wal`)).toBe(false);
      const db = openDatabase(dbPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }, 60_000);
  }

  it('without a chat token and without a terminal, says nothing is configured and exits non-zero', async () => {
    const s = start('npm', { DATABASE_PATH: join(tmp.dir, 'none.db') });
    expect(await s.exited).toBe(2);
    expect(s.logs()).toMatch(/nothing to run.*TELEGRAM_BOT_TOKEN/s);
    expect(existsSync(join(tmp.dir, 'none.db'))).toBe(false);
  }, 30_000);
});

/** A Bot API that lets the bot start and then refuses getUpdates as Telegram does. */
async function refusingBotApi(code: 401 | 409): Promise<{ root: string; server: Server }> {
  const server = createServer((req, res) => {
    const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1];
    res.setHeader('content-type', 'application/json');
    req.resume();
    if (method === 'getMe') return res.end(JSON.stringify({ ok: true, result: { id: 1, is_bot: true, first_name: 'Bot', username: 'TestBot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true } }));
    if (method === 'getUpdates') {
      res.statusCode = code;
      return res.end(JSON.stringify({ ok: false, error_code: code, description: code === 409 ? 'Conflict: terminated by other getUpdates request' : 'Unauthorized' }));
    }
    res.end(JSON.stringify({ ok: true, result: true }));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('a dead adapter ends the process so its supervisor restarts it', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  for (const code of [409, 401] as const) {
    it(`Telegram answering ${code} to polling: logs why and exits 1`, async () => {
      const api = await refusingBotApi(code);
      try {
        const s = start('node', { DATABASE_PATH: join(tmp.dir, `dead-${code}.db`), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root });
        expect(await s.exited).toBe(1);
        expect(s.logs()).toMatch(code === 409 ? /another process is polling/ : /refused the token \(401\)/);
        expect(s.logs()).toMatch(/"msg":"stopped"/);
      } finally {
        api.server.close();
      }
    }, 30_000);
  }

  it('Telegram unreachable: says so in the log and exits 1 after OFFLINE_EXIT_SECONDS', async () => {
    // A port nothing listens on: every call fails at once with a network error.
    const closed = await refusingBotApi(409);
    const root = closed.root;
    await new Promise((r) => closed.server.close(r));
    const s = start('node', { DATABASE_PATH: join(tmp.dir, 'offline.db'), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: root, OFFLINE_EXIT_SECONDS: '2' });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/telegram could not start within \d+ s|telegram stopped for good/);
    expect(s.logs()).not.toContain(TOKEN);
  }, 30_000);
});
