// One claim as spans of a neutral doc: shared by the claim commands and the digests.
import type { Directory } from './directory.ts';
import { bold, italic, link, safeLink, text, type Span } from './doc.ts';
import { describeFigure, describeMetric, describePeriod, describeStated } from './format.ts';
import type { ClaimFields } from './model.ts';

export function claimSpans(fields: ClaimFields, dir: Directory): Span[] {
  const claimant = dir.claimant(fields.claimant)?.name ?? fields.claimant;
  const subject = dir.party(fields.subject)?.name ?? fields.subject;
  const url = safeLink(fields.source.url);
  const outlet = fields.source.publisher ?? 'outlet not named';
  const spans: Span[] = [
    bold(`${claimant}: `),
    text(`${fields.words} (${describeFigure(fields.low, fields.high, fields.qualifier)} ${describeMetric(fields.metric)}, ${subject})\n`),
    text(`${describePeriod(fields)}; ${describeStated(fields)}\n`),
    text('source: '),
    url ? link(outlet, url) : text(outlet),
  ];
  if (fields.source.title) spans.push(text(`, "${fields.source.title}"`));
  if (fields.note) spans.push(text('\n'), italic(fields.note));
  if (fields.isCorrection) spans.push(text('\nmarked as a correction'));
  return spans;
}
