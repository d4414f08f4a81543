## The claim, claimants and moderators commands (commands/claim*.ts, claimants.ts, moderators.ts)
## and a claim as it reads in chat and in digests (src/core/claim-doc.ts).
## Keys are shared by en.commands.ftl, uk.commands.ftl and ru.commands.ftl (test/i18n checks it).

## A claim.
# The claim's own words, then the figure read from them: "more than 600,000 (more than 600,000 killed, Russia)".
claim-figure = { $words } ({ $figure } { $metric }, { $subject })
claim-period-stated = { $period }; { $stated }
claim-period-cumulative = cumulative, to the end of { $end }
claim-period-cumulative-since = cumulative since { $start }, to the end of { $end }
# $label: the period in the source's own words.
claim-period-cumulative-label = cumulative: { $label }
claim-period-end-not-given = end not given
claim-stated = stated { $date }
claim-stated-not-given = statement date not given
claim-source-prefix = {"source: "}
outlet-not-named = outlet not named
claim-source-title = , "{ $title }"
claim-marked-correction = marked as a correction
claim-version = v{ $version }
claim-status = { $status ->
    [retracted] retracted
   *[superseded] superseded
  }
claim-status-replaced = { $status }, replaced by #{ $id }

## The claim commands.
claim-add-title = Add this claim?
claim-added = Added claim #{ $id }
claim-edit-title = Change claim #{ $id }?
claim-label-now = {"Now: "}
claim-label-after = {"After: "}
claim-label-reason = {"Reason: "}
claim-corrected = Claim #{ $id } corrected: now #{ $new_id }
claim-retract-title = Retract claim #{ $id }?
claim-retract-effect = It will no longer be in answers or digests; it stays in the history.
claim-retracted = Claim #{ $id } retracted
claim-title = Claim #{ $id }
claim-none = There is no claim #{ $id }.
claim-needs-confirmation = This needs a confirmation.
claim-no-such = No such claim. Nothing was changed.
claim-not-found-field = there is no claim #{ $id }
claim-not-right = Not written: the claim is not right yet. Nothing was changed.
claim-check-before = Check before confirming:

## A claim's history.
history-title = History of claim #{ $id }
history-title-range = History of claim #{ $id }: versions { $first }-{ $last } of { $total }
history-pages = Claim #{ $id } has { $count } { $count ->
    [one] page
   *[other] pages
  } of history.
# One change: when, what, which claim, who ($who: a name, with ids and origin for moderators).
history-change = { $date } { $time } UTC, { $action ->
    [add] add
    [edit] edit
    [retract] retract
   *[import] import
  } of #{ $id } by { $who }
history-operator-given = a name given by the operator on the command line
history-cli-user = command line user { $id }
# $origin: where the change came from, as the platform's adapter described it.
history-from = from { $origin }

## Claimants.
claimants-title = Claimants
claimant-kind = { $kind ->
    [government] government
    [military] military
    [intelligence] intelligence
    [think_tank] think tank
    [alliance] alliance
    [person] person
    [media] media
   *[other] { $kind }
  }
claimants-kind = ({ $kind })
claimants-kind-side = ({ $kind }, { $side })
claimants-aliases = also { $aliases }

## Moderators.
moderators-not-added = Not added: name a Discord or Telegram user.
moderators-not-removed = Not removed: name a Discord or Telegram user.
moderators-user-platform = must be discord:ID or telegram:ID here
# A user the platform gave no name for.
moderators-user = user { $id }
moderators-is-owner = { $name } is an owner, and owners moderate already. Nothing was changed.
# $who: "Jane (telegram:123)".
moderators-added = { $who } is now a claim moderator, everywhere, from now on.
moderators-already = { $who } was already a claim moderator.
moderators-remove-owner = They ({ $id }) are named in LOSSBOT_OWNERS; only the operator can change that. Nothing was changed.
moderators-not-listed = That user ({ $id }) is not in the moderators list. Nothing was changed.
moderators-not-listed-configured = That user ({ $id }) is not in the moderators list; they are named in TELEGRAM_MODERATOR_IDS, which only the operator can change. Nothing was changed.
moderators-remove-title = Remove this claim moderator?
moderators-remove-effect = { $who } will no longer be able to add, edit or retract claims, from the moment you confirm.
moderators-removed = { $who } is no longer a claim moderator.
moderators-already-removed = { $who } had already been removed.
moderators-list-title = Who may change claims
moderators-label-owners = {"Owners (LOSSBOT_OWNERS): "}
moderators-none = none
moderators-label-moderators = Moderators:
moderators-none-yet = {" none yet; add one with moderators add"}
moderators-granted = , since { $date }, by { $by }
moderators-label-telegram-ids = {"Named in TELEGRAM_MODERATOR_IDS: "}
moderators-discord-roles = members of server { $server } with role { $roles }
moderators-telegram-chats = administrators of chat { $chats }

## An option's problem, in a language other than English (English shows each command's own words).
option-wrong-type = { $expected ->
    [number] must be a number
    [boolean] must be yes or no
   *[other] has the wrong kind of value
  }
option-too-small = { $origin ->
    [string] must be at least { $limit } characters long
   *[other] must be at least { $limit }
  }
option-too-big = { $origin ->
    [string] must be at most { $limit } characters long
   *[other] must be at most { $limit }
  }
option-one-of = must be one of { $values }
option-bad-format = is not in the expected form
option-invalid = is not a valid value

## Plausibility checks on a write (moderators)
plausibility-lower-than-earlier = the claimant's own earlier cumulative figure (claim #{ $id }, to { $date }) is { $value } { $metric }; a lower cumulative figure must be marked as a correction
plausibility-higher-than-later = the claimant's own later cumulative figure (claim #{ $id }, to { $date }) is only { $value } { $metric }; mark this as a correction if the series was revised
plausibility-unusual-change = a change of { $perDay } { $metric } a day since { $since } is far above the series' usual { $usual } a day
plausibility-interval-mismatch = the claimant's own cumulative reports give { $derived } { $metric } for this period (claims #{ $fromId } to { $fromDate } and #{ $toId } to { $toDate }), not { $said }
