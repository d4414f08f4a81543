// Answer -> plain text (the command line, the console chat) and the JSON form of `ask --json`.
// The layout is shared with the chat renderers (to-doc.ts): the direct answer first, one line per
// claimant; the reading in one line; then each claimant's figures under one line per source.
import { lastDayMeant } from './derive.ts';
import { EXAMPLE_QUESTIONS, type Answer, type AnswerFigure, type AnswerGroup } from './compose.ts';
import { answerNoteWords, figureNoteWords, figurePeriod, figureValue, sourceWords } from './words.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { claimantName, partyName } from '../../i18n/names.ts';
import type { Source } from '../model.ts';

/**
 * A block (never split across messages) holds at most this many figures and characters; a longer
 * source section becomes several blocks, each with its heading, so every message names its claimant.
 */
const FIGURES_PER_BLOCK = 8;
const CHARACTERS_PER_BLOCK = 1500;

export interface SourceSection {
  /** The claimant, when every figure of the section is one claimant's; else each line names its own. */
  claimant: { id: string; name: string } | null;
  source: Source;
  /** The source in words, a sole claimant's own name left out. */
  sourceText: string;
  /** The figures, each with whether it is its claimant's lead (already said in the lead lines). */
  entries: { figure: AnswerFigure; lead: boolean }[];
  /** A second or later block of the same source. */
  continued: boolean;
  /** The language of the answer (its lines are written in it). */
  locale?: Locale;
}

export interface AnswerLayout {
  /** One line per claimant: its first figure. */
  leads: { claimant: string; figure: AnswerFigure }[];
  reading: string | null;
  sections: SourceSection[];
  notes: string[];
}

const sourceKey = (s: Source) => JSON.stringify([s.publisher, s.title, s.url]);

/** Figures grouped by source, across claimants, in the order shown; a long group is cut into blocks that each name their claimant. */
/** A claimant's figures said first: its first, and when periods are compared ("2023 vs 2024") its first of each period. */
function leadFigures(answer: Answer, group: Answer['groups'][number]): AnswerFigure[] {
  const periods = 1 + (answer.query?.otherTimes?.length ?? 0);
  if (periods === 1) return group.figures.slice(0, 1);
  const seen = new Set<string>();
  const leads: AnswerFigure[] = [];
  for (const f of group.figures) {
    const period = `${f.period.start}|${f.period.end}`;
    if (seen.has(period) || leads.length >= periods) continue;
    seen.add(period);
    leads.push(f);
  }
  return leads;
}

/**
 * Whose line it is: the claimant, and when the answer holds more than one side's losses ("total
 * deaths in the war"), whose losses the figure counts, so no line can be read as the other side's.
 */
function leadName(answer: Answer, group: AnswerGroup, figure: AnswerFigure, sidesShown: number): string {
  const locale = answer.locale ?? 'en';
  const claimant = claimantName(locale, group.claimant.id, group.claimant.name);
  return sidesShown > 1 ? t(locale, 'lead-with-side', { claimant, side: partyName(locale, figure.subject.id, figure.subject.name) }) : claimant;
}

export function layoutAnswer(answer: Answer): AnswerLayout {
  const locale = answer.locale ?? 'en';
  const sidesShown = new Set(answer.groups.flatMap((g) => g.figures.map((f) => f.subject.id))).size;
  const named = (c: { id: string; name: string }) => ({ ...c, name: claimantName(locale, c.id, c.name) });
  const leads = new Set(answer.groups.flatMap((g) => leadFigures(answer, g)));
  const bySource = new Map<string, AnswerFigure[]>();
  for (const f of answer.groups.flatMap((g) => g.figures)) bySource.set(sourceKey(f.source), [...(bySource.get(sourceKey(f.source)) ?? []), f]);
  const sections: SourceSection[] = [];
  for (const figures of bySource.values()) {
    const claimants = new Set(figures.map((f) => f.claimant.id));
    const claimant = claimants.size === 1 ? named(figures[0]!.claimant) : null;
    // The date a source was published is said once when its figures share it.
    const oneDate = new Set(figures.map((f) => f.source.publishedOn)).size === 1 && !figures.some((f) => f.derived);
    const sourceText = sourceWords(figures[0]!.source, claimants.size === 1 ? figures[0]!.claimant.name : '', oneDate, locale);
    let entries: SourceSection['entries'] = [];
    let size = 0;
    const flush = () => {
      if (entries.length) sections.push({ claimant, source: figures[0]!.source, sourceText, entries, continued: sections.length > 0 && sections.at(-1)!.sourceText === sourceText && sections.at(-1)!.source === figures[0]!.source, locale });
      entries = [];
      size = 0;
    };
    for (const f of figures) {
      const length = figureHeadline(f, locale).length + figureNotes(f, locale).join(' ').length;
      if (entries.length >= FIGURES_PER_BLOCK || (entries.length && size + length > CHARACTERS_PER_BLOCK)) flush();
      entries.push({ figure: f, lead: leads.has(f) });
      size += length;
    }
    flush();
  }
  return {
    leads: answer.groups.flatMap((g) => leadFigures(answer, g).map((figure) => ({ claimant: leadName(answer, g, figure, sidesShown), figure }))),
    reading: answer.interpretation,
    sections,
    notes: answer.notes.map((n) => answerNoteWords(n, EXAMPLE_QUESTIONS, locale)),
  };
}

/** "45,720 personnel losses, November 2024". */
export function figureHeadline(f: AnswerFigure, locale: Locale = 'en'): string {
  return t(locale, 'figure-headline', { value: figureValue(f, locale), period: figurePeriod(f, locale) });
}

