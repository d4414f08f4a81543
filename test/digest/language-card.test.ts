// A digest subscription's language and daily card (issues 19 and 20): a subscription made with
// language=uk gets Ukrainian digests whoever asks for them, the subscriber's own language is the
// default, and card=true puts the General Staff's daily card (the /today view, in the digest's
// language) at the top of each digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommand, runCommand, type Actor } from '../../commands/index.ts';
import { openApp, type App } from '../../src/app.ts';
import { docToPlainText, type Doc } from '../../src/core/doc.ts';
import type { Clock, DigestSender } from '../../src/digest/scheduler.ts';
import { messageKeys, t, type Locale } from '../../src/i18n/index.ts';
import type { Subscription } from '../../src/store/digest-repo.ts';

class FakeClock implements Clock {
  constructor(public current: Date) {}
  now = () => this.current;
  sleep = async () => undefined;
}

class RecordingSender implements DigestSender {
  readonly sent: { chat: string; language: string; text: string }[] = [];
  async send(sub: Subscription, digest: Doc): Promise<void> {
    this.sent.push({ chat: sub.chatId, language: sub.language, text: docToPlainText(digest) });
  }
}

const manager = (chatId: string): Actor => ({ platform: 'telegram', id: '42', name: 'mod', isModerator: true, managesChat: true, chatId });

/** Words of the English catalogue (4 letters or more), the ones no Ukrainian or Russian line may hold. */
const ENGLISH_WORDS = new Set(messageKeys('en').flatMap((k) => t('en', k, { count: 5 }).toLowerCase().match(/[a-z]{4,}/g) ?? []));
function englishIn(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const a of [...allowed].filter(Boolean).sort((x, y) => y.length - x.length)) rest = rest.split(a).join(' ');
  rest = rest.replace(/https?:\/\/\S+/g, ' ').replace(/«[^»]*»|"[^"]*"/g, ' ');
  return (rest.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => ENGLISH_WORDS.has(w));
}

function setup(app: App, clock: FakeClock) {
  const sender = new RecordingSender();
  app.digests.setSender('telegram', sender);
  const subscribe = (chatId: string, options: Record<string, unknown>, locale: Locale = 'en') => {
    const reply = runCommand(findCommand(['digest', 'subscribe'])!, options, manager(chatId), app, { locale });
    expect(reply.kind, JSON.stringify(reply)).toBe('doc');
    return docToPlainText((reply as { doc: Doc }).doc);
  };
  const runUntil = async (untilIso: string) => {
    const until = new Date(untilIso).getTime();
    while (clock.now().getTime() < until) {
      clock.current = new Date(Math.min(until, clock.now().getTime() + 30 * 60_000));
      await app.digests.runDue();
    }
  };
  return { sender, subscribe, runUntil };
}

