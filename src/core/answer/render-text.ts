// Answer -> plain text (the command line, the console chat) and the JSON form of `ask --json`.
// The layout is shared with the chat renderers (to-doc.ts): the direct answer first, one line per
// claimant; the reading in one line; then each claimant's figures under one line per source.
import { lastDayMeant } from './derive.ts';
import { EXAMPLE_QUESTIONS, type Answer, type AnswerFigure, type AnswerGroup } from './compose.ts';
import { answerNoteWords, figureNoteWords, figurePeriod, figureValue, sourceWords } from './words.ts';
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
export function layoutAnswer(answer: Answer): AnswerLayout {
  const leads = new Set(answer.groups.map((g) => g.figures[0]!));
  const bySource = new Map<string, AnswerFigure[]>();
  for (const f of answer.groups.flatMap((g) => g.figures)) bySource.set(sourceKey(f.source), [...(bySource.get(sourceKey(f.source)) ?? []), f]);
  const sections: SourceSection[] = [];
  for (const figures of bySource.values()) {
    const claimants = new Set(figures.map((f) => f.claimant.id));
    const claimant = claimants.size === 1 ? figures[0]!.claimant : null;
    // The date a source was published is said once when its figures share it.
    const oneDate = new Set(figures.map((f) => f.source.publishedOn)).size === 1 && !figures.some((f) => f.derived);
    const sourceText = sourceWords(figures[0]!.source, claimant?.name ?? '', oneDate);
    let entries: SourceSection['entries'] = [];
    let size = 0;
    const flush = () => {
      if (entries.length) sections.push({ claimant, source: figures[0]!.source, sourceText, entries, continued: sections.length > 0 && sections.at(-1)!.sourceText === sourceText && sections.at(-1)!.source === figures[0]!.source });
      entries = [];
      size = 0;
    };
    for (const f of figures) {
      const length = figureHeadline(f).length + figureNotes(f).join(' ').length;
      if (entries.length >= FIGURES_PER_BLOCK || (entries.length && size + length > CHARACTERS_PER_BLOCK)) flush();
      entries.push({ figure: f, lead: leads.has(f) });
      size += length;
    }
    flush();
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

/** A section's heading: the source, and the claimant when it is the only one. */
export function sectionHeading(s: SourceSection): string {
  const who = s.claimant ? `${s.claimant.name}; source` : 'Source';
  return `${who}: ${s.sourceText}${s.continued ? ' (continued)' : ''}`;
}

/**
 * One entry of a section: a lead figure (already said above) by its claim and notes only; another
 * figure in full. Where the section has several claimants, each entry starts with its claimant.
 */
export function entryLines(s: SourceSection, e: SourceSection['entries'][number]): string[] {
  const who = s.claimant ? '' : `${e.figure.claimant.name}: `;
  const head = e.lead ? `${who}figure above${e.figure.derived ? ' (derived)' : claimRef(e.figure)}` : `${who}${figureHeadline(e.figure)}${claimRef(e.figure)}`;
  return [`- ${head}`, ...figureNotes(e.figure).map((n) => `  ${n}`)];
}

export function renderAnswerText(answer: Answer): string {
  const out: string[] = [];
  if (answer.kind === 'figures') {
    const layout = layoutAnswer(answer);
    for (const l of layout.leads) out.push(`${l.claimant}: ${figureHeadline(l.figure)}`);
    if (layout.reading) out.push(`Read as: ${layout.reading}`);
    for (const s of layout.sections) out.push('', `${sectionHeading(s)}${s.source.url ? ` <${s.source.url}>` : ''}`, ...s.entries.flatMap((e) => entryLines(s, e)));
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
