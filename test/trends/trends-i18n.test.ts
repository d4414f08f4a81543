// Issue 20's words in Ukrainian and Russian (issue 19): a chart's spec and caption, the breakdown
// table, records, the daily card, an answer's sources and other claimants, the buttons and the page
// line hold no English words apart from names, claims' own words, titles and addresses; English
// stays as it was.
import { snapshotApp } from '../helpers.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createChain, type Chain, type Incoming, type Outgoing } from '../../src/chain/index.ts';
import { COMMANDS, replyDoc } from '../../commands/index.ts';
import { docToPlainText, type Doc } from '../../src/core/doc.ts';
import { captionLines } from '../../src/charts/render.ts';
import { parseChartSpec } from '../../src/charts/spec.ts';
import { messageKeys, t, type Locale } from '../../src/i18n/index.ts';
import type { ViewReply } from '../../src/services/views-service.ts';

let app: App;

beforeAll(() => {
  app = snapshotApp();
}, 60_000);
afterAll(() => app?.close());

/** Words of the English catalogue (4 letters or more), the ones no Ukrainian or Russian line may hold. */
const ENGLISH_WORDS = new Set(
  messageKeys('en')
    .flatMap((k) => t('en', k, { count: 5, unit: 'month', ends: 'other' }).toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .filter((w) => !['lossbot', 'claimants', 'discord', 'telegram', 'claim'].includes(w)),
);

/** Names, titles and addresses the data gives only in English, and claims' own words, stay as they are. */
function englishIn(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const a of [...allowed].filter(Boolean).sort((x, y) => y.length - x.length)) rest = rest.split(a).join(' ');
  rest = rest.replace(/https?:\/\/\S+/g, ' ').replace(/«[^»]*»|"[^"]*"/g, ' ');
  return (rest.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => ENGLISH_WORDS.has(w));
}

function expectNoEnglish(text: string, locale: Locale, allowed: readonly string[] = []): void {
  expect(text.trim().length).toBeGreaterThan(0);
  for (const line of text.split('\n')) expect(englishIn(line, allowed), `${locale}: ${line}`).toEqual([]);
  expect(text).toMatch(/[А-Яа-яІіЇїЄє]/);
}

/** Sources' publishers and titles (the dataset's title is English), as the data holds them. */
const SOURCE_WORDS = ['2022-Ukraine-Russia-War-Dataset', 'Daily report of Russian losses', 'General Staff of the Armed Forces of Ukraine'];

const docText = (r: ViewReply | { doc: Doc }) => ('kind' in r && r.kind === 'answer' ? '' : docToPlainText((r as { doc: Doc }).doc));