describe('a digest in its subscription\'s language', () => {
  it('language=uk: the digest is written in Ukrainian, whatever the language of whoever subscribed', async () => {
    const clock = new FakeClock(new Date('2026-11-20T08:00:00Z'));
    const app = openApp({ databasePath: ':memory:', clock: () => clock.now(), digestClock: clock });
    const { sender, subscribe, runUntil } = setup(app, clock);
    const add = (fields: Record<string, string>) => {
      const outcome = app.service.add(fields, { actor: 'test', confirm: true });
      expect(outcome).toMatchObject({ ok: true });
      return (outcome as { claim: { id: number } }).claim.id;
    };
    add({ claimant: 'nato', subject: 'russia', metric: 'killed', value: '150,000', asOf: '2026-11-19', url: 'https://example.org/report', publisher: 'Example' });
    // Asked in English, for Ukrainian digests.
    expect(subscribe('-1', { frequency: 'daily', time: '09:00', timezone: 'UTC', language: 'uk' })).toMatch(/Written in Ukrainian\.$/);
    subscribe('-2', { frequency: 'daily', time: '09:00', timezone: 'UTC' });
    add({ claimant: 'nato', subject: 'russia', metric: 'killed', value: '160,000', asOf: '2026-11-20', url: 'https://example.org/report', publisher: 'Example' });
    const tanks = add({ claimant: 'UK MoD', subject: 'russia', metric: 'tanks', low: '3000', high: '3500', from: '2026-11-01', to: '2026-11-15', publisher: 'Reuters', title: 'Tank losses' });
    add({ claimant: 'csis', subject: 'russia', metric: 'killed', value: '1,000', from: '2026-11-01', to: '2026-11-10', publisher: 'CSIS', words: 'about a thousand', qualifier: 'about' });
    expect(app.service.retract(tanks, 'misread the source', { actor: 'test' })).toMatchObject({ ok: true });
    await runUntil('2026-11-20T09:30:00Z');

    const uk = sender.sent.find((s) => s.chat === '-1')!;
    expect(uk.language).toBe('uk');
    expect(uk.text).toMatch(/^Щоденний дайджест, 20 листопада 2026/);
    expect(uk.text).toMatch(/НАТО — заяви:\n- 160\u00a0000 загиблих, Росія, до кінця дня 20 листопада 2026 р\. \(\+10\u00a0000 від 19 листопада 2026 р\.\); джерело: Example/);
    expect(uk.text).toMatch(/- Відкликано #\d+: Міністерство оборони Великої Британії: 3,000-3,500 \(3\u00a0000–3\u00a0500 танків, Росія\)/);
    expect(uk.text).toMatch(/Чому: misread the source/);
    expect(uk.text).toMatch(/Нова заява #\d+: .*: about a thousand \(близько 1\u00a0000/);
    expect(uk.text).toMatch(/Кожна цифра належить своєму заявникові/);
    const allowed = ['Example', 'Reuters', 'CSIS', 'Tank losses', 'misread the source', 'about a thousand', '3,000-3,500', '150,000', '160,000'];
    for (const line of uk.text.split('\n')) expect(englishIn(line, allowed), line).toEqual([]);

    // The other chat kept English, as before.
    const en = sender.sent.find((s) => s.chat === '-2')!;
    expect(en.text).toMatch(/^Daily digest, 20 November 2026/);
    expect(en.text).toMatch(/NATO claims:\n- 160,000 killed, Russia, to the end of 20 November 2026 \(\+10,000 since 19 November 2026\); source: Example/);

    // The list shows the language to whoever reads it, in their language.
    const list = (chat: string, locale: Locale) => docToPlainText((runCommand(findCommand(['digest', 'list'])!, {}, manager(chat), app, { locale }) as { doc: Doc }).doc);
    expect(list('-1', 'en')).toMatch(/- Language: Ukrainian\n- Daily card: not included/);
    expect(list('-1', 'ru')).toMatch(/- Язык: украинский/);
    expect(list('-2', 'en')).toMatch(/- Language: English/);
    app.close();
  });

  it('without language, a subscription takes the language its subscriber is answered in', async () => {
    const clock = new FakeClock(new Date('2026-11-20T08:00:00Z'));
    const app = openApp({ databasePath: ':memory:', clock: () => clock.now(), digestClock: clock });
    const { sender, subscribe, runUntil } = setup(app, clock);
    expect(subscribe('-3', { frequency: 'daily', time: '09:00', post_empty: true }, 'ru')).toMatch(/Дайджесты будут выходить на русском\.$/);
    expect(app.digests.repo.forChat('telegram', '-3')).toMatchObject({ language: 'ru', card: false });
    await runUntil('2026-11-20T09:30:00Z');
    expect(sender.sent[0]!.text).toBe('Ежедневный дайджест, 20 ноября 2026 г.\nНичего нового с прошлого дайджеста.');
    app.close();
  });
});

describe('card=true: the daily card at the top of each digest', () => {
  let app: App;
  const clock = new FakeClock(new Date('2026-11-20T08:00:00Z'));
  beforeAll(() => {
    app = openApp({ databasePath: ':memory:', snapshot: true, clock: () => clock.now(), digestClock: clock });
  });
  afterAll(() => app.close());

  it('puts the /today card first, in the digest\'s language; a subscription without it has none', async () => {
    const { sender, subscribe, runUntil } = setup(app, clock);
    expect(subscribe('-10', { frequency: 'daily', time: '09:00', card: true })).toMatch(/Written in English, with the General Staff's daily report card at the top\.$/);
    subscribe('-11', { frequency: 'daily', time: '09:00', card: true, language: 'ru', post_empty: true });
    subscribe('-12', { frequency: 'daily', time: '09:00' });
    expect(app.service.add({ claimant: 'nato', subject: 'russia', metric: 'killed', value: '150,000', asOf: '2026-11-19', publisher: 'Example' }, { actor: 'test', confirm: true })).toMatchObject({ ok: true });
    await runUntil('2026-11-20T09:30:00Z');

    const en = sender.sent.find((s) => s.chat === '-10')!.text;
    const card = docToPlainText(app.views.today('en'));
    const [cardTitle, ...cardLines] = card.split('\n');
    expect(en.split('\n')[0]).toBe('Daily digest, 20 November 2026');
    // The card comes first: its title as a heading, then its rows; then the digest's own changes.
    expect(en.split('\n').slice(1, 3)).toEqual(['', cardTitle]);
    expect(en).toContain(cardLines.join('\n'));
    expect(en).toMatch(/Tanks: [\d,]+ \(\+\d+\)/);
    expect(en.indexOf('Tanks:')).toBeLessThan(en.indexOf('NATO claims:'));

    // In Russian: the card in Russian, then the changes.
    const ru = sender.sent.find((s) => s.chat === '-11')!.text;
    expect(ru.split('\n')[0]).toBe('Ежедневный дайджест, 20 ноября 2026 г.');
    expect(ru.split('\n')[2]).toBe(docToPlainText(app.views.today('ru')).split('\n')[0]);
    expect(ru).toMatch(/Танки: [\d\u00a0]+ \(\+\d+\)/);
    expect(ru).toMatch(/НАТО — заявления:/);

    const plain = sender.sent.find((s) => s.chat === '-12')!.text;
    expect(plain).not.toContain(cardTitle!);
    expect(plain).toMatch(/^Daily digest, 20 November 2026\n\nNATO claims:/);

    // The preview shows what will be sent, card included.
    const preview = docToPlainText((runCommand(findCommand(['digest', 'preview'])!, {}, manager('-10'), app) as { doc: Doc }).doc);
    expect(preview.split('\n')[2]).toBe(cardTitle);
    expect(docToPlainText((runCommand(findCommand(['digest', 'list'])!, {}, manager('-10'), app) as { doc: Doc }).doc)).toMatch(/- Daily card: at the top of each digest/);
  });
});
