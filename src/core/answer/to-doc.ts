// Answer -> neutral doc for the chat renderers: the direct answer first (one line per claimant),
// the reading, then one block per claimant and source. A block is never split across messages,
// and each names its claimant, so every figure stays attributed however a long answer is split.
import { bold, doc, heading, italic, link, paragraph, safeLink, text, type Block, type Doc, type Span } from '../doc.ts';
import { EXAMPLE_QUESTIONS, type Answer, type AnswerFigure } from './compose.ts';
import { entryLines, exampleFor, figureHeadline, layoutAnswer, type SourceSection } from './render-text.ts';
import { answerNoteWords, sourceWords } from './words.ts';
import { t } from '../../i18n/index.ts';
import { claimantName } from '../../i18n/names.ts';

function sectionBlock(s: SourceSection): Block {
  const url = safeLink(s.source.url);
  const src: Span[] = url ? [link(s.sourceText, url)] : [text(s.sourceText)];
  const locale = s.locale ?? 'en';
  const head: Span[] = s.claimant ? [bold(s.claimant.name), text(t(locale, 'section-claimant-prefix'))] : [bold(t(locale, 'section-source-prefix'))];
  const entries = s.entries.flatMap((e) => {
    const [first, ...notes] = entryLines(s, e);
    return [text(`\n• ${first!.slice(2)}`), ...notes.flatMap((n) => [text('\n  '), italic(n.trim())])];
  });
  return heading(...head, ...src, ...(s.continued ? [text(t(locale, 'continued'))] : []), ...entries);
}

/**
 * An answer is never changed once composed, and a popular one is shown to many people (and laid out
 * twice per reply: to page it and to render it): its doc is built once.
 */
const docs = new WeakMap<Answer, Doc>();

export function answerToDoc(answer: Answer): Doc {
  let built = docs.get(answer);
  if (!built) {
    built = buildAnswerDoc(answer);
    docs.set(answer, built);
  }
  return built;
}

/**
 * Gives `answer` the doc built for it elsewhere (a reply worker builds the doc beside the answer, and
 * both reach this thread as copies).
 */
export function adoptAnswerDoc(answer: Answer, built: Doc): void {
  docs.set(answer, built);
}

function buildAnswerDoc(answer: Answer): Doc {
  const locale = answer.locale ?? 'en';
  if (answer.kind === 'figures') {
    const layout = layoutAnswer(answer);
    const blocks: Block[] = layout.leads.map((l) => paragraph(bold(`${l.claimant}: `), text(figureHeadline(l.figure, locale))));
    if (layout.reading) blocks.push(paragraph(italic(t(locale, 'read-as', { reading: layout.reading }))));
    blocks.push(...layout.sections.map(sectionBlock));
    blocks.push(...layout.notes.map((n) => paragraph(italic(n))));
    return doc(null, blocks);
  }
  const blocks = answer.notes.map((n) => paragraph(text(answerNoteWords(n, EXAMPLE_QUESTIONS, locale))));
  if (answer.suggestions.length) {
    blocks.push(paragraph(bold(t(locale, 'nearest-figures'))));
    for (const f of answer.suggestions)
      blocks.push(sectionBlock({ claimant: { id: f.claimant.id, name: claimantName(locale, f.claimant.id, f.claimant.name) }, source: f.source, sourceText: sourceWords(f.source, f.claimant.name, true, locale), entries: [{ figure: f, lead: false }], continued: false, locale }));
  }
  if (answer.example) blocks.push(paragraph(text(t(locale, 'try-example-prefix')), italic(exampleFor(answer)!)));
  return doc(null, blocks);
}
