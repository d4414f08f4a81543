import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { findCommand, runCommand, type Actor } from '../../commands/index.ts';
import { openApp, type App } from '../../src/app.ts';
import { docToPlainText, type Doc } from '../../src/core/doc.ts';
import { DeliveryError, type Clock, type DigestSender } from '../../src/digest/scheduler.ts';
import { createLogger } from '../../src/log.ts';
import type { Subscription } from '../../src/store/digest-repo.ts';
import { tempDir } from '../helpers.ts';

/** Time that moves only when the test says so. */
class FakeClock implements Clock {
  constructor(public current: Date) {}
  now = () => this.current;
  sleep = async () => undefined;
  set(iso: string) {
    this.current = new Date(iso);
  }
}

class RecordingSender implements DigestSender {
  readonly sent: { chat: string; at: Date; text: string }[] = [];
  failures: (DeliveryError | null)[] = [];
  constructor(private readonly clock: FakeClock) {}
  async send(sub: Subscription, digest: Doc): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ chat: sub.chatId, at: this.clock.now(), text: docToPlainText(digest) });
  }
}

const mod = (chatId: string): Actor => ({ platform: 'telegram', id: '42', name: 'mod', isModerator: true, chatId });

describe('digest scheduler', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  let n = 0;

  function setup(startIso: string) {
    const clock = new FakeClock(new Date(startIso));
    const logs = new PassThrough();
    let logText = '';
    logs.on('data', (c) => (logText += String(c)));
    const path = join(tmp.dir, `digest-${++n}.db`);
    const app = openApp({ databasePath: path, clock: () => clock.now(), digestClock: clock, logger: createLogger('debug', logs) });
    const sender = new RecordingSender(clock);
    app.digests.setSender('telegram', sender);
    const subscribe = (chatId: string, options: Record<string, unknown>) => {
      const reply = runCommand(findCommand(['digest', 'subscribe'])!, options, mod(chatId), app);
      expect(reply.kind, JSON.stringify(reply)).toBe('doc');
    };
    const addClaim = (value: string, asOf: string, claimant = 'nato') =>
      expect(app.service.add({ claimant, subject: 'russia', metric: 'killed', value, asOf, url: 'https://example.org/report', publisher: 'Example' }, { actor: 'test', confirm: true })).toMatchObject({ ok: true });
    /** Ticks every `stepMinutes` up to `untilIso`, running whatever is due. */
    const runUntil = async (app2: App, untilIso: string, stepMinutes = 15) => {
      const until = new Date(untilIso).getTime();
      while (clock.now().getTime() < until) {
        clock.current = new Date(Math.min(until, clock.now().getTime() + stepMinutes * 60_000));
        await app2.digests.runDue();
      }
    };
    return { clock, app, sender, subscribe, addClaim, runUntil, path, logs: () => logText };
  }

  const periods = (app: App, chatId: string) =>
    (app.db.prepare('SELECT d.period, d.status FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id WHERE s.chat_id = ? ORDER BY d.period').all(chatId) as { period: string; status: string }[]);

  it('fires daily and weekly digests at local time in two zones, across daylight-saving changes', async () => {
    const t = setup('2026-03-02T00:00:00Z');
    t.subscribe('-100', { frequency: 'daily', time: '09:00', timezone: 'Europe/Kyiv', post_empty: true });
    t.subscribe('-200', { frequency: 'weekly', weekday: 'monday', time: '08:00', timezone: 'America/New_York', post_empty: true });
    await t.runUntil(t.app, '2026-04-07T00:00:00Z', 30);
    const kyiv = periods(t.app, '-100').map((p) => p.period);
    expect(kyiv).toHaveLength(36);
    // Kyiv moves to summer time on 29 March 2026: 09:00 is 07:00 UTC before, 06:00 UTC after.
    expect(kyiv).toContain('2026-03-28T07:00:00.000Z');
    expect(kyiv).toContain('2026-03-29T06:00:00.000Z');
    expect(kyiv.every((p) => (p < '2026-03-29' ? p.endsWith('T07:00:00.000Z') : p.endsWith('T06:00:00.000Z')))).toBe(true);
    // New York moves on 8 March 2026: Mondays 08:00 are 13:00 UTC before, 12:00 UTC after.
    expect(periods(t.app, '-200').map((p) => p.period)).toEqual(['2026-03-02T13:00:00.000Z', '2026-03-09T12:00:00.000Z', '2026-03-16T12:00:00.000Z', '2026-03-23T12:00:00.000Z', '2026-03-30T12:00:00.000Z', '2026-04-06T12:00:00.000Z']);
    expect(t.sender.sent.filter((s) => s.chat === '-200').map((s) => s.text.split('\n')[0])).toContain('Weekly digest, 9 March 2026');
    t.app.close();
  });

  it('posts only when something is new, grouped by claimant and attributed', async () => {
    const t = setup('2026-11-20T00:00:00Z');
    t.subscribe('-300', { frequency: 'daily', time: '09:00', timezone: 'UTC' });
    await t.runUntil(t.app, '2026-11-20T10:00:00Z');
    expect(t.sender.sent).toHaveLength(0);
    expect(periods(t.app, '-300')).toEqual([{ period: '2026-11-20T09:00:00.000Z', status: 'empty' }]);

    t.addClaim('150,000', '2026-11-19');
    await t.runUntil(t.app, '2026-11-21T10:00:00Z');
    expect(t.sender.sent).toHaveLength(1);
    expect(t.sender.sent[0]!.text).toMatch(/150,000 killed/);
    t.addClaim('160,000', '2026-11-20');
    expect(t.app.service.add({ claimant: 'UK MoD', subject: 'russia', metric: 'tanks', low: '3000', high: '3500', from: '2026-11-01', to: '2026-11-15', publisher: 'Reuters' }, { actor: 'test', confirm: true })).toMatchObject({ ok: true });
    const toRetract = t.app.claims.list({ claimant: 'uk-ministry-of-defence', limit: 100 }).find((c) => c.metric === 'tanks')!;
    t.app.service.retract(toRetract.id, 'misread the source', { actor: 'test' });
    await t.runUntil(t.app, '2026-11-22T10:00:00Z');
    expect(t.sender.sent).toHaveLength(2);
    const text = t.sender.sent[1]!.text;
    expect(text).toMatch(/^Daily digest, 22 November 2026/);
    expect(text).toMatch(/NATO claims:\n- 160,000 killed, Russia, to the end of 20 November 2026 \(\+10,000 since 19 November 2026\); source: Example/);
    expect(text).toMatch(/UK Ministry of Defence claims:\n- Retracted #\d+: .*3,000-3,500/);
    expect(text).toMatch(/Why: misread the source/);
    expect(text).not.toMatch(/New #\d+: NATO/); // a running total is summed up, not listed claim by claim
    expect(text).not.toMatch(/New #\d+: UK/); // added and retracted in the same window: said once, as retracted
    t.app.close();
  });

  it('catches up once after downtime while the period is current, and skips periods that have passed', async () => {
    const t = setup('2026-11-20T00:00:00Z');
    t.subscribe('-400', { frequency: 'daily', time: '09:00', timezone: 'UTC', post_empty: true });
    await t.runUntil(t.app, '2026-11-20T08:00:00Z');
    t.app.close();
    // Down from 08:00 to 15:00: the 09:00 digest goes out once on start.
    t.clock.set('2026-11-20T15:00:00Z');
    const restarted = openApp({ databasePath: t.path, clock: () => t.clock.now(), digestClock: t.clock });
    restarted.digests.setSender('telegram', t.sender);
    await restarted.digests.runDue();
    await restarted.digests.runDue();
    expect(t.sender.sent.map((s) => s.at.toISOString())).toEqual(['2026-11-20T15:00:00.000Z']);
    // Down for two days: only the current period's digest is sent, once.
    t.clock.set('2026-11-23T10:00:00Z');
    await restarted.digests.runDue();
    expect(periods(restarted, '-400').map((p) => p.period)).toEqual(['2026-11-20T09:00:00.000Z', '2026-11-23T09:00:00.000Z']);
    expect(t.sender.sent).toHaveLength(2);
    restarted.close();
  });

  it('never posts a period twice: not after a restart, not with two processes on one database', async () => {
    const t = setup('2026-11-20T08:59:00Z');
    t.subscribe('-500', { frequency: 'daily', time: '09:00', timezone: 'UTC', post_empty: true });
    t.clock.set('2026-11-20T09:00:30Z');
    const second = openApp({ databasePath: t.path, clock: () => t.clock.now(), digestClock: t.clock });
    // Both processes see the period due at once; the sender is slow, so their work interleaves.
    const slow: DigestSender = { send: async (sub, doc) => { await new Promise((r) => setTimeout(r, 30)); await t.sender.send(sub, doc); } };
    t.app.digests.setSender('telegram', slow);
    second.digests.setSender('telegram', slow);
    await Promise.all([t.app.digests.runDue(), second.digests.runDue(), t.app.digests.runDue()]);
    expect(t.sender.sent).toHaveLength(1);
    // A restart mid-period does not post it again.
    second.close();
    const third = openApp({ databasePath: t.path, clock: () => t.clock.now(), digestClock: t.clock });
    third.digests.setSender('telegram', t.sender);
    t.clock.set('2026-11-20T18:00:00Z');
    await third.digests.runDue();
    expect(t.sender.sent).toHaveLength(1);
    third.close();
    t.app.close();
  });

  it('does not resend a digest whose sender died mid-send; it is marked and visible', async () => {
    const t = setup('2026-11-20T08:59:00Z');
    t.subscribe('-550', { frequency: 'daily', time: '09:00', timezone: 'UTC', post_empty: true });
    const sub = t.app.digests.repo.forChat('telegram', '-550')!;
    // Another process claimed the period and vanished before marking it.
    expect(t.app.digests.repo.claim(sub.id, '2026-11-20T09:00:00.000Z', 'dead-process', new Date('2026-11-20T09:00:00Z'), 60_000)).toMatchObject({ claimed: true });
    t.clock.set('2026-11-20T09:30:00Z');
    await t.app.digests.runDue();
    expect(t.sender.sent).toHaveLength(0);
    expect(periods(t.app, '-550')).toEqual([{ period: '2026-11-20T09:00:00.000Z', status: 'failed' }]);
    const list = runCommand(findCommand(['digest', 'list'])!, {}, mod('-550'), t.app);
    expect(docToPlainText((list as { doc: Doc }).doc)).toMatch(/failed \(interrupted while sending/);
    t.app.close();
  });

  it('retries a failing send with backoff, a bounded number of times, then logs it', async () => {
    const t = setup('2026-11-20T08:59:00Z');
    t.subscribe('-600', { frequency: 'daily', time: '09:00', timezone: 'UTC', post_empty: true });
    t.sender.failures = [new DeliveryError('timeout', false), new DeliveryError('timeout', false)];
    await t.runUntil(t.app, '2026-11-20T09:30:00Z', 1);
    // Attempts at 09:00, 09:01 and 09:06 (waits of 1 and 5 minutes): the third succeeds.
    expect(t.sender.sent.map((s) => s.at.toISOString())).toEqual(['2026-11-20T09:06:00.000Z']);
    expect(periods(t.app, '-600')).toEqual([{ period: '2026-11-20T09:00:00.000Z', status: 'sent' }]);

    t.sender.failures = Array.from({ length: 10 }, () => new DeliveryError('server error', false));
    await t.runUntil(t.app, '2026-11-21T10:00:00Z', 1);
    expect(periods(t.app, '-600').at(-1)).toEqual({ period: '2026-11-21T09:00:00.000Z', status: 'failed' });
    expect(t.sender.failures).toHaveLength(6); // 4 attempts: the first and 3 retries
    expect(t.logs()).toMatch(/digest send failed for the last time/);
    expect(t.app.digests.repo.forChat('telegram', '-600')!.status).toBe('active');
    t.app.close();
  });

  it('disables a subscription whose channel is gone, and digest list says why', async () => {
    const t = setup('2026-11-20T08:59:00Z');
    t.subscribe('-700', { frequency: 'daily', time: '09:00', timezone: 'UTC', post_empty: true });
    t.sender.failures = [new DeliveryError('Telegram refused: Forbidden: bot was kicked from the supergroup chat', true)];
    await t.runUntil(t.app, '2026-11-22T10:00:00Z', 30);
    expect(t.sender.sent).toHaveLength(0);
    expect(periods(t.app, '-700')).toHaveLength(1);
    const list = runCommand(findCommand(['digest', 'list'])!, {}, mod('-700'), t.app);
    expect(docToPlainText((list as { doc: Doc }).doc)).toMatch(/Status: disabled: Telegram refused: Forbidden: bot was kicked/);
    t.app.close();
  });

  it('validates subscriptions and previews without posting', () => {
    const t = setup('2026-11-20T08:00:00Z');
    const bad = (options: Record<string, unknown>, field: RegExp) => {
      const reply = runCommand(findCommand(['digest', 'subscribe'])!, options, mod('-800'), t.app);
      expect(reply.kind).toBe('refusal');
      expect(docToPlainText((reply as { doc: Doc }).doc)).toMatch(field);
    };
    bad({ frequency: 'daily', time: '25:00' }, /time: must be a time like 09:00/);
    bad({ frequency: 'daily', time: '09:00', timezone: 'Mars/Olympus' }, /timezone: must be an IANA time zone/);
    bad({ frequency: 'weekly', time: '09:00' }, /weekday: is required/);
    bad({ frequency: 'daily', time: '09:00', claimants: 'NATO, Ministry of Silly Walks' }, /claimants:/);
    bad({ frequency: 'daily', time: '09:00', metrics: 'bananas' }, /metrics: "bananas" is not a metric/);
    // Metrics by id or by name in any language.
    const named = runCommand(findCommand(['digest', 'subscribe'])!, { frequency: 'daily', time: '09:00', metrics: 'tanks, БпЛА, танков, personnel losses' }, mod('-801'), t.app);
    expect(named.kind).toBe('doc');
    expect([...t.app.digests.repo.forChat('telegram', '-801')!.metrics].sort()).toEqual(['personnel', 'tanks', 'uavs']);
    const cli = runCommand(findCommand(['digest', 'subscribe'])!, { frequency: 'daily', time: '09:00' }, { ...mod('x'), platform: 'cli', chatId: null }, t.app);
    expect(docToPlainText((cli as { doc: Doc }).doc)).toMatch(/run this command there/);
    const reader = runCommand(findCommand(['digest', 'subscribe'])!, { frequency: 'daily', time: '09:00' }, { ...mod('-800'), isModerator: false }, t.app);
    expect(reply(reader)).toMatch(/Only this chat's managers .* may use digest subscribe/);

    t.subscribe('-800', { frequency: 'daily', time: '09:00', claimants: 'NATO' });
    t.addClaim('170,000', '2026-11-19');
    t.addClaim('1,000', '2026-11-19', 'csis');
    const preview = runCommand(findCommand(['digest', 'preview'])!, {}, mod('-800'), t.app);
    expect(reply(preview)).toMatch(/NATO claims:/);
    expect(reply(preview)).not.toMatch(/CSIS/);
    expect(t.sender.sent).toHaveLength(0);
    expect(periods(t.app, '-800')).toHaveLength(0);
    t.app.close();
  });
});

function reply(r: { kind: string }): string {
  return docToPlainText((r as unknown as { doc: Doc }).doc);
}
