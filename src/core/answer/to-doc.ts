// Answer -> neutral doc for the chat renderers: the direct answer first (one line per claimant),
// the reading, then one block per claimant and source. A block is never split across messages,
// and each names its claimant, so every figure stays attributed however a long answer is split.
import { bold, doc, heading, italic, link, paragraph, safeLink, text, type Block, type Doc, type Span } from '../doc.ts';
import { EXAMPLE_QUESTIONS, type Answer, type AnswerFigure } from './compose.ts';
import { entryLines, figureHeadline, layoutAnswer, type SourceSection } from './render-text.ts';
import { answerNoteWords, sourceWords } from './words.ts';

function sectionBlock(s: SourceSection): Block {
  const url = safeLink(s.source.url);
  const src: Span[] = url ? [link(s.sourceText, url)] : [text(s.sourceText)];
  const head: Span[] = s.claimant ? [bold(s.claimant.name), text('; source: ')] : [bold('Source: ')];
  const entries = s.entries.flatMap((e) => {
    const [first, ...notes] = entryLines(s, e);
    return [text(`\n• ${first!.slice(2)}`), ...notes.flatMap((n) => [text('\n  '), italic(n.trim())])];
  });
  return heading(...head, ...src, ...(s.continued ? [text(' (continued)')] : []), ...entries);
}

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
      blocks.push(sectionBlock({ claimant: f.claimant, source: f.source, sourceText: sourceWords(f.source, f.claimant.name, true), entries: [{ figure: f, lead: false }], continued: false }));
  }
  if (answer.example) blocks.push(paragraph(text('Try, for example: '), italic(answer.example)));
  return doc(null, blocks);
}
