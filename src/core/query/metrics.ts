// Metric words as people type them, and the metrics each one asks for.
import { EQUIPMENT_METRICS, PERSONNEL_METRICS, type Metric } from '../vocabulary.ts';

const LOSSES: readonly Metric[] = PERSONNEL_METRICS.filter((m) => m !== 'deserters' && m !== 'captured');
const CASUALTIES: readonly Metric[] = ['casualties', 'personnel', 'killed_or_wounded'];
const DEATHS: readonly Metric[] = ['killed', 'killed_or_missing'];

/** Longest phrases first, so "air defence systems" wins over "systems". Each phrase is a regex fragment. */
export const METRIC_PHRASES: readonly [string, readonly Metric[]][] = [
  ['armou?red (?:combat |personnel )?(?:vehicles?|carriers?)|apcs?|ifvs?|afvs?|bmps?|btrs?|armou?r', ['armoured_vehicles']],
  ['fuel tanks?|cisterns?|trucks?|cars|vehicles?|military autos?|lorries', ['vehicles']],
  ['killed or wounded|killed and wounded|dead and wounded|dead or wounded|dead or injured|killed or injured', ['killed_or_wounded', 'casualties', 'personnel']],
  ['killed or missing|dead or missing|killed and missing', ['killed_or_missing']],
  ['irreversible|irrecoverable|irretrievable', ['irreversible']],
  ['killed in action|kia|killed|kills?|dead|deaths?|died|die|fatalit(?:y|ies)|death toll|lives lost|lost (?:their )?lives|body count', DEATHS],
  ['wounded|injured|injur(?:y|ies)|wia|hurt', ['wounded']],
  ['casualt(?:y|ies)|casulties|casualites', CASUALTIES],
  ['deserters?|desertions?|deserted|awol', ['deserters']],
  ['captured|prisoners?(?: of war)?|pows?|taken prisoner|surrendered', ['captured']],
  ['missing', ['killed_or_missing', 'casualties']],
  ['personnel|manpower', ['personnel']],
  ['losses|loss|lost|lose|losing|soldiers?|troops?|servicem[ae]n|men|military personnel|fighters', LOSSES],
  ['main battle tanks?|tanks?', ['tanks']],
  ['artillery(?: systems?| pieces?)?|howitzers?|cannons?|guns', ['artillery']],
  ['mlrs|multiple (?:launch )?rocket (?:launchers?|systems?)|rocket launchers?|grads?|himars', ['mlrs']],
  ['air[- ]defen[cs]e(?: systems?)?|anti[- ]aircraft(?: systems?| warfare)?|sams?|surface[- ]to[- ]air', ['air_defence']],
  ['aircraft|aeroplanes?|airplanes?|planes?|jets?|warplanes?|fighter jets?|bombers?', ['aircraft']],
  ['helicopters?|choppers?|helos?', ['helicopters']],
  ['drones?|uavs?|unmanned aerial vehicles?|uas', ['uavs']],
  ['cruise missiles?|missiles?', ['cruise_missiles']],
  ['submarines?|subs', ['submarines']],
  ['warships?|ships?|boats?|vessels?|naval', ['ships']],
  ['special equipment', ['special_equipment']],
  ['srbm|ballistic missile launchers?|iskanders?', ['srbm_launchers']],
  ['ground robot(?:ic systems?|s)?|robots?|ugvs?', ['ground_robots']],
  ['equipment|hardware|materiel|weapons?', EQUIPMENT_METRICS],
];

const COMPILED = METRIC_PHRASES.map(([phrase, metrics]) => ({ re: new RegExp(`\\b(?:${phrase})\\b`, 'g'), metrics }));

/** Finds metric words; returns what they ask for and the text with them blanked out. */
export function extractMetrics(text: string): { metrics: Metric[]; words: string[]; rest: string } {
  let rest = text;
  const specific = new Set<Metric>();
  const words: string[] = [];
  let generic = false;
  for (const { re, metrics } of COMPILED) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
      words.push(m[0]);
      if (metrics === LOSSES) generic = true;
      else for (const metric of metrics) specific.add(metric);
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  // In "tanks lost" or "soldiers killed" the generic word adds nothing to the specific one.
  const metrics = specific.size ? [...specific] : generic ? [...LOSSES] : [];
  return { metrics, words, rest };
}

const ANY_METRIC_WORD = new RegExp(`^(?:${METRIC_PHRASES.map(([p]) => p).join('|')}|armou?red|carriers?|launchers?|systems?|combat)$`);

/** A word that names a metric, which name-typo correction must leave alone ("armored" is not "armed"). */
export function isMetricWord(token: string): boolean {
  return ANY_METRIC_WORD.test(token);
}

export const DEFAULT_METRICS: readonly Metric[] = LOSSES;
