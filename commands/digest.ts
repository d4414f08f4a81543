// Scheduled digests for the chat the command is run in: subscribe, unsubscribe, list, preview.
// For that chat's managers (and claim moderators): no command names another chat.
import { z } from 'zod';
import { bold, doc, item, paragraph, text } from '../src/core/doc.ts';
import { isMetric, METRICS, type Metric } from '../src/core/vocabulary.ts';
import { currentPeriod, cronFor } from '../src/digest/scheduler.ts';
import type { Platform, Subscription } from '../src/store/digest-repo.ts';
import { refusal } from './run.ts';
import { auditActor, defineCommand, type Actor, type CommandServices, type Reply } from './types.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The chat a digest command is about; digests live in chats, not on the command line. */
function chatOf(actor: Actor): { platform: Platform; chatId: string } | null {
  return actor.chatId ? { platform: actor.platform as Platform, chatId: actor.chatId } : null;
}

const NOT_A_CHAT = refusal('Digests are posted in a channel or chat: run this command there.');

const utcMinute = (d: Date | string) => `${(typeof d === 'string' ? d : d.toISOString()).replace('T', ' ').slice(0, 16)} UTC`;

/** A chat managers' digest command without options, about the chat it is run in. */
function chatCommand(verb: string, description: string, run: (chat: { platform: Platform; chatId: string }, services: CommandServices) => Reply) {
  return defineCommand({
    path: ['digest', verb],
    description,
    options: z.object({}),
    audience: 'chat_managers',
    run: (_input, { services, actor }) => {
      const chat = chatOf(actor);
      return chat ? run(chat, services) : NOT_A_CHAT;
    },
  });
}

function describeSchedule(sub: Subscription): string {
  const when = sub.frequency === 'daily' ? 'every day' : `every ${WEEKDAYS[sub.weekday!]!.replace(/^./, (c) => c.toUpperCase())}`;
  const scope = [sub.claimants.length ? `claimants: ${sub.claimants.join(', ')}` : '', sub.parties.length ? `parties: ${sub.parties.join(', ')}` : '', sub.metrics.length ? `metrics: ${sub.metrics.join(', ')}` : ''].filter(Boolean);
  return `${when} at ${sub.localTime} ${sub.timezone}${scope.length ? `; ${scope.join('; ')}` : '; everything'}${sub.postEmpty ? '; posted even when nothing is new' : ''}`;
}

/** "UK MoD, NATO" -> claimant ids, each resolved as everywhere else; the first unknown one refuses. */
function resolveList(raw: string | undefined, resolve: (name: string) => { ok: true; id: string } | { ok: false; message: string }): { ok: true; ids: string[] } | { ok: false; message: string } {
  const ids: string[] = [];
  for (const name of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const r = resolve(name);
    if (!r.ok) return r;
    ids.push(r.id);
  }
  return { ok: true, ids: [...new Set(ids)] };
}

