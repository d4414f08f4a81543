// Answer -> plain text, for the command line and the console chat.
import { describeFigure, describeMetric, describePeriod, describeSource, describeStated } from '../format.ts';
import type { Answer, AnswerFigure } from './compose.ts';

/** A figure's value, its normalised form where that adds something, and its period, in words. */
export function figureParts(f: AnswerFigure): { value: string; exact: string; period: string } {
  const figure = describeFigure(f.low, f.high, f.qualifier);
  // The words as said come first; the normalised figure follows only where it adds something.
  return {
    value: f.derived ? figure : f.words,
    exact: f.derived || f.words.startsWith(figure) ? '' : ` [${figure}]`,
    period: describePeriod({ periodKind: f.period.kind, periodStart: f.period.start, periodEnd: f.period.end, periodLabel: f.period.label, aggregation: f.aggregation }),
  };
}

export function describeAnswerFigure(f: AnswerFigure): string {
  const { value, exact, period } = figureParts(f);
  const lines = [
    `- ${value}${exact} (${describeMetric(f.metric)}, ${f.subject.name}); ${period}${f.derived ? ' (derived)' : ''}`,
    `  ${describeStated({ statedOn: f.statedOn, statedPrecision: f.statedPrecision })}; source: ${describeSource(f.source)}${f.claimId ? ` (claim #${f.claimId})` : ''}`,
  ];
  if (f.note) lines.push(`  ${f.note}`);
  return lines.join('\n');
}

export function renderAnswerText(answer: Answer): string {
  const out: string[] = [];
  if (answer.kind === 'figures') {
    out.push(`${answer.interpretation}:`);
    for (const g of answer.groups) {
      out.push('', `${g.claimant.name} claims:`);
      for (const f of g.figures) out.push(describeAnswerFigure(f));
    }
    if (answer.notes.length) out.push('', ...answer.notes);
    return out.join('\n');
  }
  out.push(...answer.notes);
  if (answer.suggestions.length) {
    out.push('', 'The nearest figures I hold:');
    for (const f of answer.suggestions) out.push(`${f.claimant.name}:`, describeAnswerFigure(f));
  }
  if (answer.example) out.push('', `Try, for example: "${answer.example}"`);
  return out.join('\n');
}

/** The JSON form of `npm run ask -- --json`: every figure shown, flat. */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    kind: answer.kind,
    interpretation: answer.interpretation,
    query: answer.query,
    figures: answer.groups.flatMap((g) =>
      g.figures.map((f) => ({
        claimant: f.claimant.name,
        claimantId: f.claimant.id,
        low: f.low,
        high: f.high,
        qualifier: f.qualifier,
        words: f.words,
        metric: f.metric,
        aggregation: f.aggregation,
        subject: f.subject.name,
        periodKind: f.period.kind,
        periodStart: f.period.start,
        periodEnd: f.period.end,
        periodLabel: f.period.label,
        statedOn: f.statedOn,
        source: { publisher: f.source.publisher, title: f.source.title, url: f.source.url },
        claimId: f.claimId,
        derived: f.derived !== null,
        derivedFrom: f.derived,
      })),
    ),
    suggestions: answer.suggestions.map((f) => ({ claimant: f.claimant.name, claimId: f.claimId, words: f.words, periodEnd: f.period.end })),
    notes: answer.notes,
  };
}
