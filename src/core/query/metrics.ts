// Metric words as people type them, and the metrics each one asks for. The words are in the
// language's lexicon (data/lexicon/<language>.yaml); this module applies them.
import { EQUIPMENT_METRICS, PERSONNEL_METRICS, type Metric } from '../vocabulary.ts';
import type { Lexicon } from './lexicon.ts';

const LOSSES: readonly Metric[] = PERSONNEL_METRICS.filter((m) => m !== 'deserters' && m !== 'captured');

/** Finds metric words; returns what they ask for and the text with them blanked out. */
export function extractMetrics(text: string, lexicon: Lexicon): { metrics: Metric[]; words: string[]; rest: string; specificWords: string[] } {
  let rest = text;
  const specific = new Set<Metric>();
  const words: string[] = [];
  const specificWords: string[] = [];
  let generic = false;
  for (const { re, metrics, generic: isGeneric } of lexicon.metricRules) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
      if (!m[0]) {
        re.lastIndex++;
        continue;
      }
      words.push(m[0]);
      if (isGeneric) generic = true;
      else {
        specificWords.push(m[0]);
        for (const metric of metrics) specific.add(metric);
      }
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  // In "tanks lost" or "soldiers killed" the generic word adds nothing to the specific one.
  const metrics = specific.size ? [...specific] : generic ? [...lexicon.losses] : [];
  return { metrics, words, rest, specificWords };
}

/** A word that names a metric on its own, which name-typo correction must leave alone. */
/** Per lexicon, what each token was found to be: the reader asks of the same words again and again. */
const metricWordCache = new WeakMap<Lexicon, Map<string, boolean>>();

export function isMetricWord(token: string, lexicon: Lexicon): boolean {
  let known = metricWordCache.get(lexicon);
  if (!known) metricWordCache.set(lexicon, (known = new Map()));
  const hit = known.get(token);
  if (hit !== undefined) return hit;
  let found = /^(?:armou?red|carriers?|launchers?|systems?|combat)$/.test(token);
  for (const { re } of lexicon.metricRules) {
    if (found) break;
    re.lastIndex = 0;
    const m = re.exec(token);
    if (m && m.index === 0 && m[0].length === token.length) found = true;
  }
  // Bounded: questions bring new words without end (typos, names).
  if (known.size >= 20_000) known.clear();
  known.set(token, found);
  return found;
}

export const DEFAULT_METRICS: readonly Metric[] = LOSSES;
export { EQUIPMENT_METRICS };
