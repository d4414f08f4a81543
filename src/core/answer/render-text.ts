// Answer -> plain text (the command line, the console chat) and the JSON form of `ask --json`.
// The layout is shared with the chat renderers (to-doc.ts): the direct answer first, one line per
// claimant; the reading in one line; then each claimant's figures under one line per source.
import { lastDayMeant } from './derive.ts';
import { EXAMPLE_QUESTIONS, type Answer, type AnswerFigure, type AnswerGroup } from './compose.ts';
import { answerNoteWords, figureNoteWords, figurePeriod, figureValue, sourceWords } from './words.ts';
import type { Source } from '../model.ts';

/** At most this many figures under one source line in one block, so a split message keeps its heading. */
const FIGURES_PER_BLOCK = 8;

export interface SourceSection {
  claimant: AnswerGroup['claimant'];
  source: Source;
  /** The source in words, the claimant's own name left out. */
  sourceText: string;
  figures: AnswerFigure[];
  /** A second or later block of the same claimant and source. */
  continued: boolean;
}

export interface AnswerLayout {
  /** One line per claimant: its first figure. */
  leads: { claimant: string; figure: AnswerFigure }[];
  reading: string | null;
  sections: SourceSection[];
  notes: string[];
}

const sourceKey = (s: Source) => JSON.stringify([s.publisher, s.title, s.url]);

export function layoutAnswer(answer: Answer): AnswerLayout {
  const sections: SourceSection[] = [];
  for (const g of answer.groups) {
    const bySource = new Map<string, AnswerFigure[]>();
    for (const f of g.figures) bySource.set(sourceKey(f.source), [...(bySource.get(sourceKey(f.source)) ?? []), f]);
    for (const figures of bySource.values()) {
      // The date a source was published is said once when its figures share it.
      const oneDate = new Set(figures.map((f) => f.source.publishedOn)).size === 1 && !figures.some((f) => f.derived);
      const sourceText = sourceWords(figures[0]!.source, g.claimant.name, oneDate);
      for (let i = 0; i < figures.length; i += FIGURES_PER_BLOCK)
        sections.push({ claimant: g.claimant, source: figures[0]!.source, sourceText, figures: figures.slice(i, i + FIGURES_PER_BLOCK), continued: i > 0 });
    }
  }
  return {
    leads: answer.groups.map((g) => ({ claimant: g.claimant.name, figure: g.figures[0]! })),
    reading: answer.interpretation,
    sections,
    notes: answer.notes.map((n) => answerNoteWords(n, EXAMPLE_QUESTIONS)),
  };
}

/** "45,720 personnel losses, November 2024". */
export function figureHeadline(f: AnswerFigure): string {
  return `${figureValue(f)}, ${figurePeriod(f)}`;
}

/** The figure's notes in words, in order. */
export function figureNotes(f: AnswerFigure): string[] {
  return f.notes.map((n) => figureNoteWords(n, f)).filter((t): t is string => t !== null);
}

export const claimRef = (f: AnswerFigure) => (f.claimId ? ` (claim #${f.claimId})` : '');

function figureLines(f: AnswerFigure): string[] {
  return [`- ${figureHeadline(f)}${claimRef(f)}`, ...figureNotes(f).map((n) => `  ${n}`)];
}

function sectionHeading(s: SourceSection): string {
  return `${s.claimant.name}${s.continued ? ' (continued)' : ''}; source: ${s.sourceText}${s.source.url ? ` <${s.source.url}>` : ''}`;
}

export function renderAnswerText(answer: Answer): string {
  const out: string[] = [];
  if (answer.kind === 'figures') {
    const layout = layoutAnswer(answer);
    for (const l of layout.leads) out.push(`${l.claimant}: ${figureHeadline(l.figure)}`);
    if (layout.reading) out.push(`Read as: ${layout.reading}`);
    for (const s of layout.sections) out.push('', sectionHeading(s), ...s.figures.flatMap(figureLines));
    if (layout.notes.length) out.push('', ...layout.notes);
    return out.join('\n');
  }
  out.push(...answer.notes.map((n) => answerNoteWords(n, EXAMPLE_QUESTIONS)));
  if (answer.suggestions.length) {
    out.push('', 'The nearest figures I hold:');
    for (const f of answer.suggestions) out.push(`${f.claimant.name}; source: ${sourceWords(f.source, f.claimant.name, true)}`, ...figureLines(f));
  }
  if (answer.example) out.push('', `Try, for example: "${answer.example}"`);
  return out.join('\n');
}

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