describe.each(['uk', 'ru'] as const)('trend views in %s', (locale) => {
  it('a chart: its title, unit, series labels, the caption on the image and the message', async () => {
    const reply = await app.views.reply('chart of russian tank losses in 2025', undefined, locale);
    expect(reply.kind).toBe('chart');
    if (reply.kind !== 'chart') return;
    const spec = parseChartSpec(reply.chart);
    expect(spec.locale).toBe(locale);
    expectNoEnglish(spec.title, locale);
    expectNoEnglish(spec.unit ?? '', locale);
    for (const s of spec.series) expect(englishIn(s.label, SOURCE_WORDS)).toEqual([]);
    expectNoEnglish(captionLines(spec).join('\n'), locale, [...SOURCE_WORDS, ...spec.series.map((s) => s.source ?? '')]);
    expectNoEnglish(docText(reply), locale, SOURCE_WORDS);
    expect(spec.title).toMatch(locale === 'uk' ? /^Танки \(Росія\) за тиждень, 2025/ : /^Танки \(Россия\) за неделю, 2025/);
    // A date abbreviated with a dot closes the corrections' sentence once.
    expect(docText(reply)).not.toMatch(/\.\.$/m);
  });

  it('a breakdown by month and by quarter, with its sum', async () => {
    const months = docText(await app.views.reply('each month of 2025', undefined, locale));
    expectNoEnglish(months, locale, SOURCE_WORDS);
    expect(months).toMatch(locale === 'uk' ? /по місяцях[\s\S]*Сума: / : /по месяцам[\s\S]*Сумма: /);
    expectNoEnglish(docText(await app.views.reply('tank losses per quarter in 2024', undefined, locale)), locale, SOURCE_WORDS);
  });

  it('records with their dates', async () => {
    expectNoEnglish(docText(await app.views.reply('worst day for russian personnel', undefined, locale)), locale, SOURCE_WORDS);
    expectNoEnglish(docText(await app.views.reply('record month for tanks', undefined, locale)), locale, SOURCE_WORDS);
  });

  it('the daily card, through /today and in words', async () => {
    const card = docToPlainText(app.views.today(locale));
    expectNoEnglish(card, locale, SOURCE_WORDS);
    expect(card).toMatch(locale === 'uk' ? /Генеральний штаб|Генштаб/ : /Генеральный штаб|Генштаб/);
    expectNoEnglish(docText(await app.views.reply("today's report", undefined, locale)), locale, SOURCE_WORDS);
  });

  it("an answer's sources and its other claimants", async () => {
    const question = 'How many tanks has Russia lost?';
    const sources = await app.views.reply(question, 'sources', locale);
    expectNoEnglish(docText(sources), locale, SOURCE_WORDS);
    const others = await app.views.reply(question, 'others', locale);
    expect(others.kind === 'answer' && others.answer.locale).toBe(locale);
  });
});

describe('buttons, pages and the expired press in the asker\'s language', () => {
  let chain: Chain;
  beforeAll(() => {
    chain = createChain({ commands: COMMANDS.filter((c) => c.audience !== 'operator'), services: app });
  });
  const event = (locale: string, input: Incoming['input'], pageChars = 700): Incoming => ({
    platform: 'test', user: { id: '1', name: 'Reader' }, chatId: '1', origin: 'test', locale, input, buttonBytes: 64, pageChars, usage: () => '', rights: () => ({ isModerator: false }),
  });
  const dispatch = async (locale: string, input: Incoming['input'], pageChars?: number) => (await chain.dispatch(event(locale, input, pageChars)))!;
  const pageOf = (out: Outgoing) => (out.reply.kind === 'doc' || out.reply.kind === 'answer' ? out.reply.page : undefined);

  it.each([
    ['uk', ['Графік', 'По місяцях', 'Інші джерела', 'Джерела'], /Сторінка 1 з \d+/, 'Далі ▶'],
    ['ru', ['График', 'По месяцам', 'Другие источники', 'Источники'], /Страница 1 из \d+/, 'Далее ▶'],
    ['en', ['Chart', 'By month', 'Other claimants', 'Sources'], /Page 1 of \d+/, 'Next ▶'],
  ] as const)('%s', async (locale, views, pageLine, next) => {
    const answer = await dispatch(locale, { kind: 'text', text: 'How many tanks has Russia lost?' }, 4000);
    expect(answer.buttons.map((b) => b.label)).toEqual(views);
    const long = await dispatch(locale, { kind: 'text', text: 'tank losses by month since 2023' });
    expect(docToPlainText(pageOf(long)!.doc)).toMatch(pageLine);
    expect(long.buttons.map((b) => b.label)).toContain(next);
    const second = await dispatch(locale, { kind: 'button', data: long.buttons.find((b) => b.label === next)!.data });
    expect(pageOf(second)!.index).toBe(2);
    if (locale !== 'en') expectNoEnglish(docToPlainText(pageOf(second)!.doc), locale, SOURCE_WORDS);
    const expired = await dispatch(locale, { kind: 'button', data: 'v:AAAAAAAA:p2' });
    expect(docToPlainText(replyDoc(expired.reply))).toBe(t(locale, 'trend-expired'));
  });
});
