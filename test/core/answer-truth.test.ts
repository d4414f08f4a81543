// Issue 17: figures that never mislead, pinned on the shipped data (seed claims + the General
// Staff dataset in ../shared) and on small fixtures; and issue 16 item 6: answers readable on a phone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFigures, type Answer, type AnswerFigure } from '../../src/core/answer/compose.ts';
import { difference } from '../../src/core/answer/derive.ts';
import { answerJson, renderAnswerText } from '../../src/core/answer/render-text.ts';
import { answerToDoc } from '../../src/core/answer/to-doc.ts';
import { docToHtmlMessages } from '../../src/adapters/telegram/render.ts';
import { importUaGeneralStaff } from '../../src/ingest/import-ua-gs.ts';
import type { App } from '../../src/app.ts';
import { memoryApp } from '../helpers.ts';
import { SHARED_DATA } from '../paths.ts';

const DATASET = join(SHARED_DATA, 'ua-general-staff');
const gs = (a: Answer) => answerFigures(a).filter((f) => f.claimant.id === 'general-staff-ukraine');
const note = <K extends string>(f: AnswerFigure, kind: K) => f.notes.find((n) => n.kind === kind) as (AnswerFigure['notes'][number] & { kind: K }) | undefined;

describe('differences keep the uncertainty of their ends', () => {
  it.each([
    ['exact minus exact', { low: 120, high: 120, qualifier: 'exact' }, { low: 100, high: 100, qualifier: 'exact' }, { known: true, low: 20, high: 20, qualifier: 'exact' }],
    ['nearly 500 from the start of the war', { low: 500, high: 500, qualifier: 'nearly' }, null, { known: true, low: 500, high: 500, qualifier: 'nearly' }],
    ['about minus exact', { low: 12000, high: 12000, qualifier: 'about' }, { low: 11000, high: 11000, qualifier: 'exact' }, { known: true, low: 1000, qualifier: 'about' }],
    ['more than minus exact', { low: 12000, high: null, qualifier: 'more_than' }, { low: 11000, high: 11000, qualifier: 'exact' }, { known: true, low: 1000, high: null, qualifier: 'more_than' }],
    ['exact minus more than', { low: 12000, high: 12000, qualifier: 'about' }, { low: 11000, high: null, qualifier: 'more_than' }, { known: true, low: null, high: 1000, qualifier: 'fewer_than' }],
    ['two "more than" ends', { low: 12000, high: null, qualifier: 'more_than' }, { low: 12000, high: null, qualifier: 'more_than' }, { known: false }],
    ['a range end', { low: 175000, high: 200000, qualifier: 'exact' }, { low: 100000, high: 100000, qualifier: 'exact' }, { known: true, low: 75000, high: 100000 }],
  ] as const)('%s', (_, end, start, expected) => {
    expect(difference(end, start)).toMatchObject(expected);
  });
});

