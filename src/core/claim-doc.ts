// One claim as spans of a neutral doc: shared by the claim commands and the digests. Every fixed
// word comes from the catalogues (src/i18n/locales/*.commands.ftl) in the reader's language; the
// claim's own words, its note, period label and source stay as they were said.
import type { Directory } from './directory.ts';
import { bold, italic, link, safeLink, text, type Span } from './doc.ts';
import type { ClaimFields } from './model.ts';
import { metricInfo, type Metric } from './vocabulary.ts';
import { valueWords } from './answer/words.ts';
import { formatDate, formatSpan, t, type Locale } from '../i18n/index.ts';
import { claimantName, metricCounted, partyName } from '../i18n/names.ts';

/** What the figure covers: "cumulative since 24 February 2022, to the end of 4 November 2024", "November 2024", or the source's words. */
export function claimPeriodWords(c: Pick<ClaimFields, 'periodKind' | 'periodStart' | 'periodEnd' | 'periodLabel' | 'aggregation'>, locale: Locale = 'en'): string {
  let period: string;
  if (c.periodKind === 'cumulative') {
    if (c.periodEnd)
      period = c.periodStart
        ? t(locale, 'claim-period-cumulative-since', { start: formatDate(locale, c.periodStart), end: formatDate(locale, c.periodEnd) })
        : t(locale, 'claim-period-cumulative', { end: formatDate(locale, c.periodEnd) });
    else period = t(locale, 'claim-period-cumulative-label', { label: c.periodLabel ?? t(locale, 'claim-period-end-not-given') });
  } else if (c.periodStart && c.periodEnd) period = formatSpan(locale, c.periodStart, c.periodEnd);
  else period = c.periodLabel ?? t(locale, 'period-not-given');
  return c.aggregation === 'daily_average' ? t(locale, 'period-per-day', { period }) : period;
}

/** When it was said: "stated 5 November 2024", or that the date is not given. */
export function claimStatedWords(c: Pick<ClaimFields, 'statedOn' | 'statedPrecision'>, locale: Locale = 'en'): string {
  return c.statedOn ? t(locale, 'claim-stated', { date: formatDate(locale, c.statedOn, c.statedPrecision) }) : t(locale, 'claim-stated-not-given');
}

/** A metric after a figure: English as the metrics data labels it; another language by its plural form. */
export function claimMetricWords(metric: Metric, count: number | null, locale: Locale = 'en'): string {
  return locale === 'en' ? metricInfo(metric).label : metricCounted(locale, metric, count);
}

export function claimSpans(fields: ClaimFields, dir: Directory, locale: Locale = 'en'): Span[] {
  const claimant = claimantName(locale, fields.claimant, dir.claimant(fields.claimant)?.name ?? fields.claimant);
  const subject = partyName(locale, fields.subject, dir.party(fields.subject)?.name ?? fields.subject);
  const url = safeLink(fields.source.url);
  const outlet = fields.source.publisher ?? t(locale, 'outlet-not-named');
  const figure = valueWords({ low: fields.low, high: fields.high, qualifier: fields.qualifier }, locale);
  const metric = claimMetricWords(fields.metric, fields.high ?? fields.low, locale);
  const spans: Span[] = [
    bold(`${claimant}: `),
    text(`${t(locale, 'claim-figure', { words: fields.words, figure, metric, subject })}\n`),
    text(`${t(locale, 'claim-period-stated', { period: claimPeriodWords(fields, locale), stated: claimStatedWords(fields, locale) })}\n`),
    text(t(locale, 'claim-source-prefix')),
    url ? link(outlet, url) : text(outlet),
  ];
  if (fields.source.title) spans.push(text(t(locale, 'claim-source-title', { title: fields.source.title })));
  if (fields.note) spans.push(text('\n'), italic(fields.note));
  if (fields.isCorrection) spans.push(text(`\n${t(locale, 'claim-marked-correction')}`));
  return spans;
}
