// The claim commands: add (with a preview to confirm), edit, retract, show, history.
import { z } from 'zod';
import { bold, doc, heading, item, paragraph, text } from '../src/core/doc.ts';
import { formatDate } from '../src/core/dates.ts';
import { METRICS, QUALIFIERS } from '../src/core/vocabulary.ts';
import { claimSpans } from '../src/core/claim-doc.ts';
import { claimBlock, claimDoc, rawClaimInput, refusalFromOutcome, warningBlocks } from './claim-docs.ts';
import { refusal } from './run.ts';
import { auditActor, defineCommand, type Choice, type CommandServices } from './types.ts';

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

export const claimAdd = defineCommand({
  path: ['claim', 'add'],
  description: 'Add a claim: shows a preview to confirm before anything is written',
  options: z.object({
    claimant: z.string().trim().min(1).max(100).describe('Who claims it: a body or person, e.g. "UK MoD"'),
    subject: z.string().trim().min(1).max(60).describe('Whose losses: e.g. Russia or Ukraine'),
    metric: z.enum(METRICS).describe('What is counted'),
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
  autocomplete: { claimant: claimantChoices },
  run: (input, { services, actor, confirmed }) => {
    const raw = rawClaimInput(input);
    const dir = services.service.directory();
    if (!confirmed) {
      const prepared = services.service.prepareAdd(raw);
      if (!prepared.ok) return refusalFromOutcome(prepared);
      return { kind: 'preview', doc: doc('Add this claim?', [paragraph(...claimSpans(prepared.fields, dir)), ...warningBlocks(prepared.warnings)]) };
    }
    const outcome = services.service.add(raw, { actor: auditActor(actor), confirm: true });
    if (!outcome.ok) return refusalFromOutcome(outcome);
    return { kind: 'doc', private: false, doc: claimDoc(`Added claim #${outcome.claim.id}`, outcome.claim, dir) };
  },
});

const EDITABLE = ['claimant', 'subject', 'metric', 'value', 'low', 'high', 'qualifier', 'words', 'as_of', 'from', 'to', 'stated_on', 'url', 'publisher', 'title', 'note', 'correction'] as const;

export const claimEdit = defineCommand({
  path: ['claim', 'edit'],
  description: 'Correct one field of a claim; the old version stays in its history',
  options: z.object({
    id: claimId,
    field: z.enum(EDITABLE).describe('The field to change'),
    value: z.string().trim().max(2000).describe('Its new value ("none" clears it)'),
    reason,
  }),
  audience: 'moderators',
  run: ({ id, field, value, reason: why }, { services, actor, confirmed }) => {
    const raw = rawClaimInput({ [field]: value });
    const outcome = services.service.edit(id, raw, why, { actor: auditActor(actor), confirm: confirmed });
    const dir = services.service.directory();
    if (!outcome.ok && outcome.kind === 'needs_confirmation') {
      return { kind: 'preview', doc: doc(`Change claim #${id}?`, [paragraph(...claimSpans(outcome.fields, dir)), ...warningBlocks(outcome.warnings)]) };
    }
    if (!outcome.ok) return refusalFromOutcome(outcome);
    return { kind: 'doc', private: false, doc: claimDoc(`Claim #${id} corrected: now #${outcome.claim.id}`, outcome.claim, dir) };
  },
});

export const claimRetract = defineCommand({
  path: ['claim', 'retract'],
  description: 'Withdraw a claim from answers; it stays in the history',
  options: z.object({ id: claimId, reason }),
  audience: 'moderators',
  run: ({ id, reason: why }, { services, actor }) => {
    const outcome = services.service.retract(id, why, { actor: auditActor(actor) });
    if (!outcome.ok) return refusalFromOutcome(outcome);
    return { kind: 'doc', private: false, doc: claimDoc(`Claim #${id} retracted`, outcome.claim, services.service.directory()) };
  },
});

export const claimShow = defineCommand({
  path: ['claim', 'show'],
  description: 'Show one claim with its source and status',
  options: z.object({ id: claimId }),
  audience: 'everyone',
  run: ({ id }, { services }) => {
    const claim = services.claims.get(id);
    if (!claim) return refusal(`There is no claim #${id}.`);
    return { kind: 'doc', private: false, doc: claimDoc(`Claim #${id}`, claim, services.service.directory()) };
  },
});

export const claimHistory = defineCommand({
  path: ['claim', 'history'],
  description: 'Every version of a claim and who changed it, when and why',
  options: z.object({ id: claimId }),
  audience: 'everyone',
  run: ({ id }, { services }) => {
    const history = services.claims.history(id);
    if (!history) return refusal(`There is no claim #${id}.`);
    const dir = services.service.directory();
    const blocks = [heading(bold('Versions')), ...history.versions.map((v) => claimBlock(v, dir)), heading(bold('Changes'))];
    for (const entry of history.audit) {
      blocks.push(item(text(`${formatDate(entry.at.slice(0, 10))} ${entry.at.slice(11, 16)} UTC, ${entry.action} of #${entry.claimId} by ${entry.actor}${entry.reason ? `: ${entry.reason}` : ''}`)));
    }
    return { kind: 'doc', private: false, doc: doc(`History of claim #${id}`, blocks) };
  },
});
