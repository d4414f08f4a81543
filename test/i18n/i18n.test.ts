// The message catalogues (src/i18n/locales/*.ftl): every key in every catalogue with the same
// placeables shown, and answers and the chain's fixed texts in English, Ukrainian and Russian,
// rendered for the command line, Telegram (HTML) and Discord (embeds), with no English left in
// the Ukrainian and Russian ones apart from claims' own words, names, titles and addresses.
import { describe, expect, it } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import { renderAnswerText } from '../../src/core/answer/render-text.ts';
import { answerToDoc } from '../../src/core/answer/to-doc.ts';
import { docToPlainText } from '../../src/core/doc.ts';
import { replyToHtml } from '../../src/adapters/telegram/render.ts';
import { replyToMessages } from '../../src/adapters/discord/render.ts';
import { catalogueSource, chooseLocale, formatDate, formatNumber, formatShortDate, LOCALES, messageKeys, t, type Locale } from '../../src/i18n/index.ts';
import { createChain } from '../../src/chain/chain.ts';
import { COMMANDS, QuestionLimiter } from '../../commands/index.ts';
import type { Incoming } from '../../src/chain/types.ts';
import type { CommandServices } from '../../commands/types.ts';
import { memoryApp } from '../helpers.ts';

/** The variables a pattern shows (not those that only select a variant), by message. */
function placeables(locale: Locale): Map<string, Set<string>> {
  const resource = new FluentResource(catalogueSource(locale));
  const out = new Map<string, Set<string>>();
  const walk = (node: unknown, found: Set<string>): void => {
    if (Array.isArray(node)) for (const n of node) walk(n, found);
    else if (node && typeof node === 'object') {
      const n = node as { type?: string; name?: string; variants?: { value: unknown }[]; args?: unknown[] };
      if (n.type === 'var' && n.name) found.add(n.name);
      else if (n.type === 'select') for (const v of n.variants ?? []) walk(v.value, found);
      else if (n.type === 'func') walk(n.args, found);
    }
  };
  for (const m of resource.body) {
    if (m.id.startsWith('-')) continue;
    const found = new Set<string>();
    walk(m.value, found);
    for (const a of Object.values(m.attributes)) walk(a, found);
    out.set(m.id, found);
  }
  return out;
}

describe('message catalogues', () => {
  const en = placeables('en');
  for (const locale of LOCALES) {
    it(`${locale}: parses, has every key of the others, and shows the same placeables`, () => {
      const keys = new Set(messageKeys(locale));
      for (const other of LOCALES) for (const key of messageKeys(other)) expect(keys.has(key), `${locale} lacks ${key} (in ${other})`).toBe(true);
      const mine = placeables(locale);
      for (const [key, vars] of en) {
        // A plural driver ($count) may be shown in one language and only select a form in another.
        const shown = (s: Set<string>) => [...s].filter((v) => !/count$|^limit$|^hidden$|^days$/.test(v)).sort();
        expect(shown(mine.get(key) ?? new Set()), `${locale}: ${key}`).toEqual(shown(vars));
      }
    });
  }

  it('chooses the asker\'s locale from BCP 47 tags, English otherwise', () => {
    expect(chooseLocale('uk')).toBe('uk');
    expect(chooseLocale('ru-RU')).toBe('ru');
    expect(chooseLocale('en-GB')).toBe('en');
    expect(chooseLocale('de', 'uk')).toBe('uk');
    expect(chooseLocale('', null, undefined)).toBe('en');
  });

  it('formats numbers and dates with Intl, plural forms by the rules of each language', () => {
    expect(formatNumber('en', 45720)).toBe('45,720');
    expect(formatNumber('uk', 45720)).toBe('45\u00a0720');
    expect(formatDate('en', '2024-11-05')).toBe('5 November 2024');
    expect(formatDate('uk', '2024-11-05')).toMatch(/^5 листопада 2024/);
    expect(formatDate('ru', '2024-11-05')).toMatch(/^5 ноября 2024/);
    expect(t('uk', 'metric-tanks', { count: 1 })).toBe('танк');
    expect(t('uk', 'metric-tanks', { count: 3 })).toBe('танки');
    expect(t('uk', 'metric-tanks', { count: 5 })).toBe('танків');
    expect(t('ru', 'metric-tanks', { count: 2 })).toBe('танка');
    expect(t('ru', 'metric-tanks', { count: 11 })).toBe('танков');
  });

  it('a source no figure is held from is named in the asker\'s language, with the sources that are', () => {
    const app = memoryApp();
    const uk = renderAnswerText(app.asker.ask('що каже медіазона про втрати росії'));
    expect(uk).toMatch(/У мене немає цифр від: Mediazona\. Я маю цифри від: .*НАТО/);
    const ru = renderAnswerText(app.asker.ask('по данным медиазоны'));
    expect(ru).toMatch(/У меня нет цифр от: Mediazona\. У меня есть цифры от: .*НАТО/);
    app.close();
  });

  it('ends a sentence with one full stop after a date that ends with one', () => {
    const to = `1 173 920 по ${formatShortDate('uk', '2025-11-30')}`;
    const from = `1 142 730 по ${formatShortDate('uk', '2025-10-31')}`;
    expect(from).toMatch(/р\.$/);
    const line = t('uk', 'note-derived', { to, from });
    expect(line.endsWith('р.')).toBe(true);
    expect(line).not.toMatch(/\.\.$/);
    expect(t('en', 'note-derived', { to: 'a', from: 'b...' })).toMatch(/\.\.\.$/);
  });
});