export const digestSubscribe = defineCommand({
  path: ['digest', 'subscribe'],
  description: 'Post a digest of new and changed claims in this chat, daily or weekly',
  options: z.object({
    frequency: z.enum(['daily', 'weekly']).describe('How often'),
    time: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 09:00' }).describe('Local time, HH:MM (24-hour)'),
    timezone: z.string().trim().max(60).optional().refine((tz) => tz === undefined || isTimeZone(tz), { message: 'must be an IANA time zone like Europe/Kyiv or UTC' }).describe('IANA time zone, e.g. Europe/Kyiv (default UTC)'),
    weekday: z.enum(WEEKDAYS).optional().describe('For weekly digests: the day'),
    claimants: z.string().trim().max(300).optional().describe('Only these claimants, comma-separated'),
    parties: z.string().trim().max(200).optional().describe('Only losses of these parties, comma-separated'),
    metrics: z.string().trim().max(300).optional().describe('Only these metrics, comma-separated (e.g. personnel, tanks)'),
    post_empty: z.boolean().optional().describe('Post even when nothing is new'),
  }),
  audience: 'chat_managers',
  run: (input, { services, actor }): Reply => {
    const chat = chatOf(actor);
    if (!chat) return NOT_A_CHAT;
    if (input.frequency === 'weekly' && !input.weekday) return refusal('Not subscribed: a weekly digest needs its day.', [{ field: 'weekday', message: 'is required for weekly digests' }]);
    const dir = services.service.directory();
    const claimants = resolveList(input.claimants, (n) => {
      const r = dir.resolveClaimant(n);
      return r.ok ? { ok: true, id: r.value.id } : r;
    });
    if (!claimants.ok) return refusal('Not subscribed.', [{ field: 'claimants', message: claimants.message }]);
    const parties = resolveList(input.parties, (n) => {
      const r = dir.resolveParty(n);
      return r.ok ? { ok: true, id: r.value.id } : r;
    });
    if (!parties.ok) return refusal('Not subscribed.', [{ field: 'parties', message: parties.message }]);
    const metrics = resolveList(input.metrics, (n) => {
      const m = n.toLowerCase().replace(/[\s-]+/g, '_');
      return isMetric(m) ? { ok: true, id: m } : { ok: false, message: `"${n}" is not a metric; use one of ${METRICS.join(', ')}` };
    });
    if (!metrics.ok) return refusal('Not subscribed.', [{ field: 'metrics', message: metrics.message }]);
    const now = services.digests.now();
    const sub = services.digests.repo.subscribe(
      {
        ...chat,
        frequency: input.frequency,
        weekday: input.frequency === 'weekly' ? WEEKDAYS.indexOf(input.weekday!) : null,
        localTime: input.time,
        timezone: input.timezone ?? 'UTC',
        claimants: claimants.ids,
        parties: parties.ids,
        metrics: metrics.ids as Metric[],
        postEmpty: input.post_empty ?? false,
        createdBy: auditActor(actor),
      },
      now,
    );
    const next = cronFor(sub).nextRun(now);
    return { kind: 'doc', private: false, doc: doc('Digest subscribed', [paragraph(text(`This chat gets a digest ${describeSchedule(sub)}.`)), paragraph(text(`Next: ${next ? utcMinute(next) : 'never'}.`))]) };
  },
});

export const digestUnsubscribe = chatCommand('unsubscribe', 'Stop posting digests in this chat', (chat, services) => {
  const removed = services.digests.repo.unsubscribe(chat.platform, chat.chatId);
  return { kind: 'doc', private: false, doc: doc(null, [paragraph(text(removed ? 'Digests stopped for this chat.' : 'This chat had no digest subscription.'))]) };
});

export const digestList = chatCommand('list', "This chat's digest subscription, its last delivery and any problem", (chat, services) => {
  const sub = services.digests.repo.forChat(chat.platform, chat.chatId);
  if (!sub) return { kind: 'doc', private: true, doc: doc('Digests', [paragraph(text('No digest subscription in this chat. Start one with digest subscribe.'))]) };
  const last = services.digests.repo.lastDelivery(sub.id);
  const blocks = [
    item(bold('Schedule: '), text(describeSchedule(sub))),
    item(bold('Status: '), text(sub.status === 'active' ? 'active' : `${sub.status}: ${sub.statusReason ?? 'no reason recorded'}`)),
    item(bold('Last delivery: '), text(last ? `${utcMinute(last.period)}, ${last.status}${last.attempts > 1 ? ` after ${last.attempts} attempts` : ''}${last.error ? ` (${last.error})` : ''}` : 'none yet')),
  ];
  const period = currentPeriod(sub, services.digests.now());
  if (period) blocks.push(item(bold('Current period from: '), text(utcMinute(period))));
  return { kind: 'doc', private: true, doc: doc('Digest subscription', blocks) };
});

export const digestPreview = chatCommand('preview', 'Show now what the next digest would say; posts nothing', (chat, services) => {
  const sub = services.digests.repo.forChat(chat.platform, chat.chatId);
  if (!sub) return refusal('No digest subscription in this chat to preview. Start one with digest subscribe.');
  return { kind: 'doc', private: true, doc: services.digests.preview(sub) };
});

