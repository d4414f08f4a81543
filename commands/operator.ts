// The operator's tools, as commands with the `operator` audience: only the command line's
// operator may run them, so no chat platform offers them. Their words are the ones operators
// already script (`claims list`, `claims add --as-of ...`, `moderators add discord:1 --name ...`,
// `doctor`, `backup PATH`, `import ua-general-staff --personnel P --equipment E`).
import { z } from 'zod';
import { paragraph, text, type Doc } from '../src/core/doc.ts';
import { describeClaim } from '../src/core/format.ts';
import { IsoDateSchema, type Claim } from '../src/core/model.ts';
import { CLAIM_FIELD_NAMES, MAX_CLAIM_ID, type ClaimFieldName, type RawClaimInput } from '../src/core/claim-input.ts';
import type { Refusal, WriteOptions, WriteOutcome } from '../src/services/claims-service.ts';
import { METRICS } from '../src/core/vocabulary.ts';
import type { CommandServices, OperatorPort } from './ports.ts';
import { defineCommand, type CommandContext, type Reply } from './types.ts';

/** A reply of plain lines, as the command line prints them. */
const lines = (...ls: string[]): Doc => ({ title: null, blocks: ls.map((l) => paragraph(text(l))) });
const said = (...ls: string[]): Reply => ({ kind: 'doc', private: true, doc: lines(...ls) });
const refused = (...ls: string[]): Reply => ({ kind: 'refusal', doc: lines(...ls) });
const usageRefusal = (...ls: string[]): Reply => ({ kind: 'refusal', doc: lines(...ls), usage: true });

function operatorOf(ctx: CommandContext): OperatorPort | Reply {
  return ctx.services.operator ?? refused('This is an operator tool: run it on the command line (npm run cli).');
}
const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'kind' in x;

const claimId = z.number({ message: 'must be a claim number like 12, in plain digits' }).int({ message: 'must be a whole claim number' }).positive({ message: 'must be a claim number like 12' }).max(MAX_CLAIM_ID, { message: 'there is no claim with a number that large' }).describe('The claim number');
const actor = z.string().trim().min(1).max(200).optional().describe('A name for the audit log, recorded as given by the operator');
const flag = (what: string) => z.boolean().optional().describe(what);

function nameOf(services: CommandServices, claim: Claim): [string, string] {
  const dir = services.service.directory();
  return [dir.claimant(claim.claimant)?.name ?? claim.claimant, dir.party(claim.subject)?.name ?? claim.subject];
}
const show = (services: CommandServices, claim: Claim) => describeClaim(claim, ...nameOf(services, claim));

function refusalLines(outcome: Refusal): Reply {
  if (outcome.kind === 'needs_confirmation') {
    return refused('Not written: this figure needs a moderator to confirm it:', ...outcome.warnings.map((w) => `  ${w.field}: ${w.message}`), 'Run the command again with --confirm to write it anyway.');
  }
  return refused('Not written:', ...outcome.problems.map((p) => `  ${p.field ? `${p.field}: ` : ''}${p.message}`));
}

function report(services: CommandServices, outcome: WriteOutcome, done: string): Reply {
  return outcome.ok ? said(done, show(services, outcome.claim)) : refusalLines(outcome);
}

// --- claims ----------------------------------------------------------------------------------

export const claimsList = defineCommand({
  path: ['claims', 'list'],
  description: 'Claims, newest first, optionally by claimant, subject, metric and date',
  options: z.object({
    claimant: z.string().trim().min(1).max(100).optional().describe('Only this claimant'),
    subject: z.string().trim().min(1).max(60).optional().describe('Only losses of this party'),
    metric: z.string().trim().min(1).max(60).optional().describe('Only this metric'),
    since: IsoDateSchema.optional().describe('Only claims dated from this day (YYYY-MM-DD)'),
    all: flag('Retracted and replaced versions too'),
    limit: z.number({ message: 'must be a positive whole number' }).int().positive().max(1_000_000).optional().describe('At most this many'),
  }),
  audience: 'operator',
  run: (o, { services }) => {
    const dir = services.service.directory();
    let claimant: string | undefined;
    let subject: string | undefined;
    if (o.claimant) {
      const r = dir.resolveClaimant(o.claimant);
      if (!r.ok) return refused(`claimant: ${r.message}`);
      claimant = r.value.id;
    }
    if (o.subject) {
      const r = dir.resolveParty(o.subject);
      if (!r.ok) return refused(`subject: ${r.message}`);
      subject = r.value.id;
    }
    const metrics: readonly string[] = METRICS;
    const metric = o.metric?.toLowerCase().replace(/[\s-]+/g, '_');
    if (metric !== undefined && !metrics.includes(metric)) return refused(`metric: unknown metric "${o.metric}"; known: ${metrics.join(', ')}`);
    const claims = services.claims.list({ claimant, subject, metric: metric, since: o.since, includeInactive: o.all, limit: o.limit });
    return said(...(claims.length ? claims.map((c) => show(services, c)) : ['No claims match.']));
  },
});

