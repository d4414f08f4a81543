// Answer -> neutral doc: one heading per claimant, one block per figure, so a renderer can split
// a long answer between figures and never inside one.
import { bold, doc, heading, item, italic, link, paragraph, safeLink, text, type Doc, type Span } from '../doc.ts';
import { describeMetric, describeStated } from '../format.ts';
import { figureParts } from './render-text.ts';
import { formatDate } from '../dates.ts';
import type { Answer, AnswerFigure } from './compose.ts';

function sourceSpans(f: AnswerFigure): Span[] {
  const s = f.source;
  const name = s.publisher ?? 'outlet not named';
  const url = safeLink(s.url);
  const spans: Span[] = [text('source: '), url ? link(name, url) : text(name)];
  if (s.publishedOn) spans.push(text(`, ${formatDate(s.publishedOn)}`));
  return spans;
}

export function figureSpans(f: AnswerFigure): Span[] {
  const { value, exact, period } = figureParts(f);
  const spans: Span[] = [
    bold(value),
    text(`${exact} ${describeMetric(f.metric)}, ${f.subject.name}; ${period}${f.derived ? ' (derived)' : ''}\n`),
    text(`${describeStated({ statedOn: f.statedOn, statedPrecision: f.statedPrecision })}; `),
    ...sourceSpans(f),
  ];
  if (f.claimId) spans.push(text(` (claim #${f.claimId})`));
  if (f.note) spans.push(text('\n'), italic(f.note));
  return spans;
}

export function answerToDoc(answer: Answer): Doc {
  if (answer.kind === 'figures') {
    const blocks = answer.groups.flatMap((g) => [heading(bold(`${g.claimant.name} claims:`)), ...g.figures.map((f) => item(...figureSpans(f)))]);
    blocks.push(...answer.notes.map((n) => paragraph(italic(n))));
    return doc(answer.interpretation ? `${capitalise(answer.interpretation)}` : null, blocks);
  }
  const blocks = answer.notes.map((n) => paragraph(text(n)));
  if (answer.suggestions.length) {
    blocks.push(heading(bold('The nearest figures I hold:')));
    for (const f of answer.suggestions) blocks.push(item(bold(`${f.claimant.name}: `), ...figureSpans(f)));
  }
  if (answer.example) blocks.push(paragraph(text('Try, for example: '), italic(answer.example)));
  return doc(null, blocks);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
