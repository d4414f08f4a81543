// Issue 20 on the wired path, against the General Staff series shipped in data/: the monthly table
// sums to the period's derived total, the daily card is the newest report, a chart asked in words
// renders to a PNG that names its claimant, and paging buttons walk a long answer and back.
import { snapshotApp, SNAPSHOT_NOW } from '../helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createChain, type Chain, type Incoming, type Outgoing } from '../../src/chain/index.ts';
import { COMMANDS, replyDoc } from '../../commands/index.ts';
import { docToPlainText } from '../../src/core/doc.ts';
import { renderAnswerText } from '../../src/core/answer/render-text.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import { wantsDailyAverage, withoutAverageWords } from '../../src/core/query/average.ts';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { readTrendIntent } from '../../src/core/trends/intent.ts';
import { breakdownTables, dailyCard } from '../../src/core/trends/views.ts';
import { pointOf } from '../../src/core/trends/series.ts';
import { SeriesRepo } from '../../src/store/series-repo.ts';
import { captionLines, renderChartPng } from '../../src/charts/render.ts';
import { parseChartSpec } from '../../src/charts/spec.ts';
import { decodeButton } from '../../src/chain/codec.ts';
import { DATA_DIR } from '../../src/paths.ts';
import type { Query } from '../../src/core/query/types.ts';
import type { ViewReply } from '../../src/services/views-service.ts';

/** The text of a view that is a doc or a chart's caption. */
const viewText = (r: ViewReply) => (r.kind === 'answer' ? '' : docToPlainText(r.doc));

const NOW = SNAPSHOT_NOW;
let app: App;

beforeAll(() => {
  app = snapshotApp();
}, 60_000);
afterAll(() => app?.close());

function query(text: string): Query {
  const parsed = app.asker.read(text).parsed;
  if (parsed.kind !== 'query') throw new Error(`not read: ${text}`);
  return parsed;
}

const ctx = () => {
  const { lookup, directory, today } = app.asker.read('');
  return { lookup, series: new SeriesRepo(app.db), dir: directory, today };
};

describe('the question pre-pass', () => {
  it.each([
    ['chart of russian tank losses in 2025', 'chart', null],
    ['drone losses per month since 2024', 'breakdown', 'month'],
    ['trend of russian personnel losses', 'chart', null],
    ['each month of 2025', 'breakdown', 'month'],
    ['monthly tank losses', 'breakdown', 'month'],
    ['tank losses per quarter in 2024', 'breakdown', 'quarter'],
    ['worst day for russian personnel', 'record', 'day'],
    ['record month for tanks', 'record', 'month'],
    ["today's report", 'card', null],
    ['latest report', 'card', null],
    ['graph of drones by week in 2025', 'chart', 'week'],
  ])('%s', (question, view, unit) => {
    const intent = readTrendIntent(question);
    expect(intent?.view).toBe(view);
    expect(intent?.unit ?? null).toBe(unit);
  });

  it.each(['How many tanks has Russia lost?', 'tanks per day in 2025', 'daily average of personnel in 2025', 'UK estimate of Russian deaths'])('leaves a plain question alone: %s', (q) => {
    expect(readTrendIntent(q)).toBeNull();
  });
});

describe('daily averages', () => {
  const generalStaff = (answer: ReturnType<App['asker']['ask']>) => answerFigures(answer).find((f) => f.claimant.id === 'general-staff-ukraine');

  it.each([
    ['avg daily russian kia in october 2024', '2024-10-01', '2024-10-31'],
    ['whats the daily avg of russian losses in 2025', '2025-01-01', '2025-12-31'],
    ['середні втрати росії за добу в 2025', '2025-01-01', '2025-12-31'],
    ['среднесуточные потери россии в 2025', '2025-01-01', '2025-12-31'],
    ['сколько в среднем теряет россия в день в октябре 2024', '2024-10-01', '2024-10-31'],
  ])('"%s" is a per-day figure of that period, not a breakdown nor yesterday', async (question, start, end) => {
    const reply = await app.views.reply(question);
    expect(reply.kind).toBe('answer');
    const figure = generalStaff((reply as Extract<ViewReply, { kind: 'answer' }>).answer)!;
    expect(figure.aggregation).toBe('daily_average');
    expect([figure.period.start, figure.period.end]).toEqual([start, end]);
    expect(figure.low!).toBeGreaterThan(500);
    expect(figure.low!).toBeLessThan(2500);
  });

  it('"за добу" alone is still the past day, not an average', () => {
    expect(wantsDailyAverage('скільки росіян загинуло за добу')).toBe(false);
    expect(withoutAverageWords('скільки росіян загинуло за добу')).toBe('скільки росіян загинуло за добу');
    expect(withoutAverageWords('середні втрати росії за добу в 2025')).toBe('втрати росії в 2025');
    expect(wantsDailyAverage('tanks per day in 2025')).toBe(true);
  });

  it('a breakdown of something with no daily series says so, then answers plainly', async () => {
    const text = viewText(await app.views.reply('daily killed in october 2024'));
    expect(text).toMatch(/no daily series/);
    expect(text).toMatch(/41,980/);
  });
});

