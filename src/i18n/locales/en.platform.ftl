## Discord's slash commands and Telegram's command menus: each command's and option's name and
## description, and the choices' names (src/adapters/discord/slash-commands.ts, src/adapters/telegram/bot.ts).
## English mirrors the definitions in commands/ (test/i18n/platform.test.ts checks it); Discord names
## are lower case, 1-32 letters, digits, - or _.
## Keys: platform-cmd-<path>, platform-group-<name>, platform-opt-<path>--<option>, platform-choice-<option>--<value>.

platform-cmd-ask =
    .name = ask
    .description = Ask about losses in the war; every figure comes with who claims it, its period and source
platform-opt-ask--question =
    .name = question
    .description = Your question, e.g. "UK estimate of Russian deaths"

platform-group-claim =
    .name = claim
    .description = Add, correct and retract claims (the bot's claim moderators)

platform-cmd-claim-add =
    .name = add
    .description = Add a claim: shows a preview to confirm before anything is written
platform-opt-claim-add--claimant =
    .name = claimant
    .description = Who claims it: a body or person, e.g. "UK MoD"
platform-opt-claim-add--subject =
    .name = subject
    .description = Whose losses: e.g. Russia or Ukraine
platform-opt-claim-add--metric =
    .name = metric
    .description = What is counted
platform-opt-claim-add--value =
    .name = value
    .description = The figure as one number, e.g. 45,720
platform-opt-claim-add--low =
    .name = low
    .description = Low end of a range, e.g. 60000
platform-opt-claim-add--high =
    .name = high
    .description = High end of a range, e.g. 70000
platform-opt-claim-add--qualifier =
    .name = qualifier
    .description = As said: about, nearly, more than, up to, ...
platform-opt-claim-add--as_of =
    .name = as_of
    .description = Cumulative since the invasion, to the end of this date (YYYY-MM-DD)
platform-opt-claim-add--from =
    .name = from
    .description = Start of the period the figure covers (YYYY-MM-DD)
platform-opt-claim-add--to =
    .name = to
    .description = End of the period the figure covers (YYYY-MM-DD)
platform-opt-claim-add--stated_on =
    .name = stated_on
    .description = When the claimant said it (YYYY-MM-DD)
platform-opt-claim-add--url =
    .name = url
    .description = Where it was reported: an http(s) address
platform-opt-claim-add--publisher =
    .name = publisher
    .description = The outlet that reported it, e.g. Reuters
platform-opt-claim-add--title =
    .name = title
    .description = The headline of the report
platform-opt-claim-add--words =
    .name = words
    .description = The figure in the words used, e.g. "more than 600,000"
platform-opt-claim-add--note =
    .name = note
    .description = Anything a reader should know about this figure
platform-opt-claim-add--correction =
    .name = correction
    .description = The claimant corrected an earlier, higher cumulative figure

platform-cmd-claim-edit =
    .name = edit
    .description = Correct one field of a claim: shows a preview to confirm; the old version stays in its history
platform-opt-claim-edit--id =
    .name = id
    .description = The claim number, as shown after "claim #"
platform-opt-claim-edit--field =
    .name = field
    .description = The field to change
platform-opt-claim-edit--value =
    .name = value
    .description = Its new value ("none" clears it)
platform-opt-claim-edit--reason =
    .name = reason
    .description = Why: kept in the history

platform-cmd-claim-retract =
    .name = retract
    .description = Withdraw a claim from answers: shows a preview to confirm; it stays in the history
platform-opt-claim-retract--id =
    .name = id
    .description = The claim number, as shown after "claim #"
platform-opt-claim-retract--reason =
    .name = reason
    .description = Why: kept in the history

platform-cmd-claim_show =
    .name = claim_show
    .description = Show one claim with its source and status
platform-opt-claim_show--id =
    .name = id
    .description = The claim number, as shown after "claim #"

platform-cmd-claim_history =
    .name = claim_history
    .description = Every version of a claim and who changed it, when and why, a few at a time
platform-opt-claim_history--id =
    .name = id
    .description = The claim number, as shown after "claim #"
platform-opt-claim_history--page =
    .name = page
    .description = Which page of a long history (default 1)

platform-cmd-claimants =
    .name = claimants
    .description = Who claims the figures I hold, with the names you can use for them

platform-group-digest =
    .name = digest
    .description = Scheduled digests of new claims in this channel (Manage Channels)

platform-cmd-digest-subscribe =
    .name = subscribe
    .description = Post a digest of new and changed claims in this chat, daily or weekly
platform-opt-digest-subscribe--frequency =
    .name = frequency
    .description = How often
platform-opt-digest-subscribe--time =
    .name = time
    .description = Local time, HH:MM (24-hour)
platform-opt-digest-subscribe--timezone =
    .name = timezone
    .description = IANA time zone, e.g. Europe/Kyiv (default UTC)
platform-opt-digest-subscribe--weekday =
    .name = weekday
    .description = For weekly digests: the day
platform-opt-digest-subscribe--claimants =
    .name = claimants
    .description = Only these claimants, comma-separated
platform-opt-digest-subscribe--parties =
    .name = parties
    .description = Only losses of these parties, comma-separated
platform-opt-digest-subscribe--metrics =
    .name = metrics
    .description = Only these metrics, comma-separated (e.g. personnel, tanks)
platform-opt-digest-subscribe--post_empty =
    .name = post_empty
    .description = Post even when nothing is new
platform-opt-digest-subscribe--language =
    .name = language
    .description = The language of the digests: en, uk or ru (default: yours)
platform-opt-digest-subscribe--card =
    .name = card
    .description = Put the General Staff's daily report card at the top of each digest

platform-cmd-digest-unsubscribe =
    .name = unsubscribe
    .description = Stop posting digests in this chat

platform-cmd-digest-list =
    .name = list
    .description = This chat's digest subscription, its last delivery and any problem

platform-cmd-digest-preview =
    .name = preview
    .description = Show now what the next digest would say; posts nothing

platform-group-moderators =
    .name = moderators
    .description = Who may change claims (the bot's owners)

platform-cmd-moderators-add =
    .name = add
    .description = Make someone a claim moderator everywhere (owners only)
platform-opt-moderators-add--user =
    .name = user
    .description = Who: a mention or user id (on Telegram, or reply to their message)
platform-opt-moderators-add--name =
    .name = name
    .description = Their display name, if the platform does not give it
platform-opt-moderators-add--reason =
    .name = reason
    .description = Why: kept in the moderators log

platform-cmd-moderators-remove =
    .name = remove
    .description = Take away someone's claim moderator rights: shows a preview to confirm (owners only)
platform-opt-moderators-remove--user =
    .name = user
    .description = Who: a mention or user id (on Telegram, or reply to their message)
platform-opt-moderators-remove--reason =
    .name = reason
    .description = Why: kept in the moderators log

platform-cmd-moderators-list =
    .name = list
    .description = Who may change claims: owners, moderators, and the servers and chats whose roles count (owners only)

platform-cmd-today =
    .name = today
    .description = The General Staff's newest daily report: every category, its total and the day's change

platform-cmd-help =
    .name = help
    .description = What this bot does and how to ask it

## Choices.
platform-choice-qualifier--exact = exact
platform-choice-qualifier--about = about
platform-choice-qualifier--nearly = nearly
platform-choice-qualifier--more_than = more than
platform-choice-qualifier--at_least = at least
platform-choice-qualifier--up_to = up to
platform-choice-qualifier--fewer_than = fewer than
platform-choice-field--claimant = claimant
platform-choice-field--subject = subject
platform-choice-field--metric = metric
platform-choice-field--value = value
platform-choice-field--low = low
platform-choice-field--high = high
platform-choice-field--qualifier = qualifier
platform-choice-field--words = words
platform-choice-field--as_of = as of
platform-choice-field--from = from
platform-choice-field--to = to
platform-choice-field--stated_on = stated on
platform-choice-field--url = url
platform-choice-field--publisher = publisher
platform-choice-field--title = title
platform-choice-field--note = note
platform-choice-field--correction = correction
platform-choice-frequency--daily = daily
platform-choice-frequency--weekly = weekly
platform-choice-weekday--sunday = sunday
platform-choice-weekday--monday = monday
platform-choice-weekday--tuesday = tuesday
platform-choice-weekday--wednesday = wednesday
platform-choice-weekday--thursday = thursday
platform-choice-weekday--friday = friday
platform-choice-weekday--saturday = saturday
platform-choice-language--en = en
platform-choice-language--uk = uk
platform-choice-language--ru = ru
