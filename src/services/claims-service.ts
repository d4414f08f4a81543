// Adding, editing and retracting claims: validation, name resolution and plausibility in one
// place, so the command line and every chat adapter apply the same rules before the same writes.
import { buildClaimFields, ClaimIdSchema, type RawClaimInput } from '../core/claim-input.ts';
import { Directory } from '../core/directory.ts';
import { ActorSchema, claimDateProblems, dateBounds, describeZodError, ReasonSchema, type Claim, type ClaimFields } from '../core/model.ts';
import { checkPlausibility, type Finding } from '../core/plausibility.ts';
import type { ClaimsRepo } from '../store/claims-repo.ts';
import type { ReferenceRepo } from '../store/reference-repo.ts';
import type { Author } from '../store/moderators-repo.ts';

export type WriteOutcome =
  | { ok: true; claim: Claim; previous?: Claim }
  /** Refused: nothing was written. Each problem names its field. */
  | { ok: false; kind: 'invalid'; problems: Finding[] }
  | { ok: false; kind: 'not_found'; problems: Finding[] }
  /** Plausible only with a moderator's confirmation: call again with `confirm`. */
  | { ok: false; kind: 'needs_confirmation'; fields: ClaimFields; warnings: Finding[] };

export interface WriteOptions {
  actor: string;
  /** The moderator has seen these warnings and confirms the write. */
  confirm?: boolean;
  /** Platform, user id, display name and origin, for the audit row. */
  author?: Author;
}

export type Refusal = Extract<WriteOutcome, { ok: false }>;

function invalid(field: string, message: string): Refusal {
  return { ok: false, kind: 'invalid', problems: [{ field, message }] };
}

function problemsFromMessage(message: string): Finding[] {
  return message.split('\n').map((line) => {
    const colon = line.indexOf(': ');
    return colon > 0 ? { field: line.slice(0, colon), message: line.slice(colon + 2) } : { field: '', message: line };
  });
}

export class ClaimsService {
  private cachedDirectory: Directory | null = null;

  constructor(
    readonly claims: ClaimsRepo,
    readonly reference: ReferenceRepo,
  ) {}

  directory(): Directory {
    this.cachedDirectory ??= new Directory(this.reference.parties(), this.reference.claimants());
    return this.cachedDirectory;
  }

  /** Call after reference data changes (seeding, a new claimant). */
  invalidateDirectory(): void {
    this.cachedDirectory = null;
  }

  /** Turns typed names into ids: "UK MoD" -> uk-ministry-of-defence, "Russian" -> russia. */
  private resolveNames(raw: RawClaimInput): { ok: true; raw: RawClaimInput } | { ok: false; outcome: Refusal } {
    const dir = this.directory();
    const resolved: RawClaimInput = { ...raw };
    if (typeof raw.claimant === 'string' && raw.claimant.trim()) {
      const r = dir.resolveClaimant(raw.claimant);
      if (!r.ok) return { ok: false, outcome: invalid('claimant', r.message) };
      resolved.claimant = r.value.id;
    }
    if (typeof raw.subject === 'string' && raw.subject.trim()) {
      const r = dir.resolveParty(raw.subject);
      if (!r.ok) return { ok: false, outcome: invalid('subject', r.message) };
      resolved.subject = r.value.id;
    }
    return { ok: true, raw: resolved };
  }

  private checkReferences(fields: ClaimFields): Refusal | null {
    if (!this.directory().claimant(fields.claimant)) return invalid('claimant', `unknown claimant "${fields.claimant}"`);
    if (!this.directory().party(fields.subject)) return invalid('subject', `unknown party "${fields.subject}"`);
    const conflict = this.reference.conflict(fields.conflict);
    if (!conflict) return invalid('conflict', `unknown conflict "${fields.conflict}"`);
    // Dates inside the conflict and not in the future: a claim "as of 9999-12-30" would be every "latest".
    const dates = claimDateProblems(fields, dateBounds(this.claims.now(), conflict.startedOn));
    if (dates.length) return { ok: false, kind: 'invalid', problems: dates.map((p) => ({ field: p.path, message: p.message })) };
    return null;
  }

  /** Validation and plausibility without writing: what a preview shows before Confirm. */
  prepareAdd(raw: RawClaimInput): Refusal | { ok: true; fields: ClaimFields; warnings: Finding[] } {
    const names = this.resolveNames(raw);
    if (!names.ok) return names.outcome;
    const built = buildClaimFields(names.raw);
    if (!built.ok) return { ok: false, kind: 'invalid', problems: problemsFromMessage(built.message) };
    const refProblem = this.checkReferences(built.fields);
    if (refProblem) return refProblem;
    const verdict = checkPlausibility(built.fields, this.claims.seriesContext(built.fields));
    if (verdict.errors.length) return { ok: false, kind: 'invalid', problems: verdict.errors };
    return { ok: true, fields: built.fields, warnings: verdict.warnings };
  }

