import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../src/core/query/types.ts';
import { defineCommand } from './types.ts';

export const ask = defineCommand({
  path: ['ask'],
  description: 'Ask about losses in the war; every figure comes with who claims it, its period and source',
  options: z.object({
    question: z.string().trim().min(1, { message: 'ask a question, like "How many tanks has Russia lost?"' }).max(MAX_QUESTION_LENGTH).describe('Your question, e.g. "UK estimate of Russian deaths"'),
  }),
  audience: 'everyone',
  freeText: 'question',
  run: ({ question }, { services }) => ({ kind: 'answer', answer: services.asker.ask(question) }),
});
