// How claims, write outcomes and histories read in chat, shared by the claim commands.
import type { RawClaimInput } from '../src/core/claim-input.ts';
import type { Directory } from '../src/core/directory.ts';
import { claimSpans } from '../src/core/claim-doc.ts';
import { bold, code, doc, heading, item, paragraph, text, type Block, type Doc } from '../src/core/doc.ts';
import type { Claim } from '../src/core/model.ts';
import type { Finding } from '../src/core/plausibility.ts';
import type { Refusal } from '../src/services/claims-service.ts';
import type { Reply } from './types.ts';
import { refusal } from './run.ts';
import { formatNumber, formatShortDate, t, type Locale } from '../src/i18n/index.ts';
import { metricName } from '../src/i18n/names.ts';

/** The names moderators type, for the model's field names, so an error names what they typed. */
const OPTION_FOR_FIELD: Record<string, string> = {
  periodEnd: 'as_of / to',
  periodStart: 'from',
  statedOn: 'stated_on',
  isCorrection: 'correction',
  'source.url': 'url',
  'source.publisher': 'publisher',
  'source.title': 'title',
  'source.publishedOn': 'published_on',
  low: 'low / value',
  high: 'high / value',
};

/** Findings as the chat shows them: option names for fields, and the message in the reader's language where it has one. */
export function optionProblems(problems: Finding[], locale: Locale = 'en'): Finding[] {
  return problems.map((p) => ({ ...p, field: OPTION_FOR_FIELD[p.field] ?? p.field, message: findingText(p, locale) }));
}

function findingText(finding: Finding, locale: Locale): string {
  if (locale === 'en' || !finding.words) return finding.message;
  const args: Record<string, string> = {};
  for (const [name, value] of Object.entries(finding.words.args)) {
    if (typeof value === 'number') args[name] = formatNumber(locale, value);
    else if (name === 'metric') args[name] = metricName(locale, value);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) args[name] = formatShortDate(locale, value);
    else args[name] = value;
  }
  return t(locale, finding.words.key, args);
}

export function refusalFromOutcome(outcome: Refusal, locale: Locale = 'en'): Reply {
  if (outcome.kind === 'needs_confirmation') return refusal(t(locale, 'claim-needs-confirmation'), optionProblems(outcome.warnings, locale));
  if (outcome.kind === 'not_found' && locale !== 'en') {
    // The service names the missing claim in English; the reader's language says the same.
    const problems = outcome.problems.map((p) => {
      const id = /#(\d+)/.exec(p.message)?.[1];
      return id && p.field === 'id' ? { field: 'id', message: t(locale, 'claim-not-found-field', { id }) } : p;
    });
    return refusal(t(locale, 'claim-no-such'), optionProblems(problems, locale));
  }
  return refusal(t(locale, outcome.kind === 'not_found' ? 'claim-no-such' : 'claim-not-right'), optionProblems(outcome.problems, locale));
}

export function claimBlock(claim: Claim, dir: Directory, locale: Locale = 'en'): Block {
  const word = claim.status === 'active' ? '' : t(locale, 'claim-status', { status: claim.status });
  const status = !word ? '' : ` (${claim.supersededBy ? t(locale, 'claim-status-replaced', { status: word, id: String(claim.supersededBy) }) : word})`;
  return paragraph(code(`#${claim.id}`), text(` ${t(locale, 'claim-version', { version: String(claim.version) })}${status} `), ...claimSpans(claim, dir, locale));
}

export function claimDoc(title: string, claim: Claim, dir: Directory, locale: Locale = 'en'): Doc {
  return doc(title, [claimBlock(claim, dir, locale)]);
}

export function warningBlocks(warnings: Finding[], locale: Locale = 'en'): Block[] {
  if (!warnings.length) return [];
  return [heading(bold(t(locale, 'claim-check-before'))), ...optionProblems(warnings, locale).map((w) => item(text(`${w.field ? `${w.field}: ` : ''}${w.message}`)))];
}

/** Chat options (snake_case) -> the claim input every adapter shares. */
export function rawClaimInput(options: Record<string, unknown>): RawClaimInput {
  const map: Record<string, keyof RawClaimInput> = {
    claimant: 'claimant', subject: 'subject', metric: 'metric', value: 'value', low: 'low', high: 'high', qualifier: 'qualifier',
    words: 'words', as_of: 'asOf', from: 'from', to: 'to', stated_on: 'statedOn', url: 'url', publisher: 'publisher',
    title: 'title', note: 'note', correction: 'isCorrection', published_on: 'publishedOn',
  };
  const raw: RawClaimInput = {};
  for (const [key, value] of Object.entries(options)) {
    const field = map[key];
    if (field && value !== undefined) raw[field] = value as string | boolean;
  }
  return raw;
}