  add(raw: RawClaimInput, options: WriteOptions): WriteOutcome {
    const actor = ActorSchema.safeParse(options.actor);
    if (!actor.success) return invalid('actor', describeZodError(actor.error));
    // Validate and write in one transaction so a concurrent write cannot slip between check and insert.
    return this.claims.transaction(() => {
      const prepared = this.prepareAdd(raw);
      if (!prepared.ok) return prepared;
      if (prepared.warnings.length && !options.confirm)
        return { ok: false, kind: 'needs_confirmation', fields: prepared.fields, warnings: prepared.warnings };
      const claim = this.claims.insertInTransaction(prepared.fields, {
        actor: actor.data,
        reason: null,
        confirmedWarnings: prepared.warnings.map((w) => w.message),
        author: options.author,
      });
      return { ok: true, claim };
    });
  }

  private loadActive(idRaw: unknown): { ok: true; claim: Claim } | { ok: false; outcome: WriteOutcome } {
    const id = ClaimIdSchema.safeParse(idRaw);
    if (!id.success) return { ok: false, outcome: invalid('id', describeZodError(id.error)) };
    const claim = this.claims.get(id.data);
    if (!claim) return { ok: false, outcome: { ok: false, kind: 'not_found', problems: [{ field: 'id', message: `there is no claim #${id.data}` }] } };
    if (claim.status === 'superseded')
      return { ok: false, outcome: invalid('id', `claim #${claim.id} was replaced by #${claim.supersededBy}; edit that one`) };
    if (claim.status === 'retracted') return { ok: false, outcome: invalid('id', `claim #${claim.id} is retracted`) };
    return { ok: true, claim };
  }

  /** An edit checked as `edit` checks it, without writing: what a preview shows before Confirm. */
  prepareEdit(idRaw: unknown, raw: RawClaimInput, reasonRaw: unknown): Refusal | { ok: true; old: Claim; fields: ClaimFields; warnings: Finding[]; reason: string } {
    const reason = ReasonSchema.safeParse(reasonRaw);
    if (!reason.success) return invalid('reason', describeZodError(reason.error));
    if (Object.values(raw).every((v) => v === undefined)) return invalid('field', 'name at least one field to change, like --low 45000');
    const loaded = this.loadActive(idRaw);
    if (!loaded.ok) return loaded.outcome as Refusal;
    const old = loaded.claim;
    const names = this.resolveNames(raw);
    if (!names.ok) return names.outcome;
    const built = buildClaimFields(names.raw, old);
    if (!built.ok) return { ok: false, kind: 'invalid', problems: problemsFromMessage(built.message) };
    const refProblem = this.checkReferences(built.fields);
    if (refProblem) return refProblem;
    const verdict = checkPlausibility(built.fields, this.claims.seriesContext(built.fields, old.lineageId));
    if (verdict.errors.length) return { ok: false, kind: 'invalid', problems: verdict.errors };
    return { ok: true, old, fields: built.fields, warnings: verdict.warnings, reason: reason.data };
  }

  /** A retraction checked without writing: the claim it would withdraw. */
  prepareRetract(idRaw: unknown, reasonRaw: unknown): Refusal | { ok: true; claim: Claim; reason: string } {
    const reason = ReasonSchema.safeParse(reasonRaw);
    if (!reason.success) return invalid('reason', describeZodError(reason.error));
    const loaded = this.loadActive(idRaw);
    if (!loaded.ok) return loaded.outcome as Refusal;
    return { ok: true, claim: loaded.claim, reason: reason.data };
  }

  edit(idRaw: unknown, raw: RawClaimInput, reasonRaw: unknown, options: WriteOptions): WriteOutcome {
    return this.claims.transaction(() => {
      const prepared = this.prepareEdit(idRaw, raw, reasonRaw);
      if (!prepared.ok) return prepared;
      const { old, fields, warnings, reason } = prepared;
      if (warnings.length && !options.confirm) return { ok: false, kind: 'needs_confirmation', fields, warnings };
      const claim = this.claims.supersedeInTransaction(old, fields, {
        actor: options.actor,
        reason,
        confirmedWarnings: warnings.map((w) => w.message),
        author: options.author,
      });
      return { ok: true, claim, previous: old };
    });
  }

  /**
   * Retracts a stored row the model cannot read (doctor names each, with this command): it leaves
   * every answer; the audit log keeps it as it was. False when there is no such active row.
   */
  retractUnreadable(id: number, reasonRaw: unknown, options: WriteOptions): { ok: true } | Refusal {
    const reason = ReasonSchema.safeParse(reasonRaw);
    if (!reason.success) return invalid('reason', describeZodError(reason.error));
    const actor = ActorSchema.safeParse(options.actor);
    if (!actor.success) return invalid('actor', describeZodError(actor.error));
    const done = this.claims.transaction(() => this.claims.get(id) === null && this.claims.retractUnreadableInTransaction(id, { actor: actor.data, reason: reason.data, author: options.author }));
    return done ? { ok: true } : { ok: false, kind: 'not_found', problems: [{ field: 'id', message: `claim #${id} is not an unreadable active claim` }] };
  }

  retract(idRaw: unknown, reasonRaw: unknown, options: WriteOptions): WriteOutcome {
    const reason = ReasonSchema.safeParse(reasonRaw);
    if (!reason.success) return invalid('reason', describeZodError(reason.error));
    return this.claims.transaction(() => {
      const loaded = this.loadActive(idRaw);
      if (!loaded.ok) return loaded.outcome;
      const claim = this.claims.retractInTransaction(loaded.claim, { actor: options.actor, reason: reason.data, author: options.author });
      return { ok: true, claim, previous: loaded.claim };
    });
  }
}
