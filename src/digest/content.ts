// What a digest says: the claims added, corrected or retracted since the subscription's last
// digest, grouped by claimant, each attributed; for running totals, the newest figure and its
// change. Pure: the changes come in as data.
import { formatDate } from '../core/dates.ts';
import { seriesId } from '../core/answer/compose.ts';
import type { Directory } from '../core/directory.ts';
import { bold, doc, heading, item, italic, paragraph, text, type Block, type Doc } from '../core/doc.ts';
import { describeFigure, describeMetric, describePeriod, formatNumber } from '../core/format.ts';
import type { Claim } from '../core/model.ts';
import type { Metric } from '../core/vocabulary.ts';
import { claimSpans } from '../core/claim-doc.ts';

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

function headlineBlock(h: SeriesHeadline, dir: Directory): Block {
  const { latest, before } = h;
  const subject = dir.party(latest.subject)?.name ?? latest.subject;
  const figure = describeFigure(latest.low, latest.high, latest.qualifier);
  // The series' newest figure may be undated ("as of September 2022", a note added to a seeded
  // claim): it is said with its label, and no change is computed from or to an undated figure.
  const delta = before && before.periodEnd !== null && latest.periodEnd !== null && before.low !== null && latest.low !== null && before.low === before.high ? latest.low - before.low : null;
  const change = delta === null ? '' : ` (${delta >= 0 ? '+' : '−'}${formatNumber(Math.abs(delta))} since ${formatDate(before!.periodEnd!)})`;
  const period = latest.periodEnd !== null ? `to the end of ${formatDate(latest.periodEnd)}` : describePeriod(latest);
  return item(bold(figure), text(` ${describeMetric(latest.metric)}, ${subject}, ${period}${change}; source: ${latest.source.publisher ?? 'outlet not named'}`));
}

export interface DigestInput {
  title: string;
  changes: DigestChange[];
  headlines: Map<string, SeriesHeadline>;
  directory: Directory;
}

/** The digest, or null when nothing in the subscription's scope changed. */
export function composeDigest(input: DigestInput): Doc | null {
  const { changes, headlines, directory: dir } = input;
  if (!changes.length) return null;
  const byClaimant = new Map<string, DigestChange[]>();
  for (const c of changes) {
    const list = byClaimant.get(c.claim.claimant);
    if (list) list.push(c);
    else byClaimant.set(c.claim.claimant, [c]);
  }
  const blocks: Block[] = [];
  const claimants = [...byClaimant.keys()].sort((a, b) => (dir.claimant(a)?.name ?? a).localeCompare(dir.claimant(b)?.name ?? b));
  for (const claimantId of claimants) {
    const list = byClaimant.get(claimantId)!;
    blocks.push(heading(bold(`${dir.claimant(claimantId)?.name ?? claimantId} claims:`)));
    const shownSeries = new Set<string>();
    for (const c of list) {
      if (isSeriesUpdate(c)) {
        const id = seriesId(c.claim);
        const h = headlines.get(id);
        if (h && !shownSeries.has(id)) {
          shownSeries.add(id);
          blocks.push(headlineBlock(h, dir));
        }
        if (c.action !== 'edit') continue;
      }
      if (c.action === 'retract') blocks.push(item(bold(`Retracted #${c.claim.id}: `), ...claimSpans(c.claim, dir), ...(c.reason ? [text('\n'), italic(`Why: ${c.reason}`)] : [])));
      else if (c.action === 'edit' || (c.action === 'import' && c.previous)) blocks.push(item(bold(`Corrected #${c.previous?.id ?? '?'} → #${c.claim.id}: `), ...claimSpans(c.claim, dir), ...(c.reason ? [text('\n'), italic(`Why: ${c.reason}`)] : [])));
      else blocks.push(item(bold(`New #${c.claim.id}: `), ...claimSpans(c.claim, dir)));
    }
  }
  blocks.push(paragraph(italic('Each figure is its claimant\'s own; figures of different claimants are never combined.')));
  return doc(input.title, blocks);
}

export function emptyDigest(title: string): Doc {
  return doc(title, [paragraph(text('Nothing new since the last digest.'))]);
}