/** Words of the English catalogue (4 letters or more), the ones no Ukrainian or Russian line may hold. */
const ENGLISH_WORDS = new Set(
  messageKeys('en')
    .flatMap((k) => t('en', k, { count: 5 }).toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .filter((w) => !['lossbot', 'claimants', 'discord', 'telegram', 'claim'].includes(w)),
);

/** The English words left in a rendered line once claim words, names, titles, addresses and notes as said are taken out. */
function englishIn(text: string, allowed: readonly string[]): string[] {
  let rest = text.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) rest = rest.split(a).join(' ');
  rest = rest.replace(/https?:\/\/\S+/g, ' ').replace(/«[^»]*»|"[^"]*"/g, ' ');
  return (rest.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => ENGLISH_WORDS.has(w));
}

const QUESTIONS: Record<Locale, string[]> = {
  en: ["Ukraine's claim of Russian losses in November 2024", 'How many tanks has Russia lost?', 'UK estimate of Russian deaths', 'Russian losses in October 2024', 'hello there', 'tanks lost by Russia in 1990'],
  uk: ['Скільки російських танків знищено?', 'Втрати росії у листопаді 2024', 'Скільки росіян загинуло за даними британської розвідки?', 'привіт', 'втрати росії у 1990 році'],
  ru: ['Сколько солдат потеряла Россия?', 'Потери России в ноябре 2024', 'Сколько танков потеряла Россия?', 'привет, что ты умеешь?', 'потери России в 1990 году'],
};

describe('answers in three languages on every renderer', () => {
  const app = memoryApp();
  for (const locale of LOCALES) {
    for (const asker of [locale, null] as const) {
      for (const question of QUESTIONS[locale]) {
        it(`${locale}${asker ? '' : ' (from the question)'}: ${question}`, () => {
          const answer = app.asker.ask(question, asker);
          expect(answer.locale).toBe(locale);
          const text = renderAnswerText(answer);
          const reply = { kind: 'answer' as const, answer };
          const html = replyToHtml(reply).map((m) => m.html).join('\n');
          const discord = replyToMessages(reply).flatMap((m) => (m.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)).join('\n');
          expect(text.length).toBeGreaterThan(0);
          expect(docToPlainText(answerToDoc(answer))).toBeTruthy();
          if (locale === 'en') {
            expect(text).not.toMatch(/[А-Яа-яІіЇїЄє]/);
            return;
          }
          // Claims' own words and notes stay as said, and names the data gives only in English stay so.
          const figures = [...answer.groups.flatMap((g) => g.figures), ...answer.suggestions];
          const allowed = [...figures.flatMap((f) => [f.words, ...f.notes.flatMap((n) => (n.kind === 'remark' ? [n.text] : [])), f.source.publisher ?? '', f.source.title ?? '', f.claimant.name, f.subject.name])].filter(Boolean);
          for (const out of [text, html, discord]) for (const line of out.split('\n')) expect(englishIn(line, allowed), `${locale} line: ${line}`).toEqual([]);
          expect(text).toMatch(/[А-Яа-яІіЇїЄє]/);
        });
      }
    }
  }
});