/** The figure's notes in words, in order. */
export function figureNotes(f: AnswerFigure, locale: Locale = 'en'): string[] {
  return f.notes.map((n) => figureNoteWords(n, f, locale)).filter((w): w is string => w !== null);
}

export const claimRef = (f: AnswerFigure, locale: Locale = 'en') => (f.claimId ? t(locale, 'claim-ref', { id: String(f.claimId) }) : '');

function figureLines(f: AnswerFigure, locale: Locale): string[] {
  return [`- ${figureHeadline(f, locale)}${claimRef(f, locale)}`, ...figureNotes(f, locale).map((n) => `  ${n}`)];
}

/** A section's heading: the source, and the claimant when it is the only one. */
export function sectionHeading(s: SourceSection): string {
  const locale = s.locale ?? 'en';
  const head = s.claimant ? t(locale, 'section-claimant', { claimant: s.claimant.name, source: s.sourceText }) : t(locale, 'section-source', { source: s.sourceText });
  return `${head}${s.continued ? t(locale, 'continued') : ''}`;
}

/**
 * One entry of a section: a lead figure (already said above) by its claim and notes only; another
 * figure in full. Where the section has several claimants, each entry starts with its claimant.
 */
export function entryLines(s: SourceSection, e: SourceSection['entries'][number]): string[] {
  const locale = s.locale ?? 'en';
  const who = s.claimant ? '' : `${claimantName(locale, e.figure.claimant.id, e.figure.claimant.name)}: `;
  const head = e.lead
    ? `${who}${e.figure.derived ? t(locale, 'figure-above-derived') : `${t(locale, 'figure-above')}${claimRef(e.figure, locale)}`}`
    : `${who}${figureHeadline(e.figure, locale)}${claimRef(e.figure, locale)}`;
  return [`- ${head}`, ...figureNotes(e.figure, locale).map((n) => `  ${n}`)];
}

export function renderAnswerText(answer: Answer): string {
  const locale = answer.locale ?? 'en';
  const out: string[] = [];
  if (answer.kind === 'figures') {
    const layout = layoutAnswer(answer);
    for (const l of layout.leads) out.push(`${l.claimant}: ${figureHeadline(l.figure, locale)}`);
    if (layout.reading) out.push(t(locale, 'read-as', { reading: layout.reading }));
    for (const s of layout.sections) out.push('', `${sectionHeading(s)}${s.source.url ? ` <${s.source.url}>` : ''}`, ...s.entries.flatMap((e) => entryLines(s, e)));
    if (layout.notes.length) out.push('', ...layout.notes);
    return out.join('\n');
  }
  out.push(...answer.notes.map((n) => answerNoteWords(n, EXAMPLE_QUESTIONS, locale)));
  if (answer.suggestions.length) {
    out.push('', t(locale, 'nearest-figures'));
    for (const f of answer.suggestions) out.push(t(locale, 'section-claimant', { claimant: claimantName(locale, f.claimant.id, f.claimant.name), source: sourceWords(f.source, f.claimant.name, true, locale) }), ...figureLines(f, locale));
  }
  if (answer.example) out.push('', t(locale, 'try-example', { example: exampleFor(answer) }));
  return out.join('\n');
}

/** The example a no-match answer offers, in its language. */
export const exampleFor = (answer: Answer) => (answer.example && (answer.locale ?? 'en') !== 'en' ? t(answer.locale, 'example-1') : answer.example);

function figureJson(f: AnswerFigure) {
  const endpoint = (e: NonNullable<AnswerFigure['derived']>['to'] | null) =>
    e && { claimId: e.claimId, periodEnd: e.periodEnd, statedOn: e.statedOn, low: e.low, high: e.high, qualifier: e.qualifier, value: e.value };
  return {
    claimant: f.claimant.name,
    claimantId: f.claimant.id,
    low: f.low,
    high: f.high,
    qualifier: f.qualifier,
    known: f.known,
    words: f.words,
    text: figureHeadline(f),
    metric: f.metric,
    aggregation: f.aggregation,
    subject: f.subject.name,
    periodKind: f.period.kind,
    periodStart: f.period.start,
    periodEnd: f.period.end,
    periodLabel: f.period.label,
    /** The last day the figure can mean: its period end, or the end of the month or year it is dated to. */
    lastDay: lastDayMeant({ periodEnd: f.period.end, statedOn: f.statedOn, statedPrecision: f.statedPrecision }) || null,
    statedOn: f.statedOn,
    statedPrecision: f.statedPrecision,
    source: { publisher: f.source.publisher, title: f.source.title, url: f.source.url, publishedOn: f.source.publishedOn },
    claimId: f.claimId,
    derived: f.derived !== null,
    derivedFrom: f.derived && { from: endpoint(f.derived.from), to: endpoint(f.derived.to), days: f.derived.days },
    corrections: f.corrections,
    notes: f.notes,
    noteText: figureNotes(f),
  };
}

/** The JSON form of `npm run ask -- --json`: every figure shown, flat, with its notes as data and in words. */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    kind: answer.kind,
    interpretation: answer.interpretation,
    query: answer.query,
    figures: answer.groups.flatMap((g) => g.figures.map(figureJson)),
    suggestions: answer.suggestions.map(figureJson),
    notes: answer.notes,
    noteText: answer.notes.map((n) => answerNoteWords(n, EXAMPLE_QUESTIONS)),
    text: renderAnswerText(answer),
  };
}