const oneClaim = (verb: 'show' | 'history', description: string, render: (services: CommandServices, id: number) => Reply) =>
  defineCommand({
    path: ['claims', verb],
    description,
    options: z.object({ id: claimId }),
    positionals: ['id'],
    audience: 'operator',
    run: ({ id }, { services }) => render(services, id),
  });

export const claimsShow = oneClaim('show', 'One claim', (services, id) => {
  const claim = services.claims.get(id);
  return claim ? said(show(services, claim)) : refused(`id: there is no claim #${id}`);
});

export const claimsHistory = oneClaim('history', 'Every version of a claim and its audit log, with who made each change and from where', (services, id) => {
  const history = services.claims.history(id);
  if (!history) return refused(`id: there is no claim #${id}`);
  const out = [`Versions (${history.versions.length}):`, ...history.versions.map((v) => show(services, v)), `\nAudit log (${history.audit.length}):`];
  for (const a of history.audit) {
    out.push(`${a.at} ${a.actor} ${a.action} #${a.claimId}${a.reason ? `: ${a.reason}` : ''}`);
    if (a.author) {
      const who = a.author.platform === 'cli' ? `command line user ${a.author.userId}` : `${a.author.platform}:${a.author.userId}`;
      out.push(`  by ${a.author.name} (${who}) from ${a.author.origin}${a.author.operatorGiven ? '; the name was given by the operator' : ''}`);
    }
    for (const w of a.confirmedWarnings) out.push(`  confirmed warning: ${w}`);
  }
  return said(...out);
});

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Every claim field as an option: --as-of, --stated-on, --period-kind ... on the command line. */
const FIELD_OPTIONS = Object.fromEntries(
  CLAIM_FIELD_NAMES.filter((f) => f !== 'isCorrection').map((f) => [snake(f), z.string().max(2000).optional().describe(`The claim's ${snake(f).replace(/_/g, ' ')}`)]),
) as Record<string, z.ZodOptional<z.ZodString>>;

const WRITE = {
  ...FIELD_OPTIONS,
  correction: flag('The claimant corrected an earlier, higher cumulative figure'),
  confirm: flag('Write it although it contradicts the claimant’s own series (recorded in the audit log)'),
  actor,
};

function rawInput(o: Record<string, unknown>): RawClaimInput {
  const raw: RawClaimInput = {};
  for (const field of CLAIM_FIELD_NAMES) {
    const value = o[snake(field)];
    if (typeof value === 'string') raw[field as ClaimFieldName] = value;
  }
  if (o.correction) raw.isCorrection = true;
  return raw;
}

function writeOptions(operator: OperatorPort, o: { actor?: string | undefined; confirm?: boolean | undefined }): WriteOptions {
  return { ...operator.author(o.actor), confirm: o.confirm };
}

export const claimsAdd = defineCommand({
  path: ['claims', 'add'],
  description: 'Add a claim',
  options: z.object(WRITE),
  audience: 'operator',
  run: (o, ctx) => {
    const operator = operatorOf(ctx);
    if (isReply(operator)) return operator;
    return report(ctx.services, ctx.services.service.add(rawInput(o), writeOptions(operator, o)), 'Added:');
  },
});

export const claimsEdit = defineCommand({
  path: ['claims', 'edit'],
  description: 'Correct a claim: a new version; the old one stays in the history',
  options: z.object({ id: claimId, ...WRITE, reason: z.string().max(500).optional().describe('Why: kept in the history') }),
  positionals: ['id'],
  audience: 'operator',
  run: (o, ctx) => {
    const operator = operatorOf(ctx);
    if (isReply(operator)) return operator;
    return report(ctx.services, ctx.services.service.edit(o.id, rawInput(o), o.reason, writeOptions(operator, o)), 'Edited; the new version:');
  },
});

