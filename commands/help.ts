import { z } from 'zod';
import { exampleQuestions } from '../src/core/answer/words.ts';
import { doc, item, italic, paragraph, text } from '../src/core/doc.ts';
import { t } from '../src/i18n/index.ts';
import { defineCommand } from './types.ts';

export const help = defineCommand({
  path: ['help'],
  description: 'What this bot does and how to ask it',
  options: z.object({}),
  audience: 'everyone',
  run: (_input, { locale = 'en' }) => ({
    kind: 'doc',
    private: false,
    doc: doc(t(locale, 'help-title'), [
      paragraph(text(t(locale, 'help-what'))),
      paragraph(text(t(locale, 'help-how'))),
      ...exampleQuestions(locale).map((q) => item(italic(q))),
      paragraph(text(t(locale, 'help-more'))),
    ]),
  }),
});
