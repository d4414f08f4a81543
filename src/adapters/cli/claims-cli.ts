// `npm run cli -- <command>`: claims and claimants from a terminal. Exit 0 on success, 1 when
// input is refused (nothing is written), 2 on a usage error.
import { hostname, userInfo } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { App } from '../../app.ts';
import { CLAIM_FIELD_NAMES, ClaimIdSchema, type ClaimFieldName, type RawClaimInput } from '../../core/claim-input.ts';
import { describeClaim } from '../../core/format.ts';
import { IsoDateSchema, describeZodError, type Claim } from '../../core/model.ts';
import { METRICS, type Metric } from '../../core/vocabulary.ts';
import type { Refusal, WriteOptions, WriteOutcome } from '../../services/claims-service.ts';
import type { Author } from '../../store/moderators-repo.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export class UsageError extends Error {}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const FIELD_FLAGS = Object.fromEntries(
  CLAIM_FIELD_NAMES.filter((f) => f !== 'isCorrection').map((f) => [kebab(f), { type: 'string' as const }]),
);

const WRITE_OPTIONS = {
  ...FIELD_FLAGS,
  correction: { type: 'boolean' as const },
  confirm: { type: 'boolean' as const },
  reason: { type: 'string' as const },
  actor: { type: 'string' as const },
} satisfies ParseArgsConfig['options'];