export const claimsRetract = defineCommand({
  path: ['claims', 'retract'],
  description: 'Withdraw a claim from answers; it stays in the history',
  options: z.object({ id: claimId, reason: z.string().max(500).optional().describe('Why: kept in the history'), actor }),
  positionals: ['id'],
  audience: 'operator',
  run: (o, ctx) => {
    const operator = operatorOf(ctx);
    if (isReply(operator)) return operator;
    const { services } = ctx;
    if (!services.claims.get(o.id) && services.claims.rawRow(o.id)?.status === 'active') {
      // A row doctor named as unreadable: retracted by id, kept as it was in the audit log.
      const done = services.service.retractUnreadable(o.id, o.reason, writeOptions(operator, o));
      return done.ok ? said(`Retracted claim #${o.id}, which could not be read; it is out of every answer and kept in the audit log.`) : refusalLines(done);
    }
    return report(services, services.service.retract(o.id, o.reason, writeOptions(operator, o)), 'Retracted:');
  },
});

export const claimsExport = defineCommand({
  path: ['claims', 'export'],
  description: 'Every claim, with the parties and claimants, as JSON',
  options: z.object({ all: flag('Retracted and replaced versions too') }),
  audience: 'operator',
  run: (o, { services }) => {
    const dir = services.service.directory();
    const claims = services.claims.list({ includeInactive: o.all }).reverse();
    return said(JSON.stringify({ exportedAt: new Date().toISOString(), parties: dir.parties, claimants: dir.claimants, claims }, null, 2));
  },
});

export const claimantsList = defineCommand({
  path: ['claimants', 'list'],
  description: 'Every claimant with its kind, side, parent and aliases',
  options: z.object({}),
  audience: 'operator',
  run: (_o, { services }) => {
    const dir = services.service.directory();
    const out: string[] = [];
    for (const c of dir.claimants) {
      const party = c.party ? dir.party(c.party)?.name : null;
      const parent = c.parent ? dir.claimant(c.parent)?.name : null;
      out.push(`${c.id}: ${c.name} (${c.kind.replace('_', ' ')}${party ? `, for ${party}` : ''}${parent ? `, part of ${parent}` : ''})`);
      if (c.aliases.length) out.push(`  also: ${c.aliases.join(', ')}`);
    }
    return said(...out);
  },
});

// --- moderators ------------------------------------------------------------------------------

const platformUser = z
  .string({ message: 'name the user as discord:ID or telegram:ID (a numeric id)' })
  .regex(/^[a-z][a-z0-9_-]{1,19}:\d{1,25}$/, { message: 'name the user as discord:ID or telegram:ID (a numeric id)' })
  .describe('The user: platform:ID, e.g. discord:123');
const userOf = (s: string) => ({ platform: s.slice(0, s.indexOf(':')), id: s.slice(s.indexOf(':') + 1) });
const reason = z.string().trim().max(500, { message: 'at most 500 characters' }).optional().describe('Why: kept in the moderators log');

export const operatorModeratorsList = defineCommand({
  path: ['moderators', 'list'],
  description: 'Owners, moderators, the roles and chats that count, and optionally the log',
  options: z.object({ log: flag('Every grant and removal, newest first') }),
  audience: 'operator',
  run: (o, { services }) => {
    const { owners, configured, granted } = services.access.named();
    const c = services.access.config;
    const out = [`Owners (LOSSBOT_OWNERS): ${owners.map((w) => `${w.platform}:${w.id}`).join(', ') || 'none'}`, `Moderators (${granted.length}):`];
    for (const m of granted) out.push(`  ${m.platform}:${m.userId} ${m.name}, since ${m.grantedAt}, granted by ${m.grantedBy}`);
    if (configured.length) out.push(`Named in TELEGRAM_MODERATOR_IDS: ${configured.map((u) => u.id).join(', ')}`);
    if (c.discordHomeGuildId && c.discordModeratorRoleIds.length) out.push(`Discord: members of server ${c.discordHomeGuildId} with role ${c.discordModeratorRoleIds.join(', ')}`);
    if (c.telegramModeratorChatIds.length) out.push(`Telegram: administrators of chat ${c.telegramModeratorChatIds.join(', ')}`);
    if (o.log) {
      out.push('Log (newest first):');
      for (const e of services.access.moderators.history(100)) {
        const by = `${e.by.name} (${e.by.platform === 'cli' ? `command line user ${e.by.userId}` : `${e.by.platform}:${e.by.userId}`}, from ${e.by.origin}${e.by.operatorGiven ? ', name given by the operator' : ''})`;
        out.push(`  ${e.at} ${e.action} ${e.platform}:${e.userId} ${e.name} by ${by}${e.reason ? `: ${e.reason}` : ''}`);
      }
    }
    return said(...out);
  },
});

