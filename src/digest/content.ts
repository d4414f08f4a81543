// What a digest says: the claims added, corrected or retracted since the subscription's last
// digest, grouped by claimant, each attributed; for running totals, the newest figure and its
// change. Pure: the changes come in as data. Written in the subscription's language: every fixed
// word from the catalogues (src/i18n/locales/*.digest.ftl), numbers and dates through Intl; a
// claim's own words, notes and reasons stay as they were said.
import { seriesId } from '../core/answer/compose.ts';
import { valueWords } from '../core/answer/words.ts';
import type { Directory } from '../core/directory.ts';
import { bold, doc, heading, item, italic, paragraph, text, type Block, type Doc } from '../core/doc.ts';
import type { Claim } from '../core/model.ts';
import type { Metric } from '../core/vocabulary.ts';
import { claimMetricWords, claimPeriodWords, claimSpans } from '../core/claim-doc.ts';
import { formatDate, formatNumber, t, type Locale } from '../i18n/index.ts';
import { claimantName, partyName } from '../i18n/names.ts';

export interface DigestChange {
  action: 'add' | 'edit' | 'retract' | 'import';
  /** The claim as it is after the change. */
  claim: Claim;
  /** For an edit or a revised import: the version it replaced. */
  previous: Claim | null;
  reason: string | null;
}

export interface DigestFilter {
  claimants: string[];
  parties: string[];
  metrics: Metric[];
}

export interface SeriesHeadline {
  latest: Claim;
  /** The series' newest figure before this digest's changes, if any. */
  before: Claim | null;
}

export function inFilter(claim: Pick<Claim, 'claimant' | 'subject' | 'metric'>, filter: DigestFilter): boolean {
  return (!filter.claimants.length || filter.claimants.includes(claim.claimant))
    && (!filter.parties.length || filter.parties.includes(claim.subject))
    && (!filter.metrics.length || filter.metrics.includes(claim.metric));
}

/** Running totals touched by new or revised figures: their newest claim and the change. */
export function isSeriesUpdate(change: DigestChange): boolean {
  return change.action !== 'retract' && change.claim.status === 'active' && change.claim.periodKind === 'cumulative' && change.claim.periodEnd !== null && change.claim.low !== null && change.claim.low === change.claim.high;
}

function headlineBlock(h: SeriesHeadline, dir: Directory, locale: Locale): Block {
  const { latest, before } = h;
  const subject = partyName(locale, latest.subject, dir.party(latest.subject)?.name ?? latest.subject);
  const figure = valueWords({ low: latest.low, high: latest.high, qualifier: latest.qualifier }, locale);
  // The series' newest figure may be undated ("as of September 2022", a note added to a seeded
  // claim): it is said with its label, and no change is computed from or to an undated figure.
  const delta = before && before.periodEnd !== null && latest.periodEnd !== null && before.low !== null && latest.low !== null && before.low === before.high ? latest.low - before.low : null;
  const change = delta === null ? '' : ` ${t(locale, 'digest-change', { delta: `${delta >= 0 ? '+' : '−'}${formatNumber(locale, Math.abs(delta))}`, date: formatDate(locale, before!.periodEnd!) })}`;
  const period = latest.periodEnd !== null ? t(locale, 'digest-to-end', { date: formatDate(locale, latest.periodEnd) }) : claimPeriodWords(latest, locale);
  const metric = claimMetricWords(latest.metric, latest.high ?? latest.low, locale);
  return item(bold(figure), text(` ${t(locale, 'digest-headline', { metric, subject, period, change, source: latest.source.publisher ?? t(locale, 'outlet-not-named') })}`));
}

export interface DigestInput {
  title: string;
  changes: DigestChange[];
  headlines: Map<string, SeriesHeadline>;
  directory: Directory;
  /** The language of the digest (default English). */
  locale?: Locale;
}

/** The digest, or null when nothing in the subscription's scope changed. */
export function composeDigest(input: DigestInput): Doc | null {
  const { changes, headlines, directory: dir } = input;
  const locale = input.locale ?? 'en';
  const name = (id: string) => claimantName(locale, id, dir.claimant(id)?.name ?? id);
  const why = (reason: string | null) => (reason ? [text('\n'), italic(t(locale, 'digest-why', { reason }))] : []);
  if (!changes.length) return null;
  const byClaimant = new Map<string, DigestChange[]>();
  for (const c of changes) {
    const list = byClaimant.get(c.claim.claimant);
    if (list) list.push(c);
    else byClaimant.set(c.claim.claimant, [c]);
  }
  const blocks: Block[] = [];
  const claimants = [...byClaimant.keys()].sort((a, b) => name(a).localeCompare(name(b), locale));
  for (const claimantId of claimants) {
    const list = byClaimant.get(claimantId)!;
    blocks.push(heading(bold(t(locale, 'digest-claims', { claimant: name(claimantId) }))));
    const shownSeries = new Set<string>();
    for (const c of list) {
      if (isSeriesUpdate(c)) {
        const id = seriesId(c.claim);
        const h = headlines.get(id);
        if (h && !shownSeries.has(id)) {
          shownSeries.add(id);
          blocks.push(headlineBlock(h, dir, locale));
        }
        if (c.action !== 'edit') continue;
      }
      const id = String(c.claim.id);
      if (c.action === 'retract') blocks.push(item(bold(`${t(locale, 'digest-retracted', { id })} `), ...claimSpans(c.claim, dir, locale), ...why(c.reason)));
      else if (c.action === 'edit' || (c.action === 'import' && c.previous)) blocks.push(item(bold(`${t(locale, 'digest-corrected', { from: c.previous ? String(c.previous.id) : '?', to: id })} `), ...claimSpans(c.claim, dir, locale), ...why(c.reason)));
      else blocks.push(item(bold(`${t(locale, 'digest-new', { id })} `), ...claimSpans(c.claim, dir, locale)));
    }
  }
  blocks.push(paragraph(italic(t(locale, 'digest-footer'))));
  return doc(input.title, blocks);
}

export function emptyDigest(title: string, locale: Locale = 'en'): Doc {
  return doc(title, [paragraph(text(t(locale, 'digest-nothing-new')))]);
}
