// Answers and views composed by the reply workers are the ones this thread would compose, see
// every write at once, and the bot still answers when the workers cannot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { answerToDoc } from '../../src/core/answer/to-doc.ts';
import { openApp, type App } from '../../src/app.ts';
import { PoolUnavailableError, ReplyPool } from '../../src/services/reply-pool.ts';
import { DATA_DIR } from '../../src/paths.ts';

// Just after the shipped snapshot's newest report, so "the past two weeks" holds figures only as of this clock.
const NOW = new Date('2026-08-10T12:00:00Z');
let dir: string;
let pooled: App;
let inline: App;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lossbot-pool-'));
  const databasePath = join(dir, 'lossbot.db');
  pooled = openApp({ databasePath, snapshot: true, clock: () => NOW, replyWorkers: 1 });
  // The same file, composed in this thread and never cached: what the workers must match.
  inline = openApp({ databasePath, clock: () => NOW, answerCache: 0 });
  expect(await pooled.asker.workers!.ready()).toBe(true);
}, 60_000);

afterAll(async () => {
  await pooled?.close();
  await inline?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reply workers', () => {
  it('start only for a database in a file', async () => {
    const memory = openApp({ databasePath: ':memory:', replyWorkers: 2 });
    expect(memory.asker.workers).toBeNull();
    await memory.close();
    expect(pooled.asker.workers?.size).toBe(1);
    // What /health reports of them.
    expect(pooled.asker.workers?.status()).toEqual({ size: 1, ready: 1, pending: 0, disabled: null });
  });

  it.each([
    ['How many tanks has Russia lost?', null],
    ['Russian personnel losses in March 2025', 'en'],
    ['UK estimate of Russian deaths', null],
    ['скільки танків втратила росія у 2024 році', null],
    ['сколько самолётов потеряла россия', 'ru'],
    ['Russian losses over the past two weeks', null],
    ['what does the weather look like', null],
  ] as const)('compose "%s" as this thread does, as of its clock', async (question, locale) => {
    const answer = await pooled.asker.answer(question, locale);
    const here = inline.asker.ask(question, locale);
    expect(answer).toEqual(here);
    // Its doc, built by the worker beside it, says what this thread's would.
    expect(answerToDoc(answer)).toEqual(answerToDoc(here));
  });

  it.each([
    ['chart of russian tank losses in 2025', undefined],
    ['each month of 2025', undefined],
    ['worst day for russian personnel', undefined],
    ["today's report", undefined],
    ['How many tanks has Russia lost?', 'sources'],
    ['How many tanks has Russia lost?', 'others'],
    ['Russian personnel losses in 2024', 'by_month'],
  ] as const)('build the view of "%s" (%s) as this thread does', async (question, action) => {
    expect(await pooled.views.reply(question, action, 'uk')).toEqual(inline.views.replyHere(question, action, 'uk'));
  });

  it('compose a question asked twice at once only once, and keep the answer until the data moves', async () => {
    const question = 'NATO estimate of Russian casualties';
    const [a, b] = await Promise.all([pooled.asker.answer(question), pooled.asker.answer(question)]);
    expect(a).toBe(b);
    expect(await pooled.asker.answer(question)).toBe(a);
    // A moderator retracts the figure through the main connection: the worker's next answer must not show it.
    const nato = answerFigures(a).find((f) => f.claimant.name === 'NATO')!;
    expect(pooled.service.retract(nato.claimId!, 'test: misattributed', { actor: 'test' }).ok).toBe(true);
    const after = await pooled.asker.answer(question);
    expect(after).not.toBe(a);
    expect(answerFigures(after).some((f) => f.claimId === nato.claimId)).toBe(false);
  });

  it('when no worker can start, answers in this thread', async () => {
    const broken = new ReplyPool({ databasePath: join(dir, 'missing', 'nothing.db'), dataDir: DATA_DIR, size: 1, maxStartFailures: 2 });
    expect(await broken.ready(30_000)).toBe(false);
    expect(broken.status().disabled).toMatch(/failed before they were ready/);
    pooled.asker.useWorkers(broken);
    try {
      const question = 'How many helicopters has Russia lost?';
      expect(await pooled.asker.answer(question)).toEqual(inline.asker.ask(question));
      expect((await pooled.views.reply('chart of russian tank losses in 2025')).kind).toBe('chart');
    } finally {
      pooled.asker.useWorkers(null);
      await broken.close();
    }
  }, 60_000);

  it('fail a job a worker does not answer in time, and replace that worker', async () => {
    const slow = new ReplyPool({ databasePath: join(dir, 'lossbot.db'), dataDir: DATA_DIR, size: 1, jobTimeoutMs: 1 });
    try {
      // Before a worker is ready, jobs are refused so the caller composes them itself.
      await expect(slow.run({ kind: 'answer', question: 'How many tanks has Russia lost?', locale: null, now: NOW.toISOString() })).rejects.toBeInstanceOf(PoolUnavailableError);
      expect(await slow.ready()).toBe(true);
      await expect(slow.run({ kind: 'answer', question: 'How many tanks has Russia lost?', locale: null, now: NOW.toISOString() })).rejects.toThrow(/took longer than/);
      expect(slow.size).toBe(1);
    } finally {
      await slow.close();
    }
    await expect(slow.run({ kind: 'answer', question: 'x', locale: null, now: NOW.toISOString() })).rejects.toThrow(/closed/);
  }, 60_000);
});