export const operatorModeratorsAdd = defineCommand({
  path: ['moderators', 'add'],
  description: 'Make someone a claim moderator, everywhere, at once',
  options: z.object({
    user: platformUser,
    name: z.string({ message: 'give their display name (at most 100 characters), shown in histories' }).trim().min(1, { message: 'give their display name' }).max(100).describe('Their display name, shown in histories'),
    reason,
    actor,
  }),
  positionals: ['user'],
  audience: 'operator',
  run: (o, ctx) => {
    const operator = operatorOf(ctx);
    if (isReply(operator)) return operator;
    const { platform, id } = userOf(o.user);
    if (ctx.services.access.isOwner(platform, id)) return refused(`${platform}:${id} is an owner (LOSSBOT_OWNERS) and moderates already; nothing was changed.`);
    const result = ctx.services.access.grant(platform, id, o.name, operator.author(o.actor).author, o.reason || null);
    return said(result.changed ? `${o.name} (${platform}:${id}) is now a claim moderator.` : `${o.name} (${platform}:${id}) was already a claim moderator; nothing was changed.`);
  },
});

export const operatorModeratorsRemove = defineCommand({
  path: ['moderators', 'remove'],
  description: "End someone's claim moderator rights at once",
  options: z.object({ user: platformUser, reason, actor }),
  positionals: ['user'],
  audience: 'operator',
  run: (o, ctx) => {
    const operator = operatorOf(ctx);
    if (isReply(operator)) return operator;
    const { platform, id } = userOf(o.user);
    const result = ctx.services.access.revoke(platform, id, operator.author(o.actor).author, o.reason || null);
    if (!result.changed) {
      return refused(`${platform}:${id} is not in the moderators table; nothing was changed.${ctx.services.access.isNamedModerator(platform, id) ? ' They are named in the configuration (LOSSBOT_OWNERS or TELEGRAM_MODERATOR_IDS): change it there.' : ''}`);
    }
    return said(`${result.moderator!.name} (${platform}:${id}) is no longer a claim moderator.`);
  },
});

// --- operations ------------------------------------------------------------------------------

/** What an operation printed, as a reply: refused (exit 1 or 2) unless it succeeded. */
function outcome(result: { code: number; out: string[]; err: string[] }): Reply {
  const all = [...result.out, ...result.err];
  if (result.code === 0) return said(...all);
  return result.code === 2 ? usageRefusal(...all) : refused(...all);
}

export const doctor = defineCommand({
  path: ['doctor'],
  description: 'Check the configuration and the database, and say plainly what is wrong',
  options: z.object({}),
  audience: 'operator',
  run: (_o, ctx) => {
    const operator = operatorOf(ctx);
    return isReply(operator) ? operator : outcome(operator.doctor());
  },
});

export const backup = defineCommand({
  path: ['backup'],
  description: "Copy the database to a new file while the bot keeps running (SQLite's online backup)",
  options: z.object({ path: z.string({ message: 'name a new file' }).min(1).describe('The new file') }),
  positionals: ['path'],
  audience: 'operator',
  run: async (o, ctx) => {
    const operator = operatorOf(ctx);
    return isReply(operator) ? operator : outcome(await operator.backup(o.path));
  },
});

export const importUaGeneralStaff = defineCommand({
  path: ['import', 'ua-general-staff'],
  description: "Import the General Staff's daily reports from files or http(s) addresses",
  options: z.object({
    personnel: z.string({ message: 'name the personnel file or address' }).min(1).describe('The personnel file or URL'),
    equipment: z.string({ message: 'name the equipment file or address' }).min(1).describe('The equipment file or URL'),
    corrections: z.string().min(1).optional().describe('The corrections file or URL'),
    actor,
  }),
  audience: 'operator',
  run: async (o, ctx) => {
    const operator = operatorOf(ctx);
    return isReply(operator) ? operator : outcome(await operator.importUaGeneralStaff(o));
  },
});

export const OPERATOR_COMMANDS = [
  claimsList, claimsShow, claimsHistory, claimsAdd, claimsEdit, claimsRetract, claimsExport, claimantsList,
  operatorModeratorsList, operatorModeratorsAdd, operatorModeratorsRemove, doctor, backup, importUaGeneralStaff,
];