export const CLAIMS_USAGE = `Usage: npm run cli -- <command>

  claims list [--claimant C] [--subject P] [--metric M] [--since YYYY-MM-DD] [--all] [--limit N]
  claims show ID
  claims history ID
  claims add --claimant C --subject P --metric M (--value N | --low N --high N) [--qualifier Q]
             [--words "as said"] (--as-of DATE | --from DATE --to DATE | --period-kind K --period-label L)
             [--stated-on DATE] [--stated-precision day|month|year] [--publisher P] [--title T] [--url U]
             [--published-on DATE] [--note N] [--conflict C] [--aggregation total|daily_average]
             [--correction] [--confirm]
  claims edit ID --<field> VALUE ... --reason "why" [--confirm]
  claims retract ID --reason "why"
  claims export [--all]
  claimants list

Metrics: ${METRICS.join(', ')}
Qualifiers: exact, about, nearly, more_than, at_least, up_to, fewer_than
Writes are recorded in the audit log as --actor (default: cli:<your user name>); a name given with
--actor is recorded as given by the operator, beside your user name and this host.`;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length !== positionals)
      throw new UsageError(positionals ? `expected ${positionals} argument(s), got ${parsed.positionals.length}` : `unexpected argument "${parsed.positionals[0]}"`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Who runs a command-line write: the operating-system user on this host; a name given with
 * --actor is kept as the name and marked as the operator's word, not checked by any platform.
 */
export function operatorAuthor(given: string | undefined): { actor: string; author: Author } {
  const user = osUser();
  const name = given?.trim();
  const author: Author = { platform: 'cli', userId: user.slice(0, 100), name: (name || user).slice(0, 200), origin: `command line on ${hostname()}`.slice(0, 300), operatorGiven: Boolean(name) };
  return { actor: name ? name.slice(0, 200) : `cli:${user}`.slice(0, 200), author };
}

function writeOptions(values: { actor?: string | undefined; confirm?: boolean | undefined }): WriteOptions {
  return { ...operatorAuthor(values.actor), confirm: values.confirm };
}

function rawInput(values: Record<string, string | boolean | undefined>): RawClaimInput {
  const raw: RawClaimInput = {};
  for (const field of CLAIM_FIELD_NAMES) {
    const value = values[kebab(field)];
    if (typeof value === 'string') raw[field as ClaimFieldName] = value;
  }
  if (values.correction) raw.isCorrection = true;
  return raw;
}

export class ClaimsCli {
  constructor(
    private readonly app: App,
    private readonly io: CliIo,
  ) {}

  private name(claim: Claim): [string, string] {
    const dir = this.app.service.directory();
    return [dir.claimant(claim.claimant)?.name ?? claim.claimant, dir.party(claim.subject)?.name ?? claim.subject];
  }

  private show(claim: Claim): void {
    this.io.out(describeClaim(claim, ...this.name(claim)));
  }

  private report(outcome: WriteOutcome, done: string): number {
    if (outcome.ok) {
      this.io.out(done);
      this.show(outcome.claim);
      return 0;
    }
    this.refuse(outcome);
    return 1;
  }

  private refuse(outcome: Refusal): void {
    if (outcome.kind === 'needs_confirmation') {
      this.io.err('Not written: this figure needs a moderator to confirm it:');
      for (const w of outcome.warnings) this.io.err(`  ${w.field}: ${w.message}`);
      this.io.err('Run the command again with --confirm to write it anyway.');
      return;
    }
    this.io.err('Not written:');
    for (const p of outcome.problems) this.io.err(`  ${p.field ? `${p.field}: ` : ''}${p.message}`);
  }

  run(args: string[]): number {
    const [group, command, ...rest] = args;
    if (group === 'claimants' && command === 'list') return this.listClaimants(rest);
    if (group !== 'claims') throw new UsageError(group ? `unknown command "${group}"` : 'no command given');
    switch (command) {
      case 'list':
        return this.list(rest);
      case 'show':
        return this.showOne(rest);
      case 'history':
        return this.history(rest);
      case 'add':
        return this.add(rest);
      case 'edit':
        return this.edit(rest);
      case 'retract':
        return this.retract(rest);
      case 'export':
        return this.exportAll(rest);
      default:
        throw new UsageError(command ? `unknown claims command "${command}"` : 'claims needs a command: list, show, history, add, edit, retract, export');
    }
  }

  private list(args: string[]): number {
    const { values } = parse(args, {
      claimant: { type: 'string' },
      subject: { type: 'string' },
      metric: { type: 'string' },
      since: { type: 'string' },
      all: { type: 'boolean' },
      limit: { type: 'string' },
    });
    const dir = this.app.service.directory();
    let claimant: string | undefined;
    let subject: string | undefined;
    if (values.claimant) {
      const r = dir.resolveClaimant(values.claimant);
      if (!r.ok) return this.fail('claimant', r.message);
      claimant = r.value.id;
    }
    if (values.subject) {
      const r = dir.resolveParty(values.subject);
      if (!r.ok) return this.fail('subject', r.message);
      subject = r.value.id;
    }
    const metric = values.metric?.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (metric !== undefined && !(METRICS as readonly string[]).includes(metric)) return this.fail('metric', `unknown metric "${values.metric}"; known: ${METRICS.join(', ')}`);
    if (values.since !== undefined) {
      const since = IsoDateSchema.safeParse(values.since);
      if (!since.success) return this.fail('since', describeZodError(since.error));
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) return this.fail('limit', 'must be a positive whole number');
    const claims = this.app.claims.list({ claimant, subject, metric: metric as Metric | undefined, since: values.since, includeInactive: values.all, limit });
    if (!claims.length) this.io.out('No claims match.');
    for (const c of claims) this.show(c);
    return 0;
  }

  private fail(field: string, message: string): number {
    this.io.err(`${field}: ${message}`);
    return 1;
  }

  private claimId(args: string[]): number {
    const id = ClaimIdSchema.safeParse(args[0]);
    if (!id.success) throw new UsageError(`id: ${describeZodError(id.error)}`);
    return id.data;
  }

  private showOne(args: string[]): number {
    parse(args, {}, 1);
    const claim = this.app.claims.get(this.claimId(args));
    if (!claim) return this.fail('id', `there is no claim #${args[0]}`);
    this.show(claim);
    return 0;
  }

  private history(args: string[]): number {
    parse(args, {}, 1);
    const history = this.app.claims.history(this.claimId(args));
    if (!history) return this.fail('id', `there is no claim #${args[0]}`);
    this.io.out(`Versions (${history.versions.length}):`);
    for (const v of history.versions) this.show(v);
    this.io.out(`\nAudit log (${history.audit.length}):`);
    for (const a of history.audit) {
      this.io.out(`${a.at} ${a.actor} ${a.action} #${a.claimId}${a.reason ? `: ${a.reason}` : ''}`);
      if (a.author) {
        const who = a.author.platform === 'cli' ? `command line user ${a.author.userId}` : `${a.author.platform}:${a.author.userId}`;
        this.io.out(`  by ${a.author.name} (${who}) from ${a.author.origin}${a.author.operatorGiven ? '; the name was given by the operator' : ''}`);
      }
      for (const w of a.confirmedWarnings) this.io.out(`  confirmed warning: ${w}`);
    }
    return 0;
  }

  private add(args: string[]): number {
    const { values } = parse(args, WRITE_OPTIONS);
    if (values.reason !== undefined) throw new UsageError('--reason is for edit and retract');
    const outcome = this.app.service.add(rawInput(values), writeOptions(values));
    return this.report(outcome, 'Added:');
  }

  private edit(args: string[]): number {
    const { values } = parse(args, WRITE_OPTIONS, 1);
    const outcome = this.app.service.edit(args[0], rawInput(values), values.reason, writeOptions(values));
    return this.report(outcome, 'Edited; the new version:');
  }

  private retract(args: string[]): number {
    const { values } = parse(args, { reason: { type: 'string' }, actor: { type: 'string' } }, 1);
    const id = this.claimId(args);
    if (!this.app.claims.get(id) && this.app.claims.rawRow(id)?.status === 'active') {
      // A row doctor named as unreadable: retracted by id, kept as it was in the audit log.
      const done = this.app.service.retractUnreadable(id, values.reason, writeOptions(values));
      if (!done.ok) {
        this.refuse(done);
        return 1;
      }
      this.io.out(`Retracted claim #${id}, which could not be read; it is out of every answer and kept in the audit log.`);
      return 0;
    }
    const outcome = this.app.service.retract(args[0], values.reason, writeOptions(values));
    return this.report(outcome, 'Retracted:');
  }

  private exportAll(args: string[]): number {
    const { values } = parse(args, { all: { type: 'boolean' } });
    const dir = this.app.service.directory();
    const claims = this.app.claims.list({ includeInactive: values.all }).reverse();
    this.io.out(JSON.stringify({ exportedAt: new Date().toISOString(), parties: dir.parties, claimants: dir.claimants, claims }, null, 2));
    return 0;
  }

  private listClaimants(args: string[]): number {
    parse(args, {});
    const dir = this.app.service.directory();
    for (const c of dir.claimants) {
      const party = c.party ? dir.party(c.party)?.name : null;
      const parent = c.parent ? dir.claimant(c.parent)?.name : null;
      this.io.out(`${c.id}: ${c.name} (${c.kind.replace('_', ' ')}${party ? `, for ${party}` : ''}${parent ? `, part of ${parent}` : ''})`);
      if (c.aliases.length) this.io.out(`  also: ${c.aliases.join(', ')}`);
    }
    return 0;
  }
}
