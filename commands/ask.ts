import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../src/core/query/types.ts';
import { defineCommand, type Reply } from './types.ts';
import type { ViewReply } from '../src/services/views-service.ts';
import { andThen } from '../src/chain/chain.ts';

/** A view of a question as the command's reply: an answer, a chart, or a doc, with the buttons it offers. */
export function viewReply(view: ViewReply): Reply {
  if (view.kind === 'answer') return { kind: 'answer', answer: view.answer, actions: view.actions };
  if (view.kind === 'chart') return { kind: 'chart', chart: view.chart, doc: view.doc, actions: view.actions };
  return { kind: 'doc', doc: view.doc, private: false, actions: view.actions };
}

export const ask = defineCommand({
  path: ['ask'],
  description: 'Ask about losses in the war; every figure comes with who claims it, its period and source',
  options: z.object({
    question: z.string().trim().min(1, { message: 'ask a question, like "How many tanks has Russia lost?"' }).max(MAX_QUESTION_LENGTH).describe('Your question, e.g. "UK estimate of Russian deaths"'),
  }),
  audience: 'everyone',
  freeText: 'question',
  // Charts, breakdowns and the other views when the application offers them; a plain answer otherwise.
  // Synchronous when composed in this thread; a promise when the reply workers compose it.
  // A follow-up that only names a period ("а за жовтень?") is read against the asker's previous
  // question in this chat; a button press re-runs a question as it was.
  run: ({ question: typed }, { services, view, askerLocale, actor }) => {
    const question = view || !services.asker.inConversation ? typed : services.asker.inConversation(`${actor.platform}\u0000${actor.chatId ?? ''}\u0000${actor.id}`, typed);
    const asked = question === typed ? {} : { asked: { question } };
    return services.views
      ? andThen(services.views.reply(question, view, askerLocale), (v): Reply => ({ ...viewReply(v), ...asked }))
      : andThen(services.asker.answer(question, askerLocale), (answer): Reply => ({ kind: 'answer', answer, ...asked }));
  },
});
