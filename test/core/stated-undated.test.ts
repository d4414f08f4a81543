// "What did X say in <month>" includes a running total the claimant gave in that month without the
// day it runs to (a claim dated to the month).
import { describe, expect, it } from 'vitest';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { memoryApp } from '../helpers.ts';

describe('stated in a period', () => {
  it('finds a month-dated running total said in that month', () => {
    const app = memoryApp();
    const figures = answerFigures(app.asker.ask('what did the russian mod say in september 2022'));
    expect(figures).toEqual([expect.objectContaining({ metric: 'killed', low: 6000, qualifier: 'nearly', statedOn: '2022-09-01' })]);
    // Not in another month.
    expect(answerFigures(app.asker.ask('what did the russian mod say in november 2022'))).toEqual([]);
    app.close();
  });
});