describe('a series that goes on', () => {
  it('is not said to have stopped when a figure offered is not its last; one is "1 submarine"', () => {
    const answer = app.asker.ask('russian submarines lost in 2023');
    const offered = [...answerFigures(answer), ...answer.suggestions].filter((f) => f.metric === 'submarines');
    expect(offered.length).toBeGreaterThan(0);
    for (const f of offered) expect(f.notes.some((n) => n.kind === 'series_stopped')).toBe(false);
    expect(renderAnswerText(answer)).toMatch(/\b1 submarine\b/);
  });
});

describe("the daily card in the question's language", () => {
  it.each([
    ['сегодняшняя сводка', /Генеральный штаб ВСУ: сводка за/],
    ['сьогоднішнє зведення', /Генеральний штаб ЗСУ: зведення за/],
    ["today's report", /report of 8 Aug 2026/],
  ])('%s', async (question, expected) => {
    expect(viewText(await app.views.reply(question))).toMatch(expected);
  });
});

describe('asked past the newest report', () => {
  // NOW is 1 Sep 2026; the shipped series ends with the report of 8 Aug (to 7 Aug).
  it('"yesterday" shows the newest day held, and says so, instead of nothing', () => {
    const answer = app.asker.ask('how many russians died yesterday');
    expect(answer.kind).toBe('figures');
    const figure = answerFigures(answer).find((f) => f.claimant.id === 'general-staff-ukraine')!;
    expect([figure.period.start, figure.period.end]).toEqual(['2026-08-07', '2026-08-07']);
    expect(answer.notes).toContainEqual(expect.objectContaining({ kind: 'data_ends', asked: 'yesterday' }));
    expect(answer.interpretation).toMatch(/yesterday/);
    expect(renderAnswerText(answer)).toMatch(/newest report runs to 7 August 2026/);
  });

  it('"last week" in Ukrainian shows the seven days up to the newest report, in Ukrainian', () => {
    const answer = app.asker.ask('втрати росії за минулий тиждень');
    const figure = answerFigures(answer).find((f) => f.claimant.id === 'general-staff-ukraine')!;
    expect([figure.period.start, figure.period.end]).toEqual(['2026-08-01', '2026-08-07']);
    expect(renderAnswerText(answer)).toMatch(/найновіше зведення — по 7 серпня 2026/);
  });

  it('a day within the last month ("last friday") is moved too', () => {
    const answer = app.asker.ask('russian losses last friday');
    expect(answer.notes).toContainEqual(expect.objectContaining({ kind: 'data_ends' }));
    expect(answerFigures(answer).find((f) => f.claimant.id === 'general-staff-ukraine')!.period.end).toBe('2026-08-07');
  });

  it('a date asked outright or still to come is not moved', () => {
    expect(app.asker.ask('russian losses in 2027').kind).toBe('no_match');
    expect(app.asker.ask('NATO estimate of Russian deaths in 2025').notes.some((n) => n.kind === 'data_ends')).toBe(false);
  });
});

