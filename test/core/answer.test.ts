import { describe, expect, it } from 'vitest';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { answerJson, renderAnswerText } from '../../src/core/answer/render-text.ts';
import { memoryApp } from '../helpers.ts';

// Each seeded claim, by its claimant and words as said, and a natural question that reaches it.
const REACH: [string, string, string][] = [
  ['vladimir-putin', 'nearly 45,000 soldiers', 'Putin on Ukrainian casualties'],
  ['ministry-of-defence-ukraine', '149,240', 'Ukrainian MoD on Russian losses as of 28 February 2023'],
  ['ministry-of-defence-ukraine', '550', 'Ukraine MoD Russian losses on 27 February 2023'],
  ['csis', 'between 60,000 and 70,000', 'CSIS estimate of Russians killed'],
  ['uk-ministry-of-defence', 'between 175,000 and 200,000', 'UK estimate of Russian casualties'],
  ['uk-ministry-of-defence', 'approximately between 40,000 and 60,000', 'UK estimate of Russian deaths'],
  ['ministry-of-defence-russia', 'nearly 6,000 troops', 'What does the Russian MoD say about Russian deaths?'],
  ['ministry-of-defence-ukraine', '745,700 personnel', "Ukraine's defence ministry on Russian losses as of 2 December 2024"],
  ['ministry-of-defence-ukraine', '1,760', 'Russian losses on 3 December 2024'],
  ['armed-forces-ukraine', '2,030', 'Russian losses on 28 November 2024'],
  ['armed-forces-ukraine', '1,950 soldiers', 'Russian losses on 11 November 2024'],
  ['armed-forces-ukraine', '11,390 soldiers', 'Russian losses between 24 November and 30 November 2024'],
  ['armed-forces-ukraine', '38,130', 'Russian losses in September 2024'],
  ['armed-forces-ukraine', '41,980', "Ukraine's claim of Russian losses in October 2024"],
  ['armed-forces-ukraine', '45,720', "Ukraine's claim of Russian losses in November"],
  ['newsweek', 'an entire regiment of more than 1,000 soldiers', 'How many Russian soldiers deserted?'],
  ['volodymyr-zelensky', 'less, much less [than 80,000]', 'Zelensky on Ukrainian deaths'],
  ['us-press-unnamed', '80,000 Ukrainians', 'How many Ukrainians have been killed?'],
  ['ministry-of-defence-ukraine', 'approximately 701,650 casualties', 'Ukrainian MoD on Russian losses as of 5 November 2024'],
  ['ministry-of-defence-ukraine', 'an average of 1,307 casualties per day', 'Russian losses in October 2024'],
  ['ukrainian-officials', '9,208 tanks', 'How many tanks has Russia lost?'],
  ['ukrainian-officials', '20,150 artillery systems', 'Russian artillery losses'],
  ['ukrainian-officials', '996 air defence systems', 'Russian air defence systems destroyed'],
  ['ukrainian-officials', '18,309 UAVs', 'How many Russian drones?'],
  ['sergei-rudskoy', '1,351 servicemen have died', 'Rudskoy on Russian killed'],
  ['sergei-rudskoy', '3,825 have been injured', 'Rudskoy on Russian wounded'],
  ['ministry-of-defence-russia', 'almost 500 soldiers', 'Russian MoD on Russian deaths as of 2 March 2022'],
  ['ministry-of-defence-russia', 'nearly 1,600 wounded', 'Russian defence ministry on its wounded by 2 March 2022'],
  ['nato', 'roughly 7,000 to 15,000 soldiers', 'NATO estimate of Russian soldiers killed'],
  ['nato', 'up to 40,000 dead, wounded, taken prisoner or missing', 'NATO estimate of Russian casualties'],
  ['associated-press', 'about 15,000 troops', 'Soviet losses in Afghanistan'],
];

describe('answers on the seed data', () => {
  const app = memoryApp();

  it('covers every seeded claim', () => expect(new Set(REACH.map(([c, w]) => `${c}|${w}`)).size).toBe(app.claims.count()));

  it.each(REACH)('%s "%s" is reached by "%s"', (claimant, words, question) => {
    const answer = app.asker.ask(`${question} (all figures)`);
    expect(answer.kind).toBe('figures');
    expect(answerFigures(answer).map((f) => `${f.claimant.id}|${f.words}`)).toContain(`${claimant}|${words}`);
  });

  it("answers Ukraine's claim of Russian losses in November with 45,720, its claimant, outlet and year", () => {
    const answer = app.asker.ask("Ukraine's claim of Russian losses in November");
    const figures = answerFigures(answer);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ low: 45720, high: 45720, claimant: { name: 'Armed Forces of Ukraine' }, source: { publisher: 'Newsweek' }, period: { start: '2024-11-01', end: '2024-11-30' } });
    expect(answer.notes).toContainEqual({ kind: 'year_assumed', label: 'November 2024', which: 'November' });
    const text = renderAnswerText(answer);
    expect(text.split('\n')[0]).toBe('Armed Forces of Ukraine: 45,720 personnel losses, November 2024');
    expect(text).toMatch(/45,720/);
    expect(text).toMatch(/Newsweek/);
    expect(text).toMatch(/November 2024/);
  });

  it('shows figures of different claimants side by side, never merged', () => {
    const answer = app.asker.ask('Russian deaths');
    const claimants = answer.groups.map((g) => g.claimant.name);
    expect(claimants).toEqual(expect.arrayContaining(['UK Ministry of Defence', 'NATO', 'Center for Strategic and International Studies', 'Sergei Rudskoy']));
    for (const g of answer.groups) expect(g.figures.every((f) => f.claimant.id === g.claimant.id)).toBe(true);
    expect(answer.notes).toContainEqual({ kind: 'side_by_side' });
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
    expect(answer.notes[0]).toMatchObject({ kind: 'no_figure' });
    expect(answer.suggestions[0]).toMatchObject({ claimant: { id: 'nato' } });
    expect(answer.example).toBeTruthy();
    expect(renderAnswerText(answer)).toMatch(/nearest figures/);
  });

  it('never calls a finished period "so far" because one figure covers only part of it', () => {
    expect(app.asker.ask('losses 2022').interpretation).not.toMatch(/so far/);
  });

  it("names whose losses each line counts when the answer holds more than one side's", () => {
    const lines = renderAnswerText(app.asker.ask('total deaths in the war')).split('\n\n')[0]!.split('\n').filter((l) => !l.startsWith('Read as'));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/ \(losses of (?:Russia|Ukraine)\): /);
    expect(lines.some((l) => l.includes('(losses of Ukraine)'))).toBe(true);
    // Both sides asked: each side leads within the first two lines, none is left to "more figures" alone.
    const both = app.asker.ask('ukraine vs russia whose losses are bigger');
    expect(new Set(both.groups.slice(0, 2).map((g) => g.figures[0]!.subject.id))).toEqual(new Set(['russia', 'ukraine']));
    // A side asked with nothing held for it is said so.
    expect(app.asker.ask('russian losses in november 2024 and ukrainian losses in november 2024').notes).toContainEqual({ kind: 'side_none', side: 'Ukraine' });
    // One side only: no label.
    expect(renderAnswerText(app.asker.ask('russian losses'))).not.toMatch(/losses of Russia/);
  });

  it('answers an off-topic question with help and no figures', () => {
    const answer = app.asker.ask('what is the weather in Paris');
    expect(['not_understood', 'help']).toContain(answer.kind);
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
    expect(both.notes).toContainEqual(expect.objectContaining({ kind: 'own_disagreement' }));
    expect(renderAnswerText(both)).toMatch(/both are shown/);
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
