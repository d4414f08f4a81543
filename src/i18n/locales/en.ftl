## lossbot's English messages. Keys are shared by en.ftl, uk.ftl and ru.ftl (test/i18n checks it).
## Placeables are named in snake_case; numbers are formatted for the locale and select plurals.

# A span of two dates or months.
span = { $from } to { $to }
# A span of two whole months.
span-months = { $from } to { $to }

## Lists.
list-and = { $a } and { $b }
list-or = { $a } or { $b }
list-comma = { $a }, { $b }

## Figures.
qualified = { $qualifier ->
    [about] about { $value }
    [nearly] nearly { $value }
    [more_than] more than { $value }
    [at_least] at least { $value }
    [up_to] up to { $value }
    [fewer_than] fewer than { $value }
   *[exact] { $value }
  }
value-range = { $low }-{ $high }
value-none = no meaningful figure
value-per-day = { $value } a day
no-meaningful-number = no meaningful number of { $metric }
figure-with-metric = { $value } { $metric }
figure-headline = { $value }, { $period }
quoted = "{ $text }"

## Periods.
period-to = to { $date }
period-as-of-month = as of { $date } (month only)
period-as-of-year = as of { $date } (year only)
period-not-given = period not given
period-as-said = { $label }
period-dates = { $from } to { $to }
period-so-far = { $period }, so far
period-truncated = { $period } (its last report in the period)
period-per-day = a day on average, { $period }

## The reading of a question.
time-unspecified = latest figures
time-latest = latest, since the start of the war
time-as-of = as of { $date }
time-so-far = { $label } so far, to { $date }
reading-losses = losses
reading-average = { $what } a day on average
reading-whose = { $whose } { $what }
reading = { $what }, { $time }
reading-by = { $reading }, per { $names }
reading-except = { $reading }, not { $names }
reading-side = the { $adjective } side

## Notes on a figure.
endpoint = { $value } to { $date }
note-derived = Derived from its reports: { $to } minus { $from }.
note-derived-from-start = Derived from its report of { $to }, counted from the start of the war.
note-difference-unknown = Its reports give { $to }: with those qualifiers the difference could be anything, so no number is given.
note-difference-unknown-two = Its reports give { $to } and { $from }: with those qualifiers the difference could be anything, so no number is given.
correction-delta = a correction of { $delta } in the report of { $date }
correction-fell = a correction in the report of { $date } (the total fell from { $from } to { $to }; its size is not given)
note-correction = Includes { $parts }.
note-correction-without = Includes { $parts }. Without { $count ->
    [one] it
   *[other] them
  }: { $without }.
note-daily-average = { $total } over { $days } days.
republished-gives = The { $series }'s own series gives { $value } for the same { $what ->
    [date] date
   *[period] period
  }
republished-gives-per-day = The { $series }'s own series gives { $value } a day for the same { $what ->
    [date] date
   *[period] period
  }
