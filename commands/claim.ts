// The claim commands: add, edit and retract (each a preview to confirm, for moderators), and
// claim_show and claim_history for everyone (their own top-level commands, so no platform hides
// them with the write commands).
import { z } from 'zod';
import { bold, doc, item, paragraph, text } from '../src/core/doc.ts';
import { formatDate, t, type Locale } from '../src/i18n/index.ts';
import { METRICS, metricInfo, MetricSchema, QUALIFIERS } from '../src/core/vocabulary.ts';
import { claimSpans } from '../src/core/claim-doc.ts';
import { claimBlock, claimDoc, rawClaimInput, refusalFromOutcome, warningBlocks } from './claim-docs.ts';
import { refusal } from './run.ts';
import type { AuditEntry } from '../src/store/claims-repo.ts';
import type { Claim } from '../src/core/model.ts';
import { auditActor, authorOf, defineCommand, type Actor, type Choice, type CommandServices } from './types.ts';

const figure = (what: string) => z.string().trim().min(1).max(40).optional().describe(what);
const date = (what: string) => z.string().trim().min(1).max(40).optional().describe(`${what} (YYYY-MM-DD)`);
const claimId = z.number({ message: 'must be a claim number, like 12' }).int().positive().max(2 ** 31).describe('The claim number, as shown after "claim #"');
const reason = z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(500).describe('Why: kept in the history');

/** Claimants whose name or alias contains what was typed, for autocomplete. */
function claimantChoices(services: CommandServices, typed: string): Choice[] {
  const t = typed.trim().toLowerCase();
  return services.service
    .directory()
    .claimants.filter((c) => !t || [c.id, c.name, ...c.aliases].some((n) => n.toLowerCase().includes(t)))
    .slice(0, 25)
    .map((c) => ({ name: c.name.slice(0, 100), value: c.id }));
}

/** Metrics whose id or label contains what was typed, for autocomplete (the list is data and may pass 25). */
export function metricChoices(_services: unknown, typed: string): Choice[] {
  const t = typed.trim().toLowerCase();
  return METRICS.filter((m) => !t || m.includes(t.replace(/\s+/g, '_')) || metricInfo(m).label.toLowerCase().includes(t))
    .slice(0, 25)
    .map((m) => ({ name: metricInfo(m).label.slice(0, 100), value: m }));
}

export const claimAdd = defineCommand({
  path: ['claim', 'add'],
  description: 'Add a claim: shows a preview to confirm before anything is written',
  options: z.object({
    claimant: z.string().trim().min(1).max(100).describe('Who claims it: a body or person, e.g. "UK MoD"'),
    subject: z.string().trim().min(1).max(60).describe('Whose losses: e.g. Russia or Ukraine'),
    metric: MetricSchema.describe('What is counted'),
    value: figure('The figure as one number, e.g. 45,720'),
    low: figure('Low end of a range, e.g. 60000'),
    high: figure('High end of a range, e.g. 70000'),
    qualifier: z.enum(QUALIFIERS).optional().describe('As said: about, nearly, more than, up to, ...'),
    as_of: date('Cumulative since the invasion, to the end of this date'),
    from: date('Start of the period the figure covers'),
    to: date('End of the period the figure covers'),
    stated_on: date('When the claimant said it'),
    url: z.string().trim().max(2000).optional().describe('Where it was reported: an http(s) address'),
    publisher: z.string().trim().max(200).optional().describe('The outlet that reported it, e.g. Reuters'),
    title: z.string().trim().max(300).optional().describe('The headline of the report'),
    words: z.string().trim().max(300).optional().describe('The figure in the words used, e.g. "more than 600,000"'),
    note: z.string().trim().max(1000).optional().describe('Anything a reader should know about this figure'),
    correction: z.boolean().optional().describe('The claimant corrected an earlier, higher cumulative figure'),
  }),
  audience: 'moderators',
  autocomplete: { claimant: claimantChoices, metric: metricChoices },
  run: (input, { services, actor, confirmed, locale = 'en' }) => {
    const raw = rawClaimInput(input);
    const dir = services.service.directory();
    if (!confirmed) {
      const prepared = services.service.prepareAdd(raw);
      if (!prepared.ok) return refusalFromOutcome(prepared, locale);
      return { kind: 'preview', doc: doc(t(locale, 'claim-add-title'), [paragraph(...claimSpans(prepared.fields, dir, locale)), ...warningBlocks(prepared.warnings, locale)]) };
    }
    const outcome = services.service.add(raw, { actor: auditActor(actor), author: authorOf(actor), confirm: true });
    if (!outcome.ok) return refusalFromOutcome(outcome, locale);
    return { kind: 'doc', private: false, doc: claimDoc(t(locale, 'claim-added', { id: String(outcome.claim.id) }), outcome.claim, dir, locale) };
  },
});

