// Who is who: claimants and parties with their aliases, looked up by the names people type.
import { distance } from 'fastest-levenshtein';
import type { Claimant, Party } from './model.ts';

/** Lower case, one kind of apostrophe, no punctuation but apostrophes, single spaces. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Edits tolerated in a name of this length: none for short words, where a typo makes another word. */
export function typoAllowance(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

export type Resolution<T> = { ok: true; value: T } | { ok: false; message: string };

export class Directory {
  private readonly claimantsById: Map<string, Claimant>;
  private readonly partiesById: Map<string, Party>;

  constructor(
    readonly parties: readonly Party[],
    readonly claimants: readonly Claimant[],
  ) {
    this.claimantsById = new Map(claimants.map((c) => [c.id, c]));
    this.partiesById = new Map(parties.map((p) => [p.id, p]));
  }

  claimant(id: string): Claimant | undefined {
    return this.claimantsById.get(id);
  }

  party(id: string): Party | undefined {
    return this.partiesById.get(id);
  }

  /** Claimants that speak for a party. */
  claimantsOf(partyId: string): Claimant[] {
    return this.claimants.filter((c) => c.party === partyId);
  }

  resolveClaimant(text: string): Resolution<Claimant> {
    return resolve(text, this.claimants, (c) => [c.id, c.name, ...c.aliases], 'claimant', (c) => c.name);
  }

  resolveParty(text: string): Resolution<Party> {
    return resolve(text, this.parties, (p) => [p.id, p.name, p.adjective, ...p.aliases], 'party', (p) => p.name);
  }
}

function resolve<T>(text: string, items: readonly T[], names: (item: T) => string[], what: string, label: (item: T) => string): Resolution<T> {
  const wanted = normaliseName(text);
  if (!wanted) return { ok: false, message: `no ${what} given` };
  const exact = items.filter((item) => names(item).some((n) => normaliseName(n) === wanted || normaliseName(n).replace(/ /g, '-') === wanted));
  if (exact.length === 1) return { ok: true, value: exact[0]! };
  const allowance = typoAllowance(wanted.length);
  const close = items
    .map((item) => ({ item, d: Math.min(...names(item).map((n) => distance(normaliseName(n), wanted))) }))
    .filter((x) => x.d <= allowance)
    .sort((a, b) => a.d - b.d);
  if (close.length >= 1 && (close.length === 1 || close[0]!.d < close[1]!.d)) return { ok: true, value: close[0]!.item };
  const known = items.map(label).join(', ');
  if (exact.length > 1 || close.length > 1) {
    const options = (exact.length > 1 ? exact : close.map((x) => x.item)).map(label).join(', ');
    return { ok: false, message: `"${text}" could be more than one ${what}: ${options}` };
  }
  return { ok: false, message: `unknown ${what} "${text}"; known: ${known}` };
}
