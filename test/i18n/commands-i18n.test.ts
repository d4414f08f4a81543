// The claim, claimants, moderators and digest commands in Ukrainian and Russian: every reply (previews,
// confirmations, refusals, lists, histories, the digest) rendered as text, Telegram HTML and
// Discord embeds, with no English left apart from names, claims' own words, reasons as typed,
// addresses, command names and configuration names (the approach of test/i18n/i18n.test.ts).
import { describe, expect, it } from 'vitest';
import { findCommand, runCommand, type Actor } from '../../commands/index.ts';
import { originOf, type Reply } from '../../commands/types.ts';
import { docToPlainText, type Doc } from '../../src/core/doc.ts';
import { replyToHtml } from '../../src/adapters/telegram/render.ts';
import { replyToMessages } from '../../src/adapters/discord/render.ts';
import { messageKeys, t, type Locale } from '../../src/i18n/index.ts';
import { METRICS } from '../../src/core/vocabulary.ts';
import { memoryApp } from '../helpers.ts';

/** Words of the English catalogue (4 letters or more), the ones no Ukrainian or Russian line may hold. */
const ENGLISH_WORDS = new Set(
  messageKeys('en')
    .flatMap((k) => t('en', k, { count: 5 }).toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .filter((w) => !['lossbot', 'claimants', 'discord', 'telegram', 'claim'].includes(w)),
);

function englishIn(text: string, allowed: readonly string[]): string[] {
  // Discord's markdown escapes (\_) read as the character they escape.
  let rest = text.replace(/\\([_*~`|>\\])/g, '$1').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const a of [...allowed].filter(Boolean).sort((x, y) => y.length - x.length)) rest = rest.split(a).join(' ');
  rest = rest.replace(/https?:\/\/\S+/g, ' ').replace(/«[^»]*»|"[^"]*"/g, ' ');
  return (rest.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => ENGLISH_WORDS.has(w));
}

/** A reply as every platform shows it: plain text, Telegram HTML, Discord embeds. */
function rendered(reply: Reply): string[] {
  const doc = (reply as { doc: Doc }).doc;
  const html = replyToHtml(reply).map((m) => m.html).join('\n');
  const discord = replyToMessages(reply).flatMap((m) => [m.content ?? '', ...(m.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)]).join('\n');
  return [docToPlainText(doc), html, discord];
}

const CYRILLIC = /[А-Яа-яІіЇїЄєҐґ]/;

describe('claim, claimants, moderators and digest commands in uk and ru', () => {
  for (const locale of ['uk', 'ru'] as const satisfies readonly Locale[]) {
    it(`${locale}: every reply in ${locale}, with no English outside names, claims' words and addresses`, () => {
      const app = memoryApp(new Date('2026-11-23T12:00:00Z'), { owners: [{ platform: 'telegram', id: '42' }], telegramModeratorIds: [], telegramModeratorChatIds: [], discordModeratorRoleIds: [], discordHomeGuildId: null });
      const actor: Actor = { platform: 'telegram', id: '42', name: 'Тарас', isModerator: true, isOwner: true, managesChat: true, chatId: '-100' };
      const replies: [string, Reply][] = [];
      const run = (path: readonly string[], options: Record<string, unknown>, confirmed = false): Reply => {
        const reply = runCommand(findCommand(path)!, options, actor, app, { locale, confirmed });
        replies.push([`${path.join(' ')} ${JSON.stringify(options)}${confirmed ? ' (confirmed)' : ''}`, reply]);
        return reply;
      };
      const claim = { claimant: 'NATO', subject: 'Russia', metric: 'killed', value: '150,000', as_of: '2026-11-01', stated_on: '2026-11-02', url: 'https://example.org/nato', publisher: 'Reuters', title: 'Allies brief on the war', note: 'said at the briefing', correction: false };
      expect(run(['claim', 'add'], claim).kind).toBe('preview');
      const added = run(['claim', 'add'], claim, true);
      expect(added.kind, JSON.stringify(added)).toBe('doc');
      const id = Number(/#(\d+)/.exec(docToPlainText((added as { doc: Doc }).doc))![1]);
      run(['claim', 'edit'], { id, field: 'high', value: '160000', reason: 'переглянуто' });
      const edited = run(['claim', 'edit'], { id, field: 'high', value: '160000', reason: 'переглянуто' }, true);
      const newId = Number([...docToPlainText((edited as { doc: Doc }).doc).matchAll(/#(\d+)/g)].at(-1)![1]);
      run(['claim_show'], { id });
      run(['claim_history'], { id: newId });
      run(['claim', 'retract'], { id: newId, reason: 'помилка джерела' });
      run(['claim', 'retract'], { id: newId, reason: 'помилка джерела' }, true);
      run(['claim_show'], { id: newId });
      run(['claim_show'], { id: 999_999 });
      run(['claim_history'], { id: newId, page: 9 });
      run(['claim', 'retract'], { id: 999_999, reason: 'немає такої' });
      // A running total below the claimant's own earlier one: refused, with the check's words in the reader's language.
      const lower = run(['claim', 'add'], { claimant: 'Ministry of Defence of Ukraine', subject: 'Russia', metric: 'personnel', value: '500,000', as_of: '2025-01-10', url: 'https://example.org/mod', publisher: 'Reuters', title: 'Briefing' });
      expect(docToPlainText((lower as { doc: Doc }).doc)).toMatch(locale === 'uk' ? /наростальн.*виправлення/ : /нарастающ.*исправление/);
      // Options that are not right: each named, its problem in the reader's language.
      const badEdit = run(['claim', 'edit'], { id: -3, field: 'colour', value: 'x', reason: 'no' });
      expect(docToPlainText((badEdit as { doc: Doc }).doc)).toMatch(locale === 'uk' ? /reason: надто коротке: мінімальна довжина — 3/ : /reason: слишком короткое: минимальная длина — 3/);
      run(['digest', 'subscribe'], { frequency: 'daily', time: '25:00', timezone: 'Mars/Olympus' });
      run(['claim_show'], { id: 'twelve' });
      run(['claimants'], {});
      run(['moderators', 'add'], { user: '77', name: 'Олена' });
      run(['moderators', 'add'], { user: '77', name: 'Олена' });
      run(['moderators', 'list'], {});
      run(['moderators', 'remove'], { user: '77' });
      run(['moderators', 'remove'], { user: '77' }, true);
      run(['moderators', 'remove'], { user: '77' });
      run(['moderators', 'remove'], { user: '42' });
      run(['digest', 'preview'], {});
      run(['digest', 'list'], {});
      run(['digest', 'subscribe'], { frequency: 'weekly', weekday: 'monday', time: '09:00', timezone: 'Europe/Kyiv', post_empty: true, card: true });
      run(['digest', 'subscribe'], { frequency: 'weekly', time: '09:00' });
      run(['digest', 'subscribe'], { frequency: 'daily', time: '09:00', metrics: 'bananas' });
      run(['digest', 'list'], {});
      run(['digest', 'preview'], {});
      run(['digest', 'unsubscribe'], {});
      run(['digest', 'unsubscribe'], {});

      const dir = app.service.directory();
      const versions = app.claims.history(newId)!.versions;
      const allowed = [
        // Claims' own words and sources, reasons as typed, names as the data gives them in English.
        ...versions.flatMap((v) => [v.words, v.note ?? '', v.source.publisher ?? '', v.source.title ?? '']),
        ...dir.claimants.flatMap((c) => [c.name, ...c.aliases]),
        ...dir.parties.map((p) => p.name),
        // Where a change came from, as the audit log recorded it; configuration and command names; the time zone.
        originOf(actor),
        // Option names and metric ids are what people type: "weekday: ...", "metrics=tanks".
        ...METRICS,
        ...replies.map(([what]) => what.split(' {')[0]!),
        ...replies.flatMap(([what]) => Object.keys(findCommand(what.split(' {')[0]!.split(' '))!.options.shape)),
        'LOSSBOT_OWNERS', 'TELEGRAM_MODERATOR_IDS', 'Europe/Kyiv', 'digest subscribe', 'moderators add', 'bananas',
      ];
      for (const [what, reply] of replies) {
        const outputs = rendered(reply);
        expect(outputs[0], what).toMatch(CYRILLIC);
        for (const out of outputs) for (const line of out.split('\n')) expect(englishIn(line, allowed), `${locale} ${what}: ${line}`).toEqual([]);
      }
      // Numbers and dates through Intl: "150 000", "1 листопада 2026 р." / "1 ноября 2026 г.".
      const show = docToPlainText((replies.find(([w]) => w.startsWith('claim_show'))![1] as { doc: Doc }).doc);
      expect(show).toMatch(/150\u00a0000/);
      expect(show).toMatch(locale === 'uk' ? /1 листопада 2026/ : /1 ноября 2026/);
      app.close();
    });
  }

  it('en: the same replies read as before', () => {
    const app = memoryApp();
    const actor: Actor = { platform: 'telegram', id: '42', name: 'mod', isModerator: true, managesChat: true, chatId: '-100' };
    const run = (path: readonly string[], options: Record<string, unknown>, confirmed = false) => docToPlainText((runCommand(findCommand(path)!, options, actor, app, { confirmed }) as { doc: Doc }).doc);
    const claim = { claimant: 'NATO', subject: 'Russia', metric: 'killed', value: '150,000', as_of: '2026-11-01', stated_on: '2026-11-02', url: 'https://example.org/nato', publisher: 'Reuters', title: 'Allies brief', note: 'said at the briefing' };
    expect(run(['claim', 'add'], claim)).toBe(
      'Add this claim?\nNATO: 150,000 (150,000 killed, Russia)\ncumulative since 24 February 2022, to the end of 1 November 2026; stated 2 November 2026\nsource: Reuters (https://example.org/nato), "Allies brief"\nsaid at the briefing',
    );
    const added = run(['claim', 'add'], claim, true);
    const id = Number(/#(\d+)/.exec(added)![1]);
    expect(added).toMatch(new RegExp(`^Added claim #${id}\\n#${id} v1 NATO: 150,000`));
    expect(run(['claim', 'retract'], { id, reason: 'misread' })).toMatch(new RegExp(`^Retract claim #${id}\\?[\\s\\S]*Reason: misread\\nIt will no longer be in answers or digests; it stays in the history\\.$`));
    run(['claim', 'retract'], { id, reason: 'misread' }, true);
    expect(run(['claim_show'], { id })).toMatch(new RegExp(`^Claim #${id}\\n#${id} v1 \\(retracted\\) NATO`));
    expect(run(['claim_history'], { id })).toMatch(/^- 23 November 2026 12:00 UTC, retract of #\d+ by mod \(telegram:42; from telegram chat -100\): misread$/m);
    expect(run(['digest', 'subscribe'], { frequency: 'daily', time: '09:00' })).toMatch(/^Digest subscribed\nThis chat gets a digest every day at 09:00 UTC; everything\.\nNext: 2026-11-24 09:00 UTC\.\nWritten in English\.$/);
    expect(run(['digest', 'list'], {})).toMatch(/^Digest subscription\n- Schedule: every day at 09:00 UTC; everything\n- Language: English\n- Daily card: not included\n- Status: active\n- Last delivery: none yet$/);
    app.close();
  });
});
