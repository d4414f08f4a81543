// Scheduled digests for the chat the command is run in: subscribe, unsubscribe, list, preview.
// For that chat's managers (and claim moderators): no command names another chat.
import { z } from 'zod';
import { bold, doc, item, paragraph, text } from '../src/core/doc.ts';
import { isMetric, METRICS, type Metric } from '../src/core/vocabulary.ts';
import { currentPeriod, cronFor } from '../src/digest/scheduler.ts';
import type { Platform, Subscription } from '../src/store/digest-repo.ts';
import { formatDate, LOCALES, t, type Locale } from '../src/i18n/index.ts';
import { metricCounted, metricName } from '../src/i18n/names.ts';
import { refusal } from './run.ts';
import { auditActor, defineCommand, type Actor, type CommandServices, type Reply } from './types.ts';

/** A metric as typed in the digest's option: its id ("armoured_vehicles"), or its name in any language ("tanks", "танки", "танков"). */
function metricNamed(typed: string): Metric | null {
  const id = typed.toLowerCase().replace(/[\s-]+/g, '_');
  if (isMetric(id)) return id;
  const name = typed.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const m of METRICS)
    for (const locale of LOCALES) if ([metricName(locale, m), metricCounted(locale, m, 1), metricCounted(locale, m, 3), metricCounted(locale, m, 5)].some((w) => w.toLowerCase() === name)) return m;
  return null;
}

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

const notAChat = (locale: Locale) => refusal(t(locale, 'digest-not-a-chat'));

/** "2026-11-20 09:00 UTC" in English; the date in words elsewhere ("20 листопада 2026 р., 09:00 UTC"). */
function utcMinute(d: Date | string, locale: Locale): string {
  const iso = typeof d === 'string' ? d : d.toISOString();
  if (locale === 'en') return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
  return t(locale, 'digest-utc-minute', { date: formatDate(locale, iso.slice(0, 10)), time: iso.slice(11, 16) });
}

/** A chat managers' digest command without options, about the chat it is run in. */
function chatCommand(verb: string, description: string, run: (chat: { platform: Platform; chatId: string }, services: CommandServices, locale: Locale) => Reply) {
  return defineCommand({
    path: ['digest', verb],
    description,
    options: z.object({}),
    audience: 'chat_managers',
    run: (_input, { services, actor, locale = 'en' }) => {
      const chat = chatOf(actor);
      return chat ? run(chat, services, locale) : notAChat(locale);
    },
  });
}

function describeSchedule(sub: Subscription, locale: Locale): string {
  const when = t(locale, 'digest-when', { weekday: sub.frequency === 'daily' ? 'daily' : WEEKDAYS[sub.weekday!]! });
  const scope = [
    sub.claimants.length ? t(locale, 'digest-scope-claimants', { list: sub.claimants.join(', ') }) : '',
    sub.parties.length ? t(locale, 'digest-scope-parties', { list: sub.parties.join(', ') }) : '',
    sub.metrics.length ? t(locale, 'digest-scope-metrics', { list: sub.metrics.join(', ') }) : '',
  ].filter(Boolean);
  const parts = [t(locale, 'digest-schedule', { when, time: sub.localTime, timezone: sub.timezone }), ...(scope.length ? scope : [t(locale, 'digest-scope-everything')]), ...(sub.postEmpty ? [t(locale, 'digest-posted-empty')] : [])];
  return parts.join('; ');
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
    language: z.enum(LOCALES).optional().describe('The language of the digests: en, uk or ru (default: yours)'),
    card: z.boolean().optional().describe("Put the General Staff's daily report card at the top of each digest"),
  }),
  audience: 'chat_managers',
  run: (input, { services, actor, locale = 'en' }): Reply => {
    const chat = chatOf(actor);
    if (!chat) return notAChat(locale);
    if (input.frequency === 'weekly' && !input.weekday) return refusal(t(locale, 'digest-weekly-needs-day'), [{ field: 'weekday', message: t(locale, 'digest-weekday-required') }]);
    const dir = services.service.directory();
    const claimants = resolveList(input.claimants, (n) => {
      const r = dir.resolveClaimant(n);
      return r.ok ? { ok: true, id: r.value.id } : r;
    });
    if (!claimants.ok) return refusal(t(locale, 'digest-not-subscribed'), [{ field: 'claimants', message: claimants.message }]);
    const parties = resolveList(input.parties, (n) => {
      const r = dir.resolveParty(n);
      return r.ok ? { ok: true, id: r.value.id } : r;
    });
    if (!parties.ok) return refusal(t(locale, 'digest-not-subscribed'), [{ field: 'parties', message: parties.message }]);
    const metrics = resolveList(input.metrics, (n) => {
      const m = metricNamed(n);
      return m ? { ok: true, id: m } : { ok: false, message: t(locale, 'digest-not-a-metric', { metric: n, metrics: METRICS.join(', ') }) };
    });
    if (!metrics.ok) return refusal(t(locale, 'digest-not-subscribed'), [{ field: 'metrics', message: metrics.message }]);
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
        metrics: [...new Set(metrics.ids)] as Metric[],
        postEmpty: input.post_empty ?? false,
        // The digests' language: as asked, else the language the subscriber is answered in.
        language: input.language ?? locale,
        card: input.card ?? false,
        createdBy: auditActor(actor),
      },
      now,
    );
    const next = cronFor(sub).nextRun(now);
    return {
      kind: 'doc',
      private: false,
      doc: doc(t(locale, 'digest-subscribed-title'), [
        paragraph(text(t(locale, 'digest-subscribed', { schedule: describeSchedule(sub, locale) }))),
        paragraph(text(t(locale, 'digest-next', { next: next ? utcMinute(next, locale) : t(locale, 'digest-never') }))),
        paragraph(text(t(locale, sub.card ? 'digest-written-in-card' : 'digest-written-in', { language: t(locale, 'digest-language-in', { language: sub.language }) }))),
      ]),
    };
  },
});

