import { describe, expect, it } from 'vitest';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { answerJson, renderAnswerText } from '../../src/core/answer/render-text.ts';
import { memoryApp } from '../helpers.ts';

// Each seeded claim, by its id (seed files in order), and a natural question that reaches it.
const REACH: [number, string][] = [
  [1, 'Putin on Ukrainian casualties'],
  [2, 'Putin on Ukrainian irreversible losses'],
  [3, 'Ukrainian MoD on Russian losses as of 28 February 2023'],
  [4, 'Ukraine MoD Russian losses on 27 February 2023'],
  [5, 'CSIS estimate of Russians killed'],
  [6, 'UK estimate of Russian casualties'],
  [7, 'UK estimate of Russian deaths'],
  [8, 'What does the Russian MoD say about Russian deaths?'],
  [9, "Ukraine's defence ministry on Russian losses as of 2 December 2024"],
  [10, 'Russian losses on 3 December 2024'],
  [11, 'Russian losses on 28 November 2024'],
  [12, 'Russian losses on 11 November 2024'],
  [13, 'Russian losses between 24 November and 30 November 2024'],
  [14, 'Russian losses in September 2024'],
  [15, "Ukraine's claim of Russian losses in October 2024"],
  [16, "Ukraine's claim of Russian losses in November"],
  [17, 'How many Russian soldiers deserted?'],
  [18, 'Zelensky on Ukrainian deaths'],
  [19, 'How many Ukrainians have been killed?'],
  [20, 'Ukrainian MoD on Russian losses as of 5 November 2024'],
  [21, 'Russian losses in October 2024'],
  [22, 'How many tanks has Russia lost?'],
  [23, 'Russian artillery losses'],
  [24, 'Russian air defence systems destroyed'],
  [25, 'How many Russian drones?'],
  [26, 'Rudskoy on Russian killed'],
  [27, 'Rudskoy on Russian wounded'],
  [28, 'Russian MoD on Russian deaths as of 2 March 2022'],
  [29, 'Russian defence ministry on its wounded by 2 March 2022'],
  [30, 'NATO estimate of Russian soldiers killed'],
  [31, 'NATO estimate of Russian casualties'],
  [32, 'Soviet losses in Afghanistan'],
];

describe('answers on the seed data', () => {
  const app = memoryApp();

  it('covers every seeded claim', () => expect(new Set(REACH.map(([id]) => id)).size).toBe(app.claims.count()));

  it.each(REACH)('claim #%i is reached by "%s"', (id, question) => {
    const answer = app.asker.ask(question);
    expect(answer.kind).toBe('figures');
    expect(answerFigures(answer).map((f) => f.claimId)).toContain(id);
  });

  it("answers Ukraine's claim of Russian losses in November with 45,720, its claimant, outlet and year", () => {
    const answer = app.asker.ask("Ukraine's claim of Russian losses in November");
    const figures = answerFigures(answer);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ low: 45720, high: 45720, claimant: { name: 'Armed Forces of Ukraine' }, source: { publisher: 'Newsweek' }, period: { start: '2024-11-01', end: '2024-11-30' } });
    expect(answer.notes.join(' ')).toMatch(/took November 2024/);
    const text = renderAnswerText(answer);
    expect(text).toMatch(/Armed Forces of Ukraine claims/);
    expect(text).toMatch(/45,720/);
    expect(text).toMatch(/Newsweek/);
    expect(text).toMatch(/November 2024/);
  });

  it('shows figures of different claimants side by side, never merged', () => {
    const answer = app.asker.ask('Russian deaths');
    const claimants = answer.groups.map((g) => g.claimant.name);
    expect(claimants).toEqual(expect.arrayContaining(['UK Ministry of Defence', 'NATO', 'Center for Strategic and International Studies', 'Sergei Rudskoy']));
    for (const g of answer.groups) expect(g.figures.every((f) => f.claimant.id === g.claimant.id)).toBe(true);
    expect(answer.notes).toContain('Figures of different claimants are shown side by side and never combined.');
  });

  it('keeps ranges and qualifiers as said', () => {
    const [f] = answerFigures(app.asker.ask('UK estimate of Russian deaths'));
    expect(f).toMatchObject({ low: 40000, high: 60000, qualifier: 'about', words: 'approximately between 40,000 and 60,000' });
    const [z] = answerFigures(app.asker.ask('Zelensky on Ukrainian deaths'));
    expect(z).toMatchObject({ low: null, high: 80000, qualifier: 'fewer_than' });
  });

  it('says when nothing matches, offers the nearest claims and an example', () => {
    const answer = app.asker.ask('NATO estimate of Russian deaths in 2025');
    expect(answer.kind).toBe('no_match');
    expect(answer.notes[0]).toMatch(/no figure/);
    expect(answer.suggestions[0]).toMatchObject({ claimant: { id: 'nato' } });
    expect(answer.example).toBeTruthy();
    expect(renderAnswerText(answer)).toMatch(/nearest figures/);
  });

  it('answers an off-topic question with help and no figures', () => {
    const answer = app.asker.ask('what is the weather in Paris');
    expect(answer.kind).toBe('not_understood');
    expect(answerFigures(answer)).toHaveLength(0);
    expect(renderAnswerText(answer)).toMatch(/For example/);
  });

  it('gives every figure in the JSON form with claimant, range, period, statement date and source', () => {
    const json = answerJson(app.asker.ask('Russian losses in November 2024'));
    expect(json.figures.length).toBeGreaterThan(0);
    for (const f of json.figures) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['claimant', 'low', 'high', 'qualifier', 'metric', 'subject', 'periodStart', 'periodEnd', 'statedOn', 'source', 'derived']));
      expect(Object.keys(f.source)).toEqual(expect.arrayContaining(['publisher', 'url']));
    }
  });
});