describe('periods compared', () => {
  it('"2023 vs 2024" gives the claimant\'s figure for each period beside the other, never their sum', () => {
    const both = answerFigures(app.asker.ask('russian tank losses in 2023 vs 2024')).filter((f) => f.claimant.id === 'general-staff-ukraine');
    const y2023 = answerFigures(app.asker.ask('russian tank losses in 2023')).find((f) => f.claimant.id === 'general-staff-ukraine')!;
    const y2024 = answerFigures(app.asker.ask('russian tank losses in 2024')).find((f) => f.claimant.id === 'general-staff-ukraine')!;
    expect(both.map((f) => [f.period.start, f.period.end, f.low])).toEqual([
      ['2023-01-01', '2023-12-31', y2023.low],
      ['2024-01-01', '2024-12-31', y2024.low],
    ]);
    // A period with nothing held is said so.
    expect(app.asker.ask('russian tank losses in 2027 vs 2025').notes).toContainEqual({ kind: 'period_empty', label: '2027' });
    // Both periods lead the answer, one line each.
    const leads = renderAnswerText(app.asker.ask('russian tank losses in 2023 vs 2024')).split('\n').filter((l) => l.startsWith('General Staff of the Armed Forces of Ukraine: '));
    expect(leads).toEqual([expect.stringMatching(/, 2023$/), expect.stringMatching(/, 2024$/)]);
    const text = renderAnswerText(app.asker.ask('втрати танків росії у 2023 і 2024 роках'));
    expect(text).toMatch(/2023 і 2024/);
    expect(text).toContain(formatNumber('uk', y2024.low!));
  });
});

describe('breakdowns', () => {
  it('the monthly table of 2025 sums to the derived total of 2025, corrections shown', async () => {
    const { tables } = breakdownTables(query('Russian personnel losses in 2025'), 'month', ctx());
    const gs = tables.find((t) => t.claimant.startsWith('General Staff'))!;
    expect(gs.rows).toHaveLength(12);
    const sum = gs.rows.reduce((n, r) => n + pointOf(r.value)!, 0);
    expect(pointOf(gs.sum)).toBe(sum);
    // The same figure the plain answer derives for 2025.
    const answer = app.asker.ask('General Staff: Russian personnel losses in 2025');
    const derived = answerFigures(answer).find((f) => f.derived && f.claimant.id === 'general-staff-ukraine' && f.metric === 'personnel')!;
    expect(derived.low).toBe(sum);
    expect(pointOf(gs.total!.value)).toBe(sum);
    expect(gs.rows.some((r) => r.corrections.length > 0)).toBe(true);
    const text = viewText(await app.views.reply('each month of 2025'));
    expect(text).toMatch(/Jan 2025: about [\d,]+/);
    expect(text).toContain(`Sum: about ${sum.toLocaleString('en-US')}, the same as the derived total`);
    expect(text).toMatch(/a correction of \+1,650 in the report of 28 Feb 2025/);
  });

  it('a quarter table and tank months sum to the total too', () => {
    for (const [q, unit] of [['tanks in 2024', 'quarter'], ['Russian drones since 2024', 'month']] as const) {
      const [t] = breakdownTables(query(q), unit, ctx()).tables;
      expect(pointOf(t!.sum)).toBe(pointOf(t!.total!.value));
    }
  });

  it('worst day and record month come with their dates', async () => {
    const text = viewText(await app.views.reply('worst day for russian personnel'));
    expect(text).toMatch(/Most in one day: about [\d,]+ on \d+ \w{3} 20\d\d \(report of \d+ \w{3} 20\d\d\)/);
    expect(text).toMatch(/Average: about [\d,]+ a day over [\d,]+ days, 24 Feb 2022 to /);
    const month = viewText(await app.views.reply('record month for tanks'));
    expect(month).toMatch(/Most in one month: [\d,]+ in \w{3} 20\d\d/);
  });
});