const EDITABLE = ['claimant', 'subject', 'metric', 'value', 'low', 'high', 'qualifier', 'words', 'as_of', 'from', 'to', 'stated_on', 'url', 'publisher', 'title', 'note', 'correction'] as const;

export const claimEdit = defineCommand({
  path: ['claim', 'edit'],
  description: 'Correct one field of a claim: shows a preview to confirm; the old version stays in its history',
  options: z.object({
    id: claimId,
    field: z.enum(EDITABLE).describe('The field to change'),
    value: z.string().trim().max(2000).describe('Its new value ("none" clears it)'),
    reason,
  }),
  audience: 'moderators',
  run: ({ id, field, value, reason: why }, { services, actor, confirmed, locale = 'en' }) => {
    const raw = rawClaimInput({ [field]: value });
    const dir = services.service.directory();
    if (!confirmed) {
      const prepared = services.service.prepareEdit(id, raw, why);
      if (!prepared.ok) return refusalFromOutcome(prepared, locale);
      return {
        kind: 'preview',
        doc: doc(t(locale, 'claim-edit-title', { id: String(id) }), [
          paragraph(bold(t(locale, 'claim-label-now')), ...claimSpans(prepared.old, dir, locale)),
          paragraph(bold(t(locale, 'claim-label-after')), ...claimSpans(prepared.fields, dir, locale)),
          paragraph(bold(t(locale, 'claim-label-reason')), text(prepared.reason)),
          ...warningBlocks(prepared.warnings, locale),
        ]),
      };
    }
    const outcome = services.service.edit(id, raw, why, { actor: auditActor(actor), author: authorOf(actor), confirm: true });
    if (!outcome.ok) return refusalFromOutcome(outcome, locale);
    return { kind: 'doc', private: false, doc: claimDoc(t(locale, 'claim-corrected', { id: String(id), new_id: String(outcome.claim.id) }), outcome.claim, dir, locale) };
  },
});

export const claimRetract = defineCommand({
  path: ['claim', 'retract'],
  description: 'Withdraw a claim from answers: shows a preview to confirm; it stays in the history',
  options: z.object({ id: claimId, reason }),
  audience: 'moderators',
  run: ({ id, reason: why }, { services, actor, confirmed, locale = 'en' }) => {
    if (!confirmed) {
      const prepared = services.service.prepareRetract(id, why);
      if (!prepared.ok) return refusalFromOutcome(prepared, locale);
      const dir = services.service.directory();
      return {
        kind: 'preview',
        doc: doc(t(locale, 'claim-retract-title', { id: String(id) }), [claimBlock(prepared.claim, dir, locale), paragraph(bold(t(locale, 'claim-label-reason')), text(prepared.reason)), paragraph(text(t(locale, 'claim-retract-effect')))]),
      };
    }
    const outcome = services.service.retract(id, why, { actor: auditActor(actor), author: authorOf(actor) });
    if (!outcome.ok) return refusalFromOutcome(outcome, locale);
    return { kind: 'doc', private: false, doc: claimDoc(t(locale, 'claim-retracted', { id: String(id) }), outcome.claim, services.service.directory(), locale) };
  },
});