describe('derived figures from a cumulative series', () => {
  it("derives a month from the claimant's own reports and shows a disagreeing direct figure beside it", () => {
    const app = memoryApp();
    const report = (asOf: string, value: number) =>
      app.service.add({ claimant: 'general-staff-ukraine', subject: 'russia', metric: 'personnel', value: String(value), qualifier: 'about', asOf }, { actor: 'test' });
    // Reports dated 1 Nov and 1 Dec 2024 count losses to the end of 31 Oct and 30 Nov.
    expect(report('2024-10-31', 696410).ok).toBe(true);
    expect(report('2024-11-30', 742130).ok).toBe(true);
    const answer = app.asker.ask("Ukraine's claim of Russian losses in November 2024");
    const derived = answerFigures(answer).find((f) => f.derived);
    expect(derived).toMatchObject({ low: 45720, high: 45720, qualifier: 'about', claimant: { id: 'general-staff-ukraine' }, period: { start: '2024-11-01', end: '2024-11-30' } });
    expect(derived!.derived).toMatchObject({ from: { periodEnd: '2024-10-31', value: 696410 }, to: { periodEnd: '2024-11-30', value: 742130 } });
    expect(answerFigures(answer).some((f) => !f.derived && f.low === 45720)).toBe(true);

    const direct = app.service.add(
      { claimant: 'general-staff-ukraine', subject: 'russia', metric: 'personnel', value: '45000', from: '2024-11-01', to: '2024-11-30' },
      { actor: 'test', confirm: true },
    );
    expect(direct.ok).toBe(true);
    const both = app.asker.ask('General Staff on Russian losses in November 2024');
    expect(answerFigures(both).map((f) => [f.low, f.derived !== null])).toEqual(expect.arrayContaining([[45000, false], [45720, true]]));
    expect(both.notes.join(' ')).toMatch(/both are shown/);
    app.close();
  });

  it('counts from zero at the start of the war', () => {
    const app = memoryApp();
    app.service.add({ claimant: 'general-staff-ukraine', subject: 'russia', metric: 'tanks', value: '300', asOf: '2022-03-23' }, { actor: 'test' });
    const [f] = answerFigures(app.asker.ask('General Staff tanks in the first month of the war'));
    expect(f).toMatchObject({ low: 300, period: { start: '2022-02-24', end: '2022-03-23' } });
    app.close();
  });
});