note-republished-same = { $gives }: the same figure.
note-republished-differs = { $gives }; this figure differs by { $difference }.
note-republished-differs-before = { $gives } ({ $before } for the day before); this figure differs by { $difference }.
note-republished-unknown = { $gives }; they differ.
note-republished-unknown-before = { $gives } ({ $before } for the day before); they differ.
note-broader = Broader than { $asked }: the claimant reports only { $metric }.
note-broader-personnel = Broader than { $asked }: the claimant reports only { $metric } (killed, wounded, captured and missing).
note-series-stopped = This series stopped with its figure to { $date }.
note-series-stopped-latest = This series stopped with its figure to { $date }; its other series run to { $latest }.
note-series-continued = It has counted them with { $metric } since (per the dataset's documentation).

## Notes on an answer.
help-intro = Ask about losses in the war, and I answer with every figure I hold, each with who claims it, the period it covers and where it was reported. For example:
not-understood = I could not read that question. Ask about losses, for example: "How many tanks has Russia lost?"
no-figure = I hold no figure for { $reading }.
year-assumed = No year was given, so I took { $label }, the most recent { $which } with figures.
year-assumed-period = that period
data-ends = My newest report runs to { $to }, so I hold nothing yet for { $asked }. Shown instead: { $shown }, the same length of time up to that report.
period-empty = I hold no figures for { $label }.
side-none = I hold no figures of the losses of { $side } for that.
out-of-scope-civilians = I hold figures of military losses only: civilian deaths are not among them, and military figures would not answer that.
out-of-scope-forecast = I hold figures that have been said so far, with who said them; I do not forecast what will happen.
out-of-scope-other-war = I hold figures of the war in Ukraine only.
side-by-side = Figures of different claimants are shown side by side and never combined.
unheld = I hold no figures from { $names }.
held-from = I hold figures from: { $names }.
lead-with-side = { $claimant } (losses of { $side })
same-side = { $asked } { $count ->
    [one] has
   *[other] have
  } none for that; { $others } { $others_count ->
    [one] reports
   *[other] report
  } these.
stated = What was stated in { $label }, running totals included.
own-disagreement = { $claimant } reported { $reported }, but its own cumulative reports give { $derived }; both are shown.
more-figures = { $hidden } more { $count ->
    [one] figure
   *[other] figures
  } ({ $what }). To see all, ask: { $follow_up }
all-figures = all figures

## Sources.
source-own-statement = its own statement
source-not-recorded = not recorded

## The layout of an answer.
read-as = Read as: { $reading }
section-claimant = { $claimant }; source: { $source }
section-claimant-prefix = {"; source: "}
section-source = Source: { $source }
section-source-prefix = {"Source: "}
continued = {" (continued)"}
claim-ref = {" (claim #"}{ $id }{")"}
figure-above = figure above
figure-above-derived = figure above (derived)
nearest-figures = The nearest figures I hold:
try-example = Try, for example: "{ $example }"
try-example-prefix = {"Try, for example: "}

## Example questions, in the language of the answer.
example-1 = Ukraine's claim of Russian losses in November 2024
example-2 = UK estimate of Russian deaths
example-3 = How many tanks has Russia lost?
example-4 = What does Russia say about its own losses?

## Metrics: after a number ($count selects the plural form), and as a name in a list.

metric-personnel = personnel losses
metric-name-personnel = personnel losses
metric-killed = killed
metric-name-killed = killed
metric-wounded = wounded
metric-name-wounded = wounded
metric-killed-or-wounded = killed or wounded
metric-name-killed-or-wounded = killed or wounded
metric-killed-or-missing = killed or missing
metric-name-killed-or-missing = killed or missing
metric-casualties = casualties
metric-name-casualties = casualties
metric-irreversible = irreversible losses
metric-name-irreversible = irreversible losses
metric-captured = captured
metric-name-captured = captured
metric-deserters = deserters
metric-name-deserters = deserters
metric-tanks = tanks
metric-name-tanks = tanks
metric-armoured-vehicles = armoured combat vehicles
metric-name-armoured-vehicles = armoured combat vehicles
metric-artillery = artillery systems
metric-name-artillery = artillery systems
metric-mlrs = multiple rocket launchers
metric-name-mlrs = multiple rocket launchers
metric-air-defence = air defence systems
metric-name-air-defence = air defence systems
metric-aircraft = aircraft
metric-name-aircraft = aircraft
metric-helicopters = helicopters
metric-name-helicopters = helicopters
metric-uavs = UAVs
metric-name-uavs = UAVs
metric-cruise-missiles = cruise missiles
metric-name-cruise-missiles = cruise missiles
metric-ships = ships and boats
metric-name-ships = ships and boats
metric-submarines = submarines
metric-name-submarines = submarines
metric-vehicles = vehicles and fuel tanks
metric-name-vehicles = vehicles and fuel tanks
metric-special-equipment = special equipment
metric-name-special-equipment = special equipment
metric-srbm-launchers = mobile SRBM launchers
metric-name-srbm-launchers = mobile SRBM launchers
metric-ground-robots = ground robotic systems
metric-name-ground-robots = ground robotic systems

## The chain: refusals, buttons, limits.
error-internal = Something went wrong on my side; nothing was changed. The moderators can find it in the log.
still-too-many = Still too many requests; please wait a little.
rate-limit-user = Easy, please: I give at most { $limit } questions every { $seconds } seconds. Ask again in { $wait } s; until then I stay quiet.
rate-limit-chat = Easy, please: I give at most { $limit } answers in this chat every { $seconds } seconds. Ask again in { $wait } s; until then I stay quiet.
unknown-command = I do not know that command; try { $help }.
preview-expired = That preview has expired or was already used. Nothing was written; run the command again.
preview-not-yours = Only the moderator who asked for this preview can confirm or cancel it.
cancelled = Cancelled. Nothing was written.
only-audience = Only { $who ->
    [moderators] the bot's claim moderators
    [chat_managers] this chat's managers (Discord: Manage Channels here; Telegram: its administrators) and the bot's claim moderators
    [owners] the bot's owners
   *[operator] the operator, on the command line
  } may use { $command }. Nothing was changed.
usage = Usage: { $usage }
options-not-right = { $command }: some options are not right. Nothing was changed.
too-many-previews = Too many previews are waiting for a Confirm right now. Nothing was written; please try again in a few minutes.
button-confirm = Confirm
button-cancel = Cancel
button-more = More

## Help.
help-title = lossbot
help-what = I answer questions about losses in the war with every figure I hold. Each figure names who claims it, the period it covers and where it was reported. Figures of different claimants are never added together or averaged.
help-how = Ask with /ask, by mentioning me, or in a private chat. For example:
help-more = /claimants lists whose figures I hold. Moderators add, correct and retract claims with the claim commands; every change keeps its history.