describe('the daily card', () => {
  it('matches the newest report of the shipped data', () => {
    const personnel = JSON.parse(readFileSync(join(DATA_DIR, 'ua-general-staff', 'russia_losses_personnel.json'), 'utf8')) as { date: string; personnel: number }[];
    const equipment = JSON.parse(readFileSync(join(DATA_DIR, 'ua-general-staff', 'russia_losses_equipment.json'), 'utf8')) as Record<string, number | string>[];
    const last = personnel.at(-1)!;
    const before = personnel.at(-2)!;
    const card = dailyCard(app.asker.read('').lookup, app.service.directory())!;
    expect(card.reportDate).toBe(last.date);
    expect(card.covers).toBe(new Date(Date.parse(`${last.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    const row = (m: string) => card.rows.find((r) => r.metric === m)!;
    expect(row('personnel').total.low).toBe(last.personnel);
    expect(pointOf(row('personnel').change)).toBe(last.personnel - before.personnel);
    const eq = equipment.at(-1)!;
    const eqBefore = equipment.at(-2)!;
    expect(row('tanks').total.low).toBe(eq.tank);
    expect(pointOf(row('tanks').change)).toBe(Number(eq.tank) - Number(eqBefore.tank));
    expect(row('uavs').total.low).toBe(eq.drone);
    const text = docToPlainText(app.views.today());
    expect(text).toContain('General Staff of the Armed Forces of Ukraine: report of');
    expect(text).toMatch(/Tanks: [\d,]+ \(\+\d+\)/);
    expect(text).toContain('Source: ');
  });

  it('/today and "latest report" give the card through the chain', async () => {
    expect(viewText(await app.views.reply("today's report"))).toMatch(/report of/);
  });
});

describe('charts on the wired path', () => {
  it('"chart of russian tank losses in 2025" renders a PNG of the expected size, not blank, naming the claimant', async () => {
    const reply = await app.views.reply('chart of russian tank losses in 2025');
    expect(reply.kind).toBe('chart');
    if (reply.kind !== 'chart') return;
    const spec = parseChartSpec(reply.chart);
    expect(spec.granularity).toBe('week');
    expect(spec.title).toMatch(/Russian tanks lost per week, 2025/);
    expect(spec.series[0]!.label).toBe('General Staff of the Armed Forces of Ukraine');
    const caption = captionLines(spec).join('\n');
    expect(caption).toContain('General Staff of the Armed Forces of Ukraine');
    expect(caption).toContain('derived from daily reports');
    expect(caption).toMatch(/corrections/i);
    const text = docToPlainText(reply.doc);
    expect(text).toContain('General Staff of the Armed Forces of Ukraine');
    expect(text).toMatch(/derived from daily reports, 1 Jan 2025 to 31 Dec 2025/);
    expect(text).toMatch(/Corrections inside: a correction of \+2/);
    const png = await renderChartPng({ ...spec, theme: 'dark' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(spec.width * spec.scale);
    expect(png.readUInt32BE(20)).toBe(spec.height * spec.scale);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('a month unit draws bars by month; a long span chooses months itself', async () => {
    const perMonth = await app.views.reply('drone losses per month since 2024 chart');
    expect(perMonth.kind === 'chart' && parseChartSpec(perMonth.chart)).toMatchObject({ kind: 'bar', granularity: 'month' });
    const trend = await app.views.reply('trend of russian personnel losses');
    expect(trend.kind === 'chart' && parseChartSpec(trend.chart).granularity).toBe('month');
  });
});

describe('buttons and pages through the chain', () => {
  let chain: Chain;
  beforeAll(() => {
    chain = createChain({ commands: COMMANDS.filter((c) => c.audience !== 'operator'), services: app });
  });
  const event = (input: Incoming['input'], pageChars = 700): Incoming => ({
    platform: 'test', user: { id: '1', name: 'Reader' }, chatId: '1', origin: 'test', locale: 'en', input, buttonBytes: 64, pageChars, usage: () => '', rights: () => ({ isModerator: false }),
  });
  const dispatch = async (input: Incoming['input'], pageChars?: number) => (await chain.dispatch(event(input, pageChars)))!;
  const pageOf = (out: Outgoing) => (out.reply.kind === 'doc' || out.reply.kind === 'answer' ? out.reply.page : undefined);
  const button = (out: Outgoing, label: RegExp) => out.buttons.find((b) => label.test(b.label));

  it('an answer offers Chart, By month, Other claimants and Sources, each within 64 bytes', async () => {
    const out = await dispatch({ kind: 'text', text: 'How many tanks has Russia lost?' }, 4000);
    expect(out.buttons.map((b) => b.label)).toEqual(['Chart', 'By month', 'Other claimants', 'Sources']);
    for (const b of out.buttons) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
    const chart = await dispatch({ kind: 'button', data: button(out, /^Chart$/)!.data });
    expect(chart.reply.kind).toBe('chart');
    expect(chart.placement).toBe('reply');
    const months = await dispatch({ kind: 'button', data: button(out, /^By month$/)!.data }, 100_000);
    expect(docToPlainText(replyDoc(months.reply))).toMatch(/by month[\s\S]*Sum: /);
    const sources = await dispatch({ kind: 'button', data: button(out, /^Sources$/)!.data });
    expect(docToPlainText(replyDoc(sources.reply))).toMatch(/Sources of this answer[\s\S]*General Staff/);
    const others = await dispatch({ kind: 'button', data: button(out, /^Other claimants$/)!.data });
    expect(others.reply.kind).toBe('answer');
  });

  it('a follow-up naming only a period is read against the same person\'s previous question in that chat', async () => {
    const from = (user: string, text: string) => chain.dispatch({ ...event({ kind: 'text', text }, 4000), user: { id: user, name: 'Reader' } }) as Promise<Outgoing>;
    const first = await from('7', 'скільки танків втратила росія у 2024');
    expect(String(first.reply.kind === 'answer' && first.reply.answer.interpretation)).toMatch(/танки.*2024/);
    const next = await from('7', 'а за жовтень 2025?');
    expect(next.reply.kind).toBe('answer');
    const answer = next.reply.kind === 'answer' ? next.reply.answer : null;
    expect(answer!.interpretation).toMatch(/танки.*жовтень 2025/);
    expect(answerFigures(answer!).find((f) => f.claimant.id === 'general-staff-ukraine')!.metric).toBe('tanks');
    // Its buttons re-run the completed question, not the fragment.
    const chart = await chain.dispatch({ ...event({ kind: 'button', data: button(next, /Графік|Chart/)!.data }), user: { id: '7', name: 'Reader' } });
    expect(chart!.reply.kind).toBe('chart');
    // Another person's fragment is read on its own; so is a whole new question.
    const other = await from('8', 'а за жовтень 2025?');
    expect(String(other.reply.kind === 'answer' && other.reply.answer.interpretation)).not.toMatch(/танки/);
    const english = await from('9', 'UK estimate of Russian deaths');
    const more = await from('9', 'what about in 2023?');
    expect(String(more.reply.kind === 'answer' && more.reply.answer.interpretation)).toMatch(/Russian deaths, 2023, per the British side/);
    expect(english.reply.kind).toBe('answer');
  });

  it('paging buttons walk a long answer to its end and back, in place', async () => {
    const first = await dispatch({ kind: 'text', text: 'tank losses by month since 2023' });
    const page = pageOf(first)!;
    expect(page.index).toBe(1);
    expect(page.count).toBeGreaterThan(2);
    expect(button(first, /Previous/)).toBeUndefined();
    const seen = [docToPlainText(page.doc)];
    let out = first;
    for (let i = 2; i <= page.count; i++) {
      out = await dispatch({ kind: 'button', data: button(out, /Next/)!.data });
      expect(out.placement).toBe('replace');
      expect(pageOf(out)!.index).toBe(i);
      seen.push(docToPlainText(pageOf(out)!.doc));
    }
    expect(button(out, /Next/)).toBeUndefined();
    expect(seen.slice(-2).join('\n')).toMatch(/Sum: /);
    expect(new Set(seen).size).toBe(page.count);
    for (let i = page.count - 1; i >= 1; i--) {
      out = await dispatch({ kind: 'button', data: button(out, /Previous/)!.data });
      expect(pageOf(out)!.index).toBe(i);
      expect(docToPlainText(pageOf(out)!.doc)).toBe(seen[i - 1]);
    }
    // Every page carries the same views of the question.
    expect(button(out, /^Chart$/)).toBeDefined();
  });

  it('a press on a forgotten reply says so, to the presser only', async () => {
    const out = await dispatch({ kind: 'button', data: 'v:AAAAAAAA:p2' });
    expect(out.placement).toBe('alert');
    expect(docToPlainText(replyDoc(out.reply))).toMatch(/expired/);
    expect(decodeButton('v:abc:z', COMMANDS)).toBeNull();
  });

  it('the command line gets whole replies and no view buttons', async () => {
    const out = (await chain.dispatch({ ...event({ kind: 'text', text: 'tank losses by month since 2023' }), pageChars: undefined } as Incoming))!;
    expect(out.buttons).toEqual([]);
    expect(pageOf(out)).toBeUndefined();
  });
});
