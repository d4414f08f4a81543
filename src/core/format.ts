// Plain words for a claim's parts, shared by every renderer (which escape them for their platform).
import { formatDate, formatSpan } from './dates.ts';
import type { Claim, ClaimFields, Source } from './model.ts';
import { metricInfo, QUALIFIER_WORDS, type Metric, type Qualifier } from './vocabulary.ts';

export const formatNumber = (n: number) => n.toLocaleString('en-US');

/** The figure from low/high and qualifier: "about 701,650", "60,000-70,000", "up to 40,000". */
export function describeFigure(low: number | null, high: number | null, qualifier: Qualifier): string {
  const q = QUALIFIER_WORDS[qualifier];
  const prefix = q ? `${q} ` : '';
  if (low !== null && high !== null && low !== high) return `${prefix}${formatNumber(low)}-${formatNumber(high)}`;
  const value = low ?? high;
  return `${prefix}${value === null ? '?' : formatNumber(value)}`;
}

export function describeMetric(metric: Metric): string {
  return metricInfo(metric).label;
}

/** What the figure covers: "since 24 Feb 2022, to 4 November 2024", "November 2024", or the source's words. */
export function describePeriod(c: Pick<ClaimFields, 'periodKind' | 'periodStart' | 'periodEnd' | 'periodLabel' | 'aggregation'>): string {
  const perDay = c.aggregation === 'daily_average' ? 'a day on average, ' : '';
  if (c.periodKind === 'cumulative') {
    if (c.periodEnd) return `${perDay}cumulative${c.periodStart ? ` since ${formatDate(c.periodStart)}` : ''}, to the end of ${formatDate(c.periodEnd)}`;
    return `${perDay}cumulative: ${c.periodLabel ?? 'end not given'}`;
  }
  if (c.periodStart && c.periodEnd) return `${perDay}${formatSpan(c.periodStart, c.periodEnd)}`;
  return `${perDay}${c.periodLabel ?? 'period not given'}`;
}

export function describeStated(c: Pick<ClaimFields, 'statedOn' | 'statedPrecision'>): string {
  return c.statedOn ? `stated ${formatDate(c.statedOn, c.statedPrecision)}` : 'statement date not given';
}

export function describeSource(source: Source): string {
  const parts = [source.publisher ?? 'outlet not named in the source text'];
  if (source.title) parts.push(`"${source.title}"`);
  if (source.publishedOn) parts.push(formatDate(source.publishedOn));
  if (source.url) parts.push(source.url);
  return parts.join(', ');
}

/** One claim as lines of plain text, for the command line. */
export function describeClaim(claim: Claim, claimantName: string, subjectName: string): string {
  const lines = [
    `#${claim.id} ${claimantName}: ${claim.words} (${describeFigure(claim.low, claim.high, claim.qualifier)} ${describeMetric(claim.metric)}, ${subjectName})`,
    `  period: ${describePeriod(claim)}; ${describeStated(claim)}`,
    `  source: ${describeSource(claim.source)}`,
  ];
  if (claim.note) lines.push(`  note: ${claim.note}`);
  if (claim.isCorrection) lines.push('  marked as a correction');
  if (claim.status !== 'active')
    lines.push(`  status: ${claim.status}${claim.supersededBy ? ` (replaced by #${claim.supersededBy})` : ''}`);
  lines.push(`  version ${claim.version} of #${claim.lineageId}, added ${claim.createdAt} by ${claim.createdBy}`);
  return lines.join('\n');
}
