// Claimant, party and metric names in the language of an answer. Claimants' and parties' names in
// Ukrainian and Russian live in the data files (`names: {uk: {name: ...}, ru: {...}}` in
// data/claimants.yaml and data/parties.yaml); metric names in the catalogues (metric-<id>).
import { join } from 'node:path';
import { readYamlFile } from '../data-file.ts';
import { DATA_DIR } from '../paths.ts';
import { hasMessage, t, type Locale } from './index.ts';

type Names = Map<string, Partial<Record<string, string>>>;
const cache = new Map<string, Names>();

function localNames(file: 'claimants.yaml' | 'parties.yaml'): Names {
  let names = cache.get(file);
  if (names) return names;
  names = new Map();
  try {
    const rows = readYamlFile(join(DATA_DIR, file));
    if (Array.isArray(rows))
      for (const row of rows as { id?: unknown; names?: Record<string, { name?: unknown }> }[]) {
        if (typeof row?.id !== 'string' || !row.names) continue;
        const byLocale: Partial<Record<string, string>> = {};
        for (const [locale, n] of Object.entries(row.names)) if (typeof n?.name === 'string') byLocale[locale] = n.name;
        names.set(row.id, byLocale);
      }
  } catch {
    // A data file that does not read is reported where it is loaded; names fall back to English.
  }
  cache.set(file, names);
  return names;
}

/** A claimant's name in the locale, or the name it has (English, or a claimant added in chat). */
export function claimantName(locale: Locale, id: string, fallback: string): string {
  return locale === 'en' ? fallback : (localNames('claimants.yaml').get(id)?.[locale] ?? fallback);
}

/** A party's name in the locale ("Росія"); English: its name. */
export function partyName(locale: Locale, id: string, fallback: string): string {
  return locale === 'en' ? fallback : (localNames('parties.yaml').get(id)?.[locale] ?? fallback);
}

const key = (metric: string) => metric.replace(/_/g, '-');

/** "1 submarine", not "1 submarines": the English labels are plurals of regular nouns ("losses" -> "loss"). */
function englishSingular(label: string): string {
  if (/sses$/.test(label)) return label.slice(0, -2);
  return /[^sSu]s$/.test(label) ? label.slice(0, -1) : label;
}

/** English metric labels from data/metrics.yaml where it exists (metrics are data), by id. */
let englishLabels: Map<string, string> | null = null;
function englishLabel(metric: string): string {
  if (!englishLabels) {
    englishLabels = new Map();
    try {
      const rows = readYamlFile(join(DATA_DIR, 'metrics.yaml'));
      if (Array.isArray(rows)) for (const r of rows as { id?: unknown; label?: unknown }[]) if (typeof r?.id === 'string' && typeof r.label === 'string') englishLabels.set(r.id, r.label);
    } catch {
      // No metrics file: the catalogue's names.
    }
  }
  return englishLabels.get(metric) ?? (hasMessage('en', `metric-name-${key(metric)}`) ? t('en', `metric-name-${key(metric)}`) : metric.replace(/_/g, ' '));
}

/** A metric after a number: "45,720 personnel losses", "3 танки", "5 танків". A metric the
 * catalogue does not know (added in data/metrics.yaml) reads as its English label. */
export function metricCounted(locale: Locale, metric: string, count: number | null): string {
  if (locale === 'en' || !hasMessage(locale, `metric-${key(metric)}`)) return count === 1 ? englishSingular(englishLabel(metric)) : englishLabel(metric);
  return t(locale, `metric-${key(metric)}`, { count: count ?? 5 });
}

/** A metric as a name in a list or a reading: "tanks", "танки". */
export function metricName(locale: Locale, metric: string): string {
  if (locale === 'en' || !hasMessage(locale, `metric-name-${key(metric)}`)) return englishLabel(metric);
  return t(locale, `metric-name-${key(metric)}`);
}