export const claimShow = defineCommand({
  path: ['claim_show'],
  description: 'Show one claim with its source and status',
  options: z.object({ id: claimId }),
  audience: 'everyone',
  run: ({ id }, { services, locale = 'en' }) => {
    const claim = services.claims.get(id);
    if (!claim) return refusal(t(locale, 'claim-none', { id: String(id) }));
    return { kind: 'doc', private: false, doc: claimDoc(t(locale, 'claim-title', { id: String(id) }), claim, services.service.directory(), locale) };
  },
});

/** Versions shown per message of a history; the rest are a "More" button away. */
export const HISTORY_PAGE_SIZE = 5;

/** "discord:123 (Jane)" -> Jane: the name part of an audit row written before authors were kept. */
function legacyName(actor: string): string {
  const m = /^[a-z][a-z0-9_-]{1,19}:\d+ \((.*)\)$/.exec(actor);
  return m ? m[1]! : actor;
}

/** Who made a change: a display name for everyone; platform ids and origin only for moderators. */
export function changedBy(entry: AuditEntry, viewer: Actor, locale: Locale = 'en'): string {
  const a = entry.author;
  if (!a) return viewer.isModerator ? entry.actor : legacyName(entry.actor);
  const given = a.operatorGiven ? t(locale, 'history-operator-given') : '';
  if (!viewer.isModerator) return `${a.name}${given ? ` (${given})` : ''}`;
  const who = a.platform === 'cli' ? t(locale, 'history-cli-user', { id: a.userId }) : `${a.platform}:${a.userId}`;
  return `${a.name} (${who}; ${t(locale, 'history-from', { origin: a.origin })}${given ? `, ${given}` : ''})`;
}

function changeLine(entry: AuditEntry, viewer: Actor, locale: Locale) {
  const line = t(locale, 'history-change', { date: formatDate(locale, entry.at.slice(0, 10)), time: entry.at.slice(11, 16), action: entry.action, id: String(entry.claimId), who: changedBy(entry, viewer, locale) });
  return item(text(`${line}${entry.reason ? `: ${entry.reason}` : ''}`));
}

export const claimHistory = defineCommand({
  path: ['claim_history'],
  description: 'Every version of a claim and who changed it, when and why, a few at a time',
  options: z.object({
    id: claimId,
    page: z.number({ message: 'must be a page number, like 2' }).int().min(1).max(10_000).optional().describe('Which page of a long history (default 1)'),
  }),
  audience: 'everyone',
  run: ({ id, page = 1 }, { services, actor, locale = 'en' }) => {
    const history = services.claims.history(id);
    if (!history) return refusal(t(locale, 'claim-none', { id: String(id) }));
    const dir = services.service.directory();
    const pages = Math.max(1, Math.ceil(history.versions.length / HISTORY_PAGE_SIZE));
    if (page > pages) return refusal(t(locale, 'history-pages', { id: String(id), count: pages }));
    const shown: Claim[] = history.versions.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE);
    const blocks = [];
    for (const v of shown) {
      blocks.push(claimBlock(v, dir, locale));
      for (const entry of history.audit.filter((e) => e.claimId === v.id)) blocks.push(changeLine(entry, actor, locale));
    }
    const first = (page - 1) * HISTORY_PAGE_SIZE + 1;
    const title =
      pages > 1
        ? t(locale, 'history-title-range', { id: String(id), first: String(first), last: String(first + shown.length - 1), total: String(history.versions.length) })
        : t(locale, 'history-title', { id: String(id) });
    return { kind: 'doc', private: false, doc: doc(title, blocks), ...(page < pages ? { more: { id, page: page + 1 } } : {}) };
  },
});
