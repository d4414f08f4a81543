## Digests: the digest commands and the digest itself (src/digest/content.ts, commands/digest.ts).
## Keys are shared by en.digest.ftl, uk.digest.ftl and ru.digest.ftl (test/i18n checks it).

# The digest's title; $frequency is daily or weekly.
digest-title = { $frequency ->
    [daily] Daily digest, { $date }
   *[weekly] Weekly digest, { $date }
  }
# A claimant's section heading.
digest-claims = { $claimant } claims:
digest-new = New #{ $id }:
digest-retracted = Retracted #{ $id }:
digest-corrected = Corrected #{ $from } → #{ $to }:
digest-why = Why: { $reason }
# A running total's newest figure: the figure is shown before it, in bold.
digest-headline = { $metric }, { $subject }, { $period }{ $change }; source: { $source }
digest-to-end = to the end of { $date }
digest-change = ({ $delta } since { $date })
digest-footer = Each figure is its claimant's own; figures of different claimants are never combined.
digest-nothing-new = Nothing new since the last digest.

## The digest commands.
digest-not-a-chat = Digests are posted in a channel or chat: run this command there.
digest-utc-minute = { $date } { $time } UTC
# How often; $weekday is daily or the day of a weekly digest.
digest-when = { $weekday ->
    [monday] every Monday
    [tuesday] every Tuesday
    [wednesday] every Wednesday
    [thursday] every Thursday
    [friday] every Friday
    [saturday] every Saturday
    [sunday] every Sunday
   *[daily] every day
  }
digest-schedule = { $when } at { $time } { $timezone }
digest-scope-claimants = claimants: { $list }
digest-scope-parties = parties: { $list }
digest-scope-metrics = metrics: { $list }
digest-scope-everything = everything
digest-posted-empty = posted even when nothing is new
digest-weekly-needs-day = Not subscribed: a weekly digest needs its day.
digest-weekday-required = is required for weekly digests
digest-not-subscribed = Not subscribed.
digest-not-a-metric = "{ $metric }" is not a metric; use one of { $metrics }
digest-subscribed-title = Digest subscribed
digest-subscribed = This chat gets a digest { $schedule }.
digest-next = Next: { $next }.
digest-never = never
# The language digests are written in, inside a sentence.
digest-language-in = { $language ->
    [uk] Ukrainian
    [ru] Russian
   *[en] English
  }
digest-written-in = Written in { $language }.
digest-written-in-card = Written in { $language }, with the General Staff's daily report card at the top.
digest-stopped = Digests stopped for this chat.
digest-had-none = This chat had no digest subscription.
digest-list-none-title = Digests
digest-list-none = No digest subscription in this chat. Start one with digest subscribe.
digest-list-title = Digest subscription
digest-label-schedule = {"Schedule: "}
digest-label-language = {"Language: "}
digest-label-card = {"Daily card: "}
digest-label-status = {"Status: "}
digest-label-last = {"Last delivery: "}
digest-label-period = {"Current period from: "}
# A language's name, as a label.
digest-language-name = { $language ->
    [uk] Ukrainian
    [ru] Russian
   *[en] English
  }
digest-card-on = at the top of each digest
digest-card-off = not included
digest-status = { $status ->
    [active] active
    [disabled] disabled
   *[removed] removed
  }
digest-no-reason = no reason recorded
digest-delivery-status = { $status ->
    [sent] sent
    [empty] empty
    [failed] failed
    [retry] retry
   *[sending] sending
  }
digest-last-delivery = { $period }, { $status }{ $attempts }{ $error }
digest-attempts = after { $count } attempts
digest-last-delivery-none = none yet
digest-preview-none = No digest subscription in this chat to preview. Start one with digest subscribe.
