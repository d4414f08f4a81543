// Answer -> neutral doc for the chat renderers: the direct answer first (one line per claimant),
// the reading, then one block per claimant and source. A block is never split across messages,
// and each names its claimant, so every figure stays attributed however a long answer is split.
import { bold, doc, heading, italic, link, paragraph, safeLink, text, type Block, type Doc, type Span } from '../doc.ts';
import { EXAMPLE_QUESTIONS, type Answer, type AnswerFigure } from './compose.ts';
import { claimRef, figureHeadline, figureNotes, layoutAnswer, type SourceSection } from './render-text.ts';
import { answerNoteWords, sourceWords } from './words.ts';

function figureSpans(f: AnswerFigure): Span[] {
  const notes = figureNotes(f);
  return [text('\n• '), text(`${figureHeadline(f)}${claimRef(f)}`), ...notes.flatMap((n) => [text('\n  '), italic(n)])];
}

function sectionBlock(s: SectionLike): Block {
  const url = safeLink(s.source.url);
  const src: Span[] = url ? [link(s.sourceText, url)] : [text(s.sourceText)];
  return heading(bold(`${s.claimant.name}${s.continued ? ' (continued)' : ''}`), text('; source: '), ...src, ...s.figures.flatMap(figureSpans));
}

type SectionLike = Pick<SourceSection, 'claimant' | 'source' | 'sourceText' | 'figures' | 'continued'>;

export function answerToDoc(answer: Answer): Doc {
  if (answer.kind === 'figures') {
    const layout = layoutAnswer(answer);
    const blocks: Block[] = layout.leads.map((l) => paragraph(bold(`${l.claimant}: `), text(figureHeadline(l.figure))));
    if (layout.reading) blocks.push(paragraph(italic(`Read as: ${layout.reading}`)));
    blocks.push(...layout.sections.map(sectionBlock));
    blocks.push(...layout.notes.map((n) => paragraph(italic(n))));
    return doc(null, blocks);
  }
  const blocks = answer.notes.map((n) => paragraph(text(answerNoteWords(n, EXAMPLE_QUESTIONS))));
  if (answer.suggestions.length) {
    blocks.push(paragraph(bold('The nearest figures I hold:')));
    for (const f of answer.suggestions)
      blocks.push(sectionBlock({ claimant: { ...f.claimant, kind: '' }, source: f.source, sourceText: sourceWords(f.source, f.claimant.name, true), figures: [f], continued: false }));
  }
  if (answer.example) blocks.push(paragraph(text('Try, for example: '), italic(answer.example)));
  return doc(null, blocks);
}