describe.runIf(existsSync(DATASET))('on the shipped data (seed claims and the General Staff dataset)', () => {
  let app: App;
  const ask = (q: string) => app.asker.ask(q);
  beforeAll(async () => {
    app = memoryApp();
    await importUaGeneralStaff(
      app.db,
      { personnel: join(DATASET, 'russia_losses_personnel.json'), equipment: join(DATASET, 'russia_losses_equipment.json'), corrections: join(DATASET, 'russia_losses_equipment_correction.json') },
      { actor: 'test-import' },
    );
  }, 60_000);
  afterAll(() => app.close());

  describe('1. corrections inside a derived period', () => {
    it('a day: 27 February 2025 is about 2,710, of which +1,650 is a correction; about 1,060 without it', () => {
      const [f] = gs(ask('General Staff: Russian personnel losses on 27 February 2025'));
      expect(f).toMatchObject({ low: 2710, qualifier: 'about' });
      expect(f!.corrections).toEqual([expect.objectContaining({ delta: 1650, statedOn: '2025-02-28', periodEnd: '2025-02-27' })]);
      expect(note(f!, 'correction')).toMatchObject({ without: { low: 1060, high: 1060, qualifier: 'about' } });
      expect(renderAnswerText(ask('General Staff: Russian personnel losses on 27 February 2025'))).toMatch(/correction of \+1,650 in the report of 28 Feb 2025\. Without it: about 1,060/);
    });

    it('a month: special equipment in November 2024 nets a -85 correction', () => {
      const [f] = gs(ask('General Staff: Russian special equipment in November 2024'));
      expect(f).toMatchObject({ low: 40, metric: 'special_equipment' });
      expect(note(f!, 'correction')).toMatchObject({ corrections: [expect.objectContaining({ delta: -85 })], without: { low: 125 } });
    });

    it('a year: every correction of 2024 in special equipment, summed for the figure without them', () => {
      const [f] = gs(ask('General Staff: Russian special equipment in 2024'));
      const c = note(f!, 'correction')!;
      expect(c.corrections.map((x) => x.delta)).toEqual([-3, -85]);
      expect(c.without!.low).toBe(f!.low! + 88);
    });

    it('a fall in a total with no size given is said, and no figure without it is invented', () => {
      const fixture = memoryApp();
      const add = (asOf: string, value: number, correction = false) =>
        fixture.service.add({ claimant: 'general-staff-ukraine', subject: 'russia', metric: 'tanks', value: String(value), asOf, ...(correction ? { isCorrection: 'true' } : {}) }, { actor: 'test', confirm: true });
      for (const r of [add('2024-03-31', 1000), add('2024-04-10', 1050), add('2024-04-11', 1040, true), add('2024-04-30', 1100)]) expect(r.ok).toBe(true);
      const [f] = gs(fixture.asker.ask('General Staff: Russian tanks in April 2024'));
      expect(f).toMatchObject({ low: 100 });
      expect(f!.corrections).toEqual([expect.objectContaining({ delta: null, fellFrom: 1050, fellTo: 1040, periodEnd: '2024-04-11' })]);
      expect(note(f!, 'correction')!.without).toBeNull();
      fixture.close();
    });
  });

  describe('2. qualifiers carried through derivation', () => {
    it('two "more than" reports: the difference is said to be meaningless, not 0', () => {
      const [f] = gs(ask('General Staff: Russian personnel losses on 10 March 2022'));
      expect(f).toMatchObject({ known: false, low: null, high: null });
      expect(note(f!, 'difference_unknown')).toMatchObject({ from: { qualifier: 'more_than' }, to: { qualifier: 'more_than' } });
      expect(renderAnswerText(ask('General Staff: Russian personnel losses on 10 March 2022'))).toMatch(/no number is given/);
    });

    it('a "more than" start makes the day "fewer than"', () => {
      const [f] = gs(ask('General Staff: Russian personnel losses on 7 March 2022'));
      expect(f).toMatchObject({ known: true, low: null, high: 1000, qualifier: 'fewer_than' });
    });

    it('"almost 500" stays "nearly 500" when derived from the start of the war', () => {
      const f = answerFigures(ask('Russian MoD: Russian deaths in the first week of March 2022')).find((x) => x.claimant.id === 'ministry-of-defence-russia' && x.derived);
      if (f) expect(f).toMatchObject({ low: 500, qualifier: 'nearly' });
      const [d] = answerFigures(ask('Russian MoD on Russian deaths between 24 February 2022 and 2 March 2022')).filter((x) => x.derived);
      expect(d).toMatchObject({ low: 500, qualifier: 'nearly' });
    });
  });

  describe('3. claimants that republish the General Staff', () => {
    it('agrees: 745,700 to 2 December 2024 is the series figure for that day', () => {
      const f = answerFigures(ask("Ukraine's defence ministry on Russian losses as of 2 December 2024")).find((x) => x.words === '745,700 personnel')!;
      expect(note(f, 'republished')).toMatchObject({ series: { id: 'general-staff-ukraine' }, seriesValue: { low: 745700 }, difference: 0 });
    });

    it('differs: "1,760 on 3 December" against 1,670 that day (1,780 the day before)', () => {
      const f = answerFigures(ask('Russian losses on 3 December 2024')).find((x) => x.words === '1,760')!;
      expect(note(f, 'republished')).toMatchObject({ seriesValue: { low: 1670 }, difference: 90, dayBefore: { low: 1780 } });
      expect(renderAnswerText(ask('Russian losses on 3 December 2024'))).toMatch(/series gives about 1,670 for the same period \(about 1,780 for the day before\); this figure differs by \+90/);
    });

    it('a reported average: 1,307 a day in October 2024 against the series\' 41,980 / 31', () => {
      const f = answerFigures(ask('Russian losses in October 2024 (all figures)')).find((x) => x.aggregation === 'daily_average' && x.claimId)!;
      expect(note(f, 'republished')).toMatchObject({ perDay: true, seriesValue: { low: 1354, qualifier: 'about' }, difference: -47 });
    });
  });

  describe('4. month- and year-dated claims in "as of" and "latest"', () => {
    it('"as of the end of 2022" takes "nearly 6,000, September 2022" over "almost 500 to 2 March 2022", and says its precision', () => {
      const a = ask('Russian MoD deaths as of 31 December 2022');
      const f = answerFigures(a).find((x) => x.claimant.id === 'ministry-of-defence-russia')!;
      expect(f).toMatchObject({ low: 6000, qualifier: 'nearly' });
      expect(note(f, 'precision')).toMatchObject({ precision: 'month', lastDay: '2022-09-30' });
      expect(renderAnswerText(a)).toMatch(/nearly 6,000 troops, as of September 2022 \(month only\)/);
      const before = answerFigures(ask('Russian MoD deaths as of 15 September 2022')).find((x) => x.claimant.id === 'ministry-of-defence-russia');
      expect(before).toMatchObject({ low: 500 });
    });
  });

  describe('5. partial periods', () => {
    it('"2026" ends at the last report and says "so far, to 7 August 2026"', () => {
      const a = ask('General Staff: Russian personnel losses in 2026');
      const [f] = gs(a);
      expect(f!.period).toMatchObject({ start: '2026-01-01', end: '2026-08-07' });
      expect(note(f!, 'partial')).toEqual({ kind: 'partial', to: '2026-08-07' });
      expect(a.interpretation).toMatch(/2026 so far, to 7 August 2026/);
      expect(renderAnswerText(a)).toMatch(/so far/);
    });
  });

  describe('6. prisoners of war', () => {
    it('are attributed to Invaders (invaders-rf.com), never to the General Staff', () => {
      const figures = answerFigures(ask('How many Russian prisoners of war? (all figures)'));
      expect(figures.some((f) => f.metric === 'captured' && f.claimant.id === 'general-staff-ukraine')).toBe(false);
      const pow = app.claims.list({ claimant: 'invaders-rf', limit: 10 });
      expect(pow[0]).toMatchObject({ metric: 'captured', source: { publisher: 'Invaders (invaders-rf.com)' } });
    });
  });

  describe('7. averages per day', () => {
    it('derives an average on request, with the number of days', () => {
      const [f] = gs(ask('General Staff: average Russian personnel losses per day in March 2025'));
      expect(f).toMatchObject({ aggregation: 'daily_average', qualifier: 'about' });
      const avg = note(f!, 'daily_average')!;
      expect(avg.days).toBe(31);
      expect(f!.low).toBe(Math.round(avg.total.low! / 31));
      expect(renderAnswerText(ask('General Staff: average Russian personnel losses per day in March 2025'))).toMatch(/a day on average, March 2025/);
    });
  });

  describe('8. the mobile SRBM series', () => {
    it('says it stopped in April 2022 and is counted with cruise missiles since', () => {
      const [f] = gs(ask('General Staff: Russian mobile SRBM launchers'));
      expect(f).toMatchObject({ metric: 'srbm_launchers', period: { end: '2022-04-29' } });
      expect(note(f!, 'series_stopped')).toMatchObject({ lastEnd: '2022-04-29', continuedAs: 'cruise_missiles' });
      expect(renderAnswerText(ask('General Staff: Russian mobile SRBM launchers'))).toMatch(/stopped .* counted them with cruise missiles/);
    });
  });

  describe('ask --json exposes per figure', () => {
    it('its notes as data, whether derived, its ends with their qualifiers, and corrections inside', () => {
      const json = answerJson(ask('General Staff: Russian personnel losses on 27 February 2025'));
      const f = json.figures.find((x) => x.claimantId === 'general-staff-ukraine')!;
      expect(f.derived).toBe(true);
      expect(f.derivedFrom).toMatchObject({ from: { periodEnd: '2025-02-26', qualifier: 'about', low: 871850 }, to: { periodEnd: '2025-02-27', qualifier: 'about' }, days: 1 });
      expect(f.corrections).toEqual([expect.objectContaining({ delta: 1650 })]);
      expect(f.notes.map((n) => n.kind)).toEqual(['derived', 'correction']);
      expect(f.noteText.join(' ')).toMatch(/Without it: about 1,060/);
      expect(json.notes.every((n) => typeof n === 'object' && 'kind' in n)).toBe(true);
    });
  });

  describe('issue 16 item 6: answers a person can read on a phone', () => {
    it('leads with one line per claimant, then the reading in one line', () => {
      const a = ask('Russian losses on 3 December 2024');
      const lines = renderAnswerText(a).split('\n');
      const claimants = a.groups.map((g) => g.claimant.name);
      claimants.forEach((name, i) => expect(lines[i]!.startsWith(`${name}: `)).toBe(true));
      expect(lines[claimants.length]).toMatch(/^Read as: Russian .*3 December 2024/);
    });

    it('shows at most six figures and offers the rest with a question to type', () => {
      const a = ask('General Staff: Russian equipment losses');
      expect(answerFigures(a).length).toBeLessThanOrEqual(6);
      const more = a.notes.find((n) => n.kind === 'more_figures');
      expect(more).toMatchObject({ kind: 'more_figures', followUp: 'General Staff: Russian equipment losses (all figures)' });
      const all = ask((more as { followUp: string }).followUp);
      expect(answerFigures(all).length).toBe(answerFigures(a).length + (more as { hidden: number }).hidden);
    });

    it('groups figures sharing a source under one source line', () => {
      const text = renderAnswerText(ask('General Staff: Russian equipment losses (all figures)'));
      expect(text.match(/Daily report of Russian losses/g)).toHaveLength(Math.ceil(answerFigures(ask('General Staff: Russian equipment losses (all figures)')).length / 8));
    });

    it('never writes a range or a metric twice, and has no filler', () => {
      const texts = ['UK estimate of Russian casualties', 'Russian defence ministry on its wounded by 2 March 2022', 'Russian deaths', "Ukraine's claim of Russian losses in November"].map((q) => renderAnswerText(ask(q)));
      for (const t of texts) {
        expect(t).not.toMatch(/\[\d/);
        expect(t).not.toMatch(/\b(\w+) \1\b/);
        expect(t).not.toMatch(/statement date not given|outlet not named/);
      }
      expect(texts[0]!.match(/175,000/g)).toHaveLength(1); // said once, in the lead line; the source section refers to it
    });

    it('keeps every figure attributed when a message is split', () => {
      const messages = docToHtmlMessages(answerToDoc(ask('General Staff: Russian equipment losses (all figures)')), 700);
      expect(messages.length).toBeGreaterThan(1);
      for (const m of messages) if (m.includes('• ')) expect(m).toMatch(/General Staff of the Armed Forces of Ukraine/);
    });
  });
});

describe('9. every seed claim names its article', () => {
  it('has a headline or what the article shows, and Putin\'s "half irreversible" is what he said, not a number', () => {
    const app = memoryApp();
    const claims = app.claims.list({ limit: 100 });
    for (const c of claims) expect(c.source.title ?? c.source.publisher, `#${c.id}`).toBeTruthy();
    expect(claims.some((c) => c.claimant === 'vladimir-putin' && c.low === 22500)).toBe(false);
    expect(claims.find((c) => c.claimant === 'vladimir-putin')!.note).toMatch(/half of those losses were "irreversible"/);
    app.close();
  });
});
