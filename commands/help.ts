import { z } from 'zod';
import { EXAMPLE_QUESTIONS } from '../src/core/answer/compose.ts';
import { doc, item, italic, paragraph, text } from '../src/core/doc.ts';
import { defineCommand } from './types.ts';

export const help = defineCommand({
  path: ['help'],
  description: 'What this bot does and how to ask it',
  options: z.object({}),
  audience: 'everyone',
  run: () => ({
    kind: 'doc',
    private: false,
    doc: doc('lossbot', [
      paragraph(text('I answer questions about losses in the war with every figure I hold. Each figure names who claims it, the period it covers and where it was reported. Figures of different claimants are never added together or averaged.')),
      paragraph(text('Ask with /ask, by mentioning me, or in a private chat. For example:')),
      ...EXAMPLE_QUESTIONS.map((q) => item(italic(q))),
      paragraph(text('/claimants lists whose figures I hold. Moderators add, correct and retract claims with the claim commands; every change keeps its history.')),
    ]),
  }),
});
