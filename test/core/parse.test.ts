import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuestion, QueryVocabulary } from '../../src/core/query/parse.ts';
import type { ParseResult, TimeSpec } from '../../src/core/query/types.ts';
import { memoryApp } from '../helpers.ts';

const TODAY = '2026-11-23';
const app = memoryApp();
const vocab = new QueryVocabulary(app.service.directory());
const parse = (q: string): ParseResult => parseQuestion(q, vocab, TODAY);

const LOSSES = ['personnel', 'killed', 'wounded', 'killed_or_wounded', 'killed_or_missing', 'casualties', 'irreversible'];
const DEATHS = ['killed', 'killed_or_missing'];
// Casualties include a claimant's separate killed and wounded figures.
const CASUALTIES = ['personnel', 'killed_or_wounded', 'casualties', 'killed', 'wounded'];
const U: TimeSpec = { kind: 'unspecified' };
const LATEST: TimeSpec = { kind: 'latest' };
const month = (y: number, m: number, yearless = false) => {
  const mm = String(m).padStart(2, '0');
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { kind: 'range', start: `${y}-${mm}-01`, end, granularity: 'month', yearless } as const;
};
const day = (iso: string, yearless = false) => ({ kind: 'range', start: iso, end: iso, granularity: 'day', yearless }) as const;
const span = (start: string, end: string) => ({ kind: 'range', start, end }) as const;
const asOf = (date: string, yearless = false): TimeSpec => ({ kind: 'asOf', date, yearless });
const year = (y: number) => ({ kind: 'range', start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year' }) as const;
const quarter = (y: number, q: number, yearless = false) => {
  const start = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
  return { kind: 'range', start, end, granularity: 'quarter', yearless } as const;
};

interface Expect {
  claimants?: string[];
  sides?: string[];
  subjects?: string[];
  metrics?: string[];
  time?: Partial<TimeSpec> | TimeSpec;
}

// [question, expected]; fields left out are not checked.
const CASES: [string, Expect][] = [
  // Claimants: bodies, people and whole sides.
  ["Ukraine's claim of Russian losses in November", { sides: ['ukraine'], subjects: ['russia'], metrics: LOSSES, time: month(2026, 11, true) }],
  ['Ukraine’s claim of Russian losses in November', { sides: ['ukraine'], subjects: ['russia'], time: month(2026, 11, true) }],
  ['UKRAINE\'S CLAIM OF RUSSIAN LOSSES IN NOVEMBER', { sides: ['ukraine'], subjects: ['russia'] }],
  ["  ukraine's   claim of  russian losses  ", { sides: ['ukraine'], subjects: ['russia'], time: U }],
  ['UK estimate of Russian deaths', { sides: ['united-kingdom'], subjects: ['russia'], metrics: DEATHS, time: U }],
  ['UK MoD estimate of Russian deaths', { claimants: ['uk-ministry-of-defence'], subjects: ['russia'], metrics: DEATHS }],
  ['British intelligence on Russian casualties', { claimants: ['uk-ministry-of-defence'], subjects: ['russia'], metrics: CASUALTIES }],
  ['what does British military intelligence say about Russian dead', { claimants: ['uk-ministry-of-defence'], subjects: ['russia'], metrics: DEATHS }],
  ['How many tanks has Russia lost?', { sides: [], subjects: ['russia'], metrics: ['tanks'], time: U }],
  ['how many tanks has russia lost', { subjects: ['russia'], metrics: ['tanks'] }],
  ['according to Kyiv, how many Russian soldiers died?', { sides: ['ukraine'], subjects: ['russia'], metrics: DEATHS }],
  ['Russian losses according to Kyiv', { sides: ['ukraine'], subjects: ['russia'], metrics: LOSSES }],
  ['Russian losses according to the UK', { sides: ['united-kingdom'], subjects: ['russia'] }],
  ['What does Russia say about Ukrainian losses?', { sides: ['russia'], subjects: ['ukraine'], metrics: LOSSES }],
  ['What does Russia say about its own losses?', { sides: ['russia'], subjects: ['russia'] }],
  ['what does moscow say about its own losses', { sides: ['russia'], subjects: ['russia'] }],
  ['Putin on Ukrainian losses', { claimants: ['vladimir-putin'], subjects: ['ukraine'], metrics: LOSSES }],
  ["Putin's claim of Ukrainian casualties", { claimants: ['vladimir-putin'], subjects: ['ukraine'], metrics: CASUALTIES }],
  ['putin ukrainian losses past month', { claimants: ['vladimir-putin'], subjects: ['ukraine'], time: span('2026-10-24', '2026-11-22') }],
  ['Vladimir Putin on Ukrainian irreversible losses', { claimants: ['vladimir-putin'], subjects: ['ukraine'], metrics: ['irreversible'] }],
  ['CSIS', { claimants: ['csis'], subjects: [] }],
  ['CSIS estimate of Russians killed', { claimants: ['csis'], subjects: ['russia'], metrics: DEATHS }],
  ['csis russian killed or missing', { claimants: ['csis'], subjects: ['russia'], metrics: ['killed_or_missing'] }],
  ['Center for Strategic and International Studies on Russian deaths', { claimants: ['csis'], subjects: ['russia'] }],
  ['NATO estimate of Russian soldiers killed', { claimants: ['nato'], subjects: ['russia'], metrics: DEATHS }],
  ["NATO's estimate of Russian casualties in the first month of the war", { claimants: ['nato'], subjects: ['russia'], time: span('2022-02-24', '2022-03-23') }],
  ['What does the alliance say about Russian dead?', { claimants: ['nato'], subjects: ['russia'] }],
  ['Zelensky on Ukrainian deaths', { claimants: ['volodymyr-zelensky'], subjects: ['ukraine'], metrics: DEATHS }],
  ['Zelenskyy on Ukrainian deaths', { claimants: ['volodymyr-zelensky'], subjects: ['ukraine'] }],
  ['Zelenksy on Ukrainian deaths', { claimants: ['volodymyr-zelensky'], subjects: ['ukraine'] }],
  ['zelenskiy ukrainian killed', { claimants: ['volodymyr-zelensky'], subjects: ['ukraine'], metrics: DEATHS }],
  ['how many Ukrainians have been killed according to Zelensky', { claimants: ['volodymyr-zelensky'], subjects: ['ukraine'], metrics: DEATHS }],
  ['Russian MoD on Russian deaths', { claimants: ['ministry-of-defence-russia'], subjects: ['russia'], metrics: DEATHS }],
  ['Russian defence ministry figures for its own dead', { claimants: ['ministry-of-defence-russia'], subjects: ['russia'] }],
  ['Russian defense ministry on Russian wounded', { claimants: ['ministry-of-defence-russia'], subjects: ['russia'], metrics: ['wounded'] }],
  ['Rudskoy on Russian killed', { claimants: ['sergei-rudskoy'], subjects: ['russia'], metrics: DEATHS }],
  ['General Staff tanks', { claimants: ['general-staff-ukraine'], metrics: ['tanks'] }],
  ["Ukraine's General Staff on Russian tanks", { claimants: ['general-staff-ukraine'], subjects: ['russia'], metrics: ['tanks'] }],
  ['Ukrainian General Staff russian personnel losses', { claimants: ['general-staff-ukraine'], subjects: ['russia'] }],
  ['Ukrainian MoD on Russian losses', { claimants: ['ministry-of-defence-ukraine'], subjects: ['russia'] }],
  ['Ukraine MoD Russian personnel', { claimants: ['ministry-of-defence-ukraine'], subjects: ['russia'], metrics: ['personnel'] }],
  ["Ukraine's defence ministry on Russian casualties", { claimants: ['ministry-of-defence-ukraine'], subjects: ['russia'], metrics: CASUALTIES }],
  ['Ukrainian defense ministry: Russian losses', { claimants: ['ministry-of-defence-ukraine'], subjects: ['russia'] }],
  ['Armed Forces of Ukraine figures for Russian losses', { claimants: ['armed-forces-ukraine'], subjects: ['russia'] }],
  ['ZSU russian losses', { claimants: ['armed-forces-ukraine'], subjects: ['russia'] }],
  ['Ukrainian officials on Russian tanks', { claimants: ['ukrainian-officials'], subjects: ['russia'], metrics: ['tanks'] }],
  ['Kremlin on Ukrainian losses', { sides: ['russia'], subjects: ['ukraine'] }],
  ['Kyiv on Russian losses', { sides: ['ukraine'], subjects: ['russia'] }],
  ['Kiev says Russian losses', { sides: ['ukraine'], subjects: ['russia'] }],
  ['Ukrainian claims of Russian tanks destroyed', { sides: ['ukraine'], subjects: ['russia'], metrics: ['tanks'] }],
  ['Russian claims of Ukrainian losses', { sides: ['russia'], subjects: ['ukraine'] }],
  ['what do Ukrainian sources say about Russian deaths', { sides: ['ukraine'], subjects: ['russia'], metrics: DEATHS }],
  ['how many drones has Ukraine destroyed', { sides: ['ukraine'], metrics: ['uavs'] }],
  ['American press on Ukrainian dead', { claimants: ['us-press-unnamed'], subjects: ['ukraine'], metrics: DEATHS }],
  ['Newsweek on Russian deserters', { claimants: ['newsweek'], subjects: ['russia'], metrics: ['deserters'] }],
  ['AP Soviet losses in Afghanistan', { claimants: ['associated-press'], subjects: ['soviet-union'] }],
  // Subjects and metrics with their synonyms.
  ['Russian losses', { subjects: ['russia'], metrics: LOSSES, time: U }],
  ['Ukrainian losses', { subjects: ['ukraine'], metrics: LOSSES }],
  ['Ukrainian casualties', { subjects: ['ukraine'], metrics: CASUALTIES }],
  ['russian casulties', { subjects: ['russia'], metrics: CASUALTIES }],
  ['Russian deaths', { subjects: ['russia'], metrics: DEATHS }],
  ['Russian dead', { subjects: ['russia'], metrics: DEATHS }],
  ['Russian KIA', { subjects: ['russia'], metrics: DEATHS }],
  ['Russian soldiers killed in action', { subjects: ['russia'], metrics: DEATHS }],
  ['russian fatalities', { subjects: ['russia'], metrics: DEATHS }],
  ['Russian death toll', { subjects: ['russia'], metrics: DEATHS }],
  ['how many Russians died', { subjects: ['russia'], metrics: DEATHS }],
  ['Russian wounded', { subjects: ['russia'], metrics: ['wounded'] }],
  ['Russian injured', { subjects: ['russia'], metrics: ['wounded'] }],
  ['how many russian soldiers were injured', { subjects: ['russia'], metrics: ['wounded'] }],
  ['Russian killed or wounded', { subjects: ['russia'], metrics: CASUALTIES }],
  ['Russian dead and wounded', { subjects: ['russia'], metrics: CASUALTIES }],
  ['Ukrainian irreversible losses', { subjects: ['ukraine'], metrics: ['irreversible'] }],
  ['Russian personnel losses', { subjects: ['russia'], metrics: ['personnel'] }],
  ['Russian manpower losses', { subjects: ['russia'], metrics: ['personnel'] }],
  ['Russian troops lost', { subjects: ['russia'], metrics: LOSSES }],
  ['Russian deserters', { subjects: ['russia'], metrics: ['deserters'] }],
  ['Russian desertions', { subjects: ['russia'], metrics: ['deserters'] }],
  ['Russian prisoners of war', { subjects: ['russia'], metrics: ['captured'] }],
  ['Russian POWs', { subjects: ['russia'], metrics: ['captured'] }],
  ['Russian missing', { subjects: ['russia'], metrics: ['killed_or_missing', 'casualties'] }],
  ['Russian tanks', { subjects: ['russia'], metrics: ['tanks'] }],
  ['Russian tank losses', { subjects: ['russia'], metrics: ['tanks'] }],
  ['Russian armoured vehicles', { subjects: ['russia'], metrics: ['armoured_vehicles'] }],
  ['Russian armored personnel carriers', { subjects: ['russia'], metrics: ['armoured_vehicles'] }],
  ['Russian APCs', { subjects: ['russia'], metrics: ['armoured_vehicles'] }],
  ['Russian artillery', { subjects: ['russia'], metrics: ['artillery'] }],
  ['Russian artillery systems lost', { subjects: ['russia'], metrics: ['artillery'] }],
  ['Russian MLRS', { subjects: ['russia'], metrics: ['mlrs'] }],
  ['Russian multiple rocket launchers', { subjects: ['russia'], metrics: ['mlrs'] }],
  ['Russian air defence', { subjects: ['russia'], metrics: ['air_defence'] }],
  ['Russian air defense systems', { subjects: ['russia'], metrics: ['air_defence'] }],
  ['Russian anti-aircraft systems', { subjects: ['russia'], metrics: ['air_defence'] }],
  ['Russian aircraft', { subjects: ['russia'], metrics: ['aircraft'] }],
  ['Russian planes shot down', { subjects: ['russia'], metrics: ['aircraft'] }],
  ['Russian helicopters', { subjects: ['russia'], metrics: ['helicopters'] }],
  ['Russian drones', { subjects: ['russia'], metrics: ['uavs'] }],
  ['Russian UAVs', { subjects: ['russia'], metrics: ['uavs'] }],
  ['Russian cruise missiles', { subjects: ['russia'], metrics: ['cruise_missiles'] }],
  ['Russian warships', { subjects: ['russia'], metrics: ['ships'] }],
  ['Russian ships and boats', { subjects: ['russia'], metrics: ['ships'] }],
  ['Russian submarines', { subjects: ['russia'], metrics: ['submarines'] }],
  ['Russian vehicles and fuel tanks', { subjects: ['russia'], metrics: ['vehicles'] }],
  ['Russian trucks', { subjects: ['russia'], metrics: ['vehicles'] }],
  ['Russian special equipment', { subjects: ['russia'], metrics: ['special_equipment'] }],
  ['Russian tanks and artillery', { subjects: ['russia'], metrics: ['tanks', 'artillery'] }],
  ['Russian tanks, drones and helicopters', { subjects: ['russia'], metrics: ['tanks', 'helicopters', 'uavs'] }],
  ['Russian equipment losses', { subjects: ['russia'], metrics: ['tanks', 'armoured_vehicles', 'artillery', 'mlrs', 'air_defence', 'aircraft', 'helicopters', 'uavs', 'cruise_missiles', 'ships', 'submarines', 'vehicles', 'special_equipment', 'srbm_launchers', 'ground_robots'] }],
  ['losses of Russia', { subjects: ['russia'], metrics: LOSSES }],
  ["Russia's losses", { subjects: ['russia'], metrics: LOSSES }],
  ['russias losses', { subjects: ['russia'] }],
  ['how many soldiers has Ukraine lost', { subjects: ['ukraine'], metrics: LOSSES }],
  ['Russain losses', { subjects: ['russia'] }],
  ['Ukranian losses', { subjects: ['ukraine'] }],
  ['Soviet losses in Afghanistan', { subjects: ['soviet-union'] }],
  // Time.
  ['Russian losses in November 2024', { subjects: ['russia'], time: month(2024, 11) }],
  ['Russian losses in Nov 2024', { time: month(2024, 11) }],
  ['Russian losses in september', { time: month(2026, 9, true) }],
  ['Russian losses in December', { time: month(2025, 12, true) }],
  ['Russian losses during October 2024', { time: month(2024, 10) }],
  ['Russian losses in may 2024', { time: month(2024, 5) }],
  ['how many tanks may Russia have lost', { metrics: ['tanks'], time: U }],
  ['Russian losses on 11 November', { time: day('2026-11-11', true) }],
  ['Russian losses on November 11, 2024', { time: day('2024-11-11') }],
  ['Russian losses on 2024-11-11', { time: day('2024-11-11') }],
  ['Russian losses on the 28th of November 2024', { time: day('2024-11-28') }],
  ['Russian losses December 3', { time: day('2025-12-03', true) }],
  ['Russian losses as of 5 Nov 2024', { time: asOf('2024-11-05') }],
  ['Russian losses as of November 5, 2024', { time: asOf('2024-11-05') }],
  ['Russian losses by March 2023', { time: asOf('2023-03-31') }],
  ['Russian losses by the end of 2023', { time: asOf('2023-12-31') }],
  ['Russian deaths up to 1 March 2022', { time: asOf('2022-03-01') }],
  ['Russian losses in 2023', { time: year(2023) }],
  ['Russian tanks 2024', { metrics: ['tanks'], time: year(2024) }],
  ['Russian losses during 2022', { time: year(2022) }],
  ['Russian losses Q1 2025', { time: quarter(2025, 1) }],
  ['Russian losses in q3 2024', { time: quarter(2024, 3) }],
  ['Russian losses in the first quarter of 2025', { time: quarter(2025, 1) }],
  ['Russian losses in the fourth quarter of 2024', { time: quarter(2024, 4) }],
  ['Russian losses in the second quarter', { time: quarter(2026, 2, true) }],
  ['Russian losses in the first half of 2024', { time: span('2024-01-01', '2024-06-30') }],
  ['Russian losses between September and November 2024', { time: span('2024-09-01', '2024-11-30') }],
  ['Russian losses from September to November 2024', { time: span('2024-09-01', '2024-11-30') }],
  ['Russian losses between 1 October 2024 and 15 October 2024', { time: span('2024-10-01', '2024-10-15') }],
  ['Russian losses from October 1 to October 15, 2024', { time: span('2024-10-01', '2024-10-15') }],
  ['Russian losses between November 2024 and February 2025', { time: span('2024-11-01', '2025-02-28') }],
  ['Russian losses between 2023 and 2024', { time: span('2023-01-01', '2024-12-31') }],
  ['Russian losses since the start of the war', { time: LATEST }],
  ['Russian losses since the beginning of the invasion', { time: LATEST }],
  ['Russian losses since the full-scale invasion', { time: LATEST }],
  ['Russian losses so far', { time: LATEST }],
  ['Russian losses to date', { time: LATEST }],
  ['total Russian losses', { time: LATEST }],
  ['latest Russian losses', { time: LATEST }],
  ['most recent figure for Russian tanks', { metrics: ['tanks'], time: LATEST }],
  ['Russian losses in the first month of the war', { time: span('2022-02-24', '2022-03-23') }],
  ['Russian losses in the first week of the invasion', { time: span('2022-02-24', '2022-03-02') }],
  ['Russian losses in the first year of the war', { time: span('2022-02-24', '2023-02-23') }],
  ['Russian losses in the past week', { time: span('2026-11-16', '2026-11-22') }],
  ['Russian losses over the past month', { time: span('2026-10-24', '2026-11-22') }],
  ['Russian losses in the past 30 days', { time: span('2026-10-24', '2026-11-22') }],
  ['Russian losses last week', { time: span('2026-11-16', '2026-11-22') }],
  ['Russian losses last month', { time: span('2026-10-01', '2026-10-31') }],
  ['Russian losses last year', { time: span('2025-01-01', '2025-12-31') }],
  ['Russian losses yesterday', { time: day('2026-11-22') }],
  ['Russian losses in the past day', { time: day('2026-11-22') }],
  ['Russian losses this month', { time: span('2026-11-01', '2026-11-22') }],
  ['Russian losses this year', { time: span('2026-01-01', '2026-11-22') }],
  ['Russian losses since March 2024', { time: span('2024-03-01', '2026-11-22') }],
  ['Russian losses since 2024', { time: span('2024-01-01', '2026-11-22') }],
];

describe('question parser: table of questions', () => {
  it('has at least 150 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(150));

  it.each(CASES)('%s', (question, expected) => {
    const result = parse(question);
    expect(result.kind, JSON.stringify(result)).toBe('query');
    if (result.kind !== 'query') return;
    if (expected.claimants) expect(result.claimants).toEqual(expected.claimants);
    if (expected.sides) expect(result.sides).toEqual(expected.sides);
    if (expected.subjects) expect(result.subjects).toEqual(expected.subjects);
    if (expected.metrics) expect([...result.metrics].sort()).toEqual([...expected.metrics].sort());
    if (expected.time) expect(result.time).toMatchObject(expected.time);
  });
});

describe('question parser: help and not understood', () => {
  it.each(['help', '/help', 'what can you do', '?', 'hello', ''])('%j is a request for help', (q) => {
    expect(parse(q).kind).toBe('help');
  });
  it.each(['what is the weather like', 'tell me a joke', 'weather in odesa', 'trains to moscow', 'who won yesterday'])('%j is off topic: help', (q) => {
    expect(parse(q).kind).toBe('help');
  });
  it.each(['in November', '12345', '@everyone', '<b>hi there friend</b>', 'asdf qwerty'])('%j is not understood', (q) => {
    expect(parse(q)).toMatchObject({ kind: 'not_understood' });
  });
  it('refuses a question over the length limit with the limit named', () => {
    expect(parse(`Russian losses ${'x'.repeat(600)}`)).toMatchObject({ kind: 'not_understood', reason: expect.stringMatching(/at most 500 characters/) });
  });
});

describe('question parser: property', () => {
  it('never throws, and returns a valid query, help or "not understood" for any text', () => {
    const words = fc.constantFrom('Russian', 'Ukraine', "'s", 'losses', 'in', 'November', 'between', 'and', 'Q1', '2024', 'as of', 'by', 'Putin', 'UK', 'MoD', 'tanks', '@everyone', '<b>', '**', 'since', 'the', 'war', '\u202e', '🙂', '31', 'Feb', '-', '’');
    const text = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, (q) => {
        const r = parse(q);
        expect(['query', 'help', 'not_understood']).toContain(r.kind);
        if (r.kind === 'query') {
          expect(r.metrics.length).toBeGreaterThan(0);
          if (r.time.kind === 'range') expect(r.time.start <= r.time.end).toBe(true);
        }
        if (r.kind === 'not_understood') expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