describe("the chain's fixed texts in the asker's language", () => {
  const app = memoryApp();
  const services = app as unknown as CommandServices;
  const event = (locale: string, input: Incoming['input'], user = '1'): Incoming => ({
    platform: 'test',
    user: { id: user, name: 'Tester' },
    chatId: `chat-${user}`,
    origin: 'test',
    locale,
    input,
    buttonBytes: 64,
    rights: () => ({ isModerator: false }),
    usage: (c) => `/${c.path.join('_')}`,
  });
  const said = async (incoming: Incoming, chain = createChain({ commands: COMMANDS.filter((c) => c.audience !== 'operator'), services })) => {
    const out = await chain.dispatch(incoming);
    const reply = out!.reply;
    return `${'doc' in reply ? docToPlainText(reply.doc) : renderAnswerText(reply.answer)}\n${out!.buttons.map((b) => b.label).join(' ')}`;
  };
  const cases: [string, Incoming['input']][] = [
    ['help', { kind: 'command', path: ['help'], options: {} }],
    ['an unknown command', { kind: 'command', path: ['nope'], options: {} }],
    ['a command only moderators may use', { kind: 'command', path: ['claim', 'retract'], options: { id: '1', reason: 'x' } }],
    ['a command without its options', { kind: 'command', path: ['claim_show'], options: {} }],
    ['an empty message', { kind: 'text', text: ' ' }],
  ];
  for (const locale of ['uk', 'ru'] as const) {
    for (const [what, input] of cases) {
      it(`${locale}: ${what}`, async () => {
        const out = await said(event(locale, input));
        expect(out).toMatch(/[А-Яа-яІіЇїЄє]/);
        // Command names are names: /help, claim retract.
        const commandWords = COMMANDS.flatMap((c) => [...c.path, c.path.join('_')]);
        for (const line of out.split('\n')) expect(englishIn(line, ['/claimants', '/ask', 'lossbot', ...commandWords]), line).toEqual([]);
      });
    }
    it(`${locale}: the rate-limit warning`, async () => {
      const chain = createChain({ commands: COMMANDS.filter((c) => c.audience !== 'operator'), services, limiter: new QuestionLimiter({ perUser: 1, perChat: 100, windowMs: 60_000 }) });
      await said(event(locale, { kind: 'command', path: ['help'], options: {} }, '7'), chain);
      const out = await said(event(locale, { kind: 'command', path: ['help'], options: {} }, '7'), chain);
      expect(out).toMatch(locale === 'uk' ? /Повільніше/ : /Помедленнее/);
    });
  }
  it('a question written in Ukrainian or Russian is answered in it, even from an app set to English', async () => {
    const uk = await said(event('en-US', { kind: 'text', text: 'скільки танків втратила росія?' }, '21'));
    expect(uk).toMatch(/танк/);
    const ru = await said(event('en', { kind: 'text', text: 'сколько танков потеряла россия' }, '22'));
    expect(ru).toMatch(/танков/);
    // An English question from an app set to Ukrainian follows the app.
    expect(await said(event('uk', { kind: 'text', text: 'how many tanks has russia lost' }, '23'))).toMatch(/танк/);
    expect(await said(event('', { kind: 'text', text: 'how many tanks has russia lost' }, '24'))).toMatch(/tanks/);
  });

  it('English stays as it was', async () => {
    expect(await said(event('en', { kind: 'command', path: ['nope'], options: {} }))).toMatch(/^I do not know that command; try \/help\./);
  });
});
