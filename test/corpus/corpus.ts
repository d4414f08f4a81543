// The question corpus of issue 16 (test/corpus/questions.en.txt): reading it, and checking a
// reading and an answer against a case. Shared by the table test and `npm run eval`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParseResult, Query } from '../../src/core/query/types.ts';

export const CORPUS_TODAY = '2026-11-23';

/** The corpus files, one per language: questions.<language>.txt. */
export const CORPUS_LANGUAGES = ['en', 'uk', 'ru'] as const;

export interface CorpusCase {
  /** The language of the file the case comes from; a query must be read as written in it. */
  language: string;
  kind: string;
  question: string;
  expect: Record<string, string>;
  line: number;
}

const SETS: Record<string, string[]> = {
  LOSSES: ['personnel', 'killed', 'wounded', 'killed_or_wounded', 'killed_or_missing', 'casualties', 'irreversible'],
  DEATHS: ['killed', 'killed_or_missing'],
  CASUALTIES: ['casualties', 'personnel', 'killed_or_wounded', 'killed', 'wounded'],
  EQUIPMENT: ['tanks', 'armoured_vehicles', 'artillery', 'mlrs', 'air_defence', 'aircraft', 'helicopters', 'uavs', 'cruise_missiles', 'ships', 'submarines', 'vehicles', 'special_equipment', 'srbm_launchers', 'ground_robots'],
};

export function corpusFile(language: string): string {
  return fileURLToPath(new URL(`./questions.${language}.txt`, import.meta.url));
}

export function readCorpus(file = corpusFile('en')): CorpusCase[] {
  const language = /questions\.([a-z]+)\.txt$/.exec(file)?.[1] ?? 'en';
  const cases: CorpusCase[] = [];
  let kind = '';
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, n) => {
      const line = raw.trim();
      if (!line || line.startsWith('# ')) return;
      if (line.startsWith('## ')) {
        kind = line.slice(3).trim();
        return;
      }
      const [question, spec = ''] = line.split(' | ');
      const expect: Record<string, string> = {};
      for (const part of spec.trim().split(/\s+/).filter(Boolean)) {
        const eq = part.indexOf('=');
        if (eq < 0) expect[part] = 'true';
        else expect[part.slice(0, eq)] = part.slice(eq + 1);
      }
      cases.push({ language, kind, question: question!.trim(), expect, line: n + 1 });
    });
  return cases;
}

const list = (v: string) => (v === '-' || v === '' ? [] : v.split(','));
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** What is wrong with a reading, one line per field; empty when it is right. */
export function checkReading(c: CorpusCase, r: ParseResult): string[] {
  const e = c.expect;
  const problems: string[] = [];
  const kind = e.k ?? 'query';
  const got = r.kind === 'not_understood' ? 'nu' : r.kind;
  if (kind !== got) return [`kind: expected ${kind}, got ${got}${r.kind === 'query' ? ` (${r.reading})` : ''}`];
  if (r.kind !== 'query') return [];
  const q: Query = r;
  if (q.locale !== c.language) problems.push(`locale: expected ${c.language}, got ${q.locale}`);
  const field = (key: string, actual: readonly string[]) => {
    if (e[key] !== undefined && !sameSet(list(e[key]!), actual)) problems.push(`${key}: expected [${e[key]}], got [${actual.join(',')}]`);
  };
  field('c', q.claimants);
  field('s', q.sides);
  field('subj', q.subjects);
  field('ag', q.agents);
  if (e.x) for (const id of list(e.x)) if (!q.excluded.includes(id)) problems.push(`x: ${id} not excluded (got [${q.excluded.join(',')}])`);
  if (e.u !== undefined) {
    const wanted = list(e.u);
    if (!wanted.length && q.unknown.length) problems.push(`u: expected none, got [${q.unknown.join(',')}]`);
    for (const name of wanted) if (!q.unknown.some((u) => u.toLowerCase().includes(name.toLowerCase()))) problems.push(`u: ${name} not among [${q.unknown.join(',')}]`);
  }
  if (e.m) {
    const wanted = e.m === 'ALL' ? null : list(e.m).flatMap((m) => SETS[m] ?? [m]);
    if (wanted && !sameSet([...new Set(wanted)], q.metrics)) problems.push(`m: expected [${e.m}], got [${q.metrics.join(',')}]`);
  }
  if (e.t) {
    const t = q.time;
    const actual = t.kind === 'range' ? `${t.start}..${t.end}` : t.kind === 'asOf' ? `asof:${t.date}` : t.kind;
    if (actual !== e.t) problems.push(`t: expected ${e.t}, got ${actual}`);
  }
  if (e.t2 !== undefined) {
    const actual = (q.otherTimes ?? []).map((t) => (t.kind === 'range' ? `${t.start}..${t.end}` : t.kind === 'asOf' ? `asof:${t.date}` : t.kind));
    if (list(e.t2).join(',') !== actual.join(',')) problems.push(`t2: expected [${e.t2}], got [${actual.join(',')}]`);
  }
  if (e.role && q.timeRole !== e.role) problems.push(`role: expected ${e.role}, got ${q.timeRole}`);
  if (e.partial && !q.partial) problems.push('partial: expected the period to be flagged partial');
  if (e.cmp && !q.compare) problems.push('cmp: expected a comparison');
  if (e.broader && !q.broader.includes(e.broader as never)) problems.push(`broader: ${e.broader} not among [${q.broader.join(',')}]`);
  return problems;
}

/** What is wrong with an answer's figures for a case with `fig=`; empty when right or not asked. */
export function checkFigures(c: CorpusCase, figures: { low: number | null; high: number | null }[]): string[] {
  const e = c.expect.fig;
  if (e === undefined) return [];
  if (e === 'none') return figures.length ? [`fig: expected none, got ${figures.length}`] : [];
  const problems: string[] = [];
  for (const v of list(e).map(Number)) if (!figures.some((f) => f.low === v || f.high === v)) problems.push(`fig: ${v} not among [${figures.map((f) => f.low ?? f.high).join(',')}]`);
  return problems;
}