export const digestUnsubscribe = chatCommand('unsubscribe', 'Stop posting digests in this chat', (chat, services, locale) => {
  const removed = services.digests.repo.unsubscribe(chat.platform, chat.chatId);
  return { kind: 'doc', private: false, doc: doc(null, [paragraph(text(t(locale, removed ? 'digest-stopped' : 'digest-had-none')))]) };
});

export const digestList = chatCommand('list', "This chat's digest subscription, its last delivery and any problem", (chat, services, locale) => {
  const sub = services.digests.repo.forChat(chat.platform, chat.chatId);
  if (!sub) return { kind: 'doc', private: true, doc: doc(t(locale, 'digest-list-none-title'), [paragraph(text(t(locale, 'digest-list-none')))]) };
  const last = services.digests.repo.lastDelivery(sub.id);
  const lastWords = last
    ? t(locale, 'digest-last-delivery', {
        period: utcMinute(last.period, locale),
        status: t(locale, 'digest-delivery-status', { status: last.status }),
        attempts: last.attempts > 1 ? ` ${t(locale, 'digest-attempts', { count: last.attempts })}` : '',
        error: last.error ? ` (${last.error})` : '',
      })
    : t(locale, 'digest-last-delivery-none');
  const blocks = [
    item(bold(t(locale, 'digest-label-schedule')), text(describeSchedule(sub, locale))),
    item(bold(t(locale, 'digest-label-language')), text(t(locale, 'digest-language-name', { language: sub.language }))),
    item(bold(t(locale, 'digest-label-card')), text(t(locale, sub.card ? 'digest-card-on' : 'digest-card-off'))),
    item(bold(t(locale, 'digest-label-status')), text(sub.status === 'active' ? t(locale, 'digest-status', { status: sub.status }) : `${t(locale, 'digest-status', { status: sub.status })}: ${sub.statusReason ?? t(locale, 'digest-no-reason')}`)),
    item(bold(t(locale, 'digest-label-last')), text(lastWords)),
  ];
  const period = currentPeriod(sub, services.digests.now());
  if (period) blocks.push(item(bold(t(locale, 'digest-label-period')), text(utcMinute(period, locale))));
  return { kind: 'doc', private: true, doc: doc(t(locale, 'digest-list-title'), blocks) };
});

export const digestPreview = chatCommand('preview', 'Show now what the next digest would say; posts nothing', (chat, services, locale) => {
  const sub = services.digests.repo.forChat(chat.platform, chat.chatId);
  if (!sub) return refusal(t(locale, 'digest-preview-none'));
  return { kind: 'doc', private: true, doc: services.digests.preview(sub) };
});

