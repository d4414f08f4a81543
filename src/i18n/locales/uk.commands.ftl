## Команди заяв, заявників і модераторів (commands/claim*.ts, claimants.ts, moderators.ts)
## і заява, як її видно в чаті та дайджестах (src/core/claim-doc.ts).
## Ключі ті самі, що в en.commands.ftl і ru.commands.ftl (перевіряє test/i18n).

## Заява.
claim-figure = { $words } ({ $figure } { $metric }, { $subject })
claim-period-stated = { $period }; { $stated }
claim-period-cumulative = наростаючим підсумком, до кінця дня { $end }
claim-period-cumulative-since = наростаючим підсумком від { $start } до кінця дня { $end }
claim-period-cumulative-label = наростаючим підсумком: { $label }
claim-period-end-not-given = кінець не вказано
claim-stated = заявлено: { $date }
claim-stated-not-given = дату заяви не вказано
claim-source-prefix = {"джерело: "}
outlet-not-named = видання не назване
claim-source-title = , «{ $title }»
claim-marked-correction = позначено як виправлення
claim-version = версія { $version }
claim-status = { $status ->
    [retracted] відкликано
   *[superseded] замінено
  }
claim-status-replaced = { $status }; нова версія — #{ $id }

## Команди заяв.
claim-add-title = Додати цю заяву?
claim-added = Додано заяву #{ $id }
claim-edit-title = Змінити заяву #{ $id }?
claim-label-now = {"Зараз: "}
claim-label-after = {"Після зміни: "}
claim-label-reason = {"Причина: "}
claim-corrected = Заяву #{ $id } виправлено: тепер це #{ $new_id }
claim-retract-title = Відкликати заяву #{ $id }?
claim-retract-effect = Її більше не буде у відповідях і дайджестах; в історії вона залишиться.
claim-retracted = Заяву #{ $id } відкликано
claim-title = Заява #{ $id }
claim-none = Заяви #{ $id } немає.
claim-needs-confirmation = Це треба підтвердити.
claim-no-such = Такої заяви немає. Нічого не змінено.
claim-not-found-field = заяви #{ $id } немає
claim-not-right = Не записано: у заяві ще є помилки. Нічого не змінено.
claim-check-before = Перевірте, перш ніж підтвердити:

## Історія заяви.
history-title = Історія заяви #{ $id }
history-title-range = Історія заяви #{ $id }: версії { $first }–{ $last } з { $total }
history-pages = Історія заяви #{ $id } займає { $count } { $count ->
    [one] сторінку
    [few] сторінки
   *[other] сторінок
  }.
history-change = { $date }, { $time } UTC: { $action ->
    [add] додано
    [edit] змінено
    [retract] відкликано
   *[import] імпортовано
  } #{ $id }, хто: { $who }
history-operator-given = ім'я, яке оператор указав у командному рядку
history-cli-user = користувач командного рядка { $id }
history-from = звідки: { $origin }

## Заявники.
claimants-title = Заявники
claimant-kind = { $kind ->
    [government] уряд
    [military] військові
    [intelligence] розвідка
    [think_tank] аналітичний центр
    [alliance] альянс
    [person] особа
    [media] медіа
   *[other] { $kind }
  }
claimants-kind = ({ $kind })
claimants-kind-side = ({ $kind }, { $side })
claimants-aliases = також { $aliases }

## Модератори.
moderators-not-added = Не додано: назвіть користувача Discord або Telegram.
moderators-not-removed = Не видалено: назвіть користувача Discord або Telegram.
moderators-user-platform = тут потрібно discord:ID або telegram:ID
moderators-user = користувач { $id }
moderators-is-owner = { $name } — власник, а власники вже модерують. Нічого не змінено.
moderators-added = { $who } тепер модератор заяв — усюди й відразу.
moderators-already = { $who } уже був модератором заяв.
moderators-remove-owner = Цього користувача ({ $id }) названо в LOSSBOT_OWNERS; змінити це може лише оператор. Нічого не змінено.
moderators-not-listed = Цього користувача ({ $id }) немає в списку модераторів. Нічого не змінено.
moderators-not-listed-configured = Цього користувача ({ $id }) немає в списку модераторів; його названо в TELEGRAM_MODERATOR_IDS, що може змінити лише оператор. Нічого не змінено.
moderators-remove-title = Прибрати цього модератора заяв?
moderators-remove-effect = { $who } більше не зможе додавати, змінювати чи відкликати заяви — з моменту, коли ви підтвердите.
moderators-removed = { $who } більше не модератор заяв.
moderators-already-removed = { $who } вже прибрано раніше.
moderators-list-title = Хто може змінювати заяви
moderators-label-owners = {"Власники (LOSSBOT_OWNERS): "}
moderators-none = немає
moderators-label-moderators = Модератори:
moderators-none-yet = {" поки немає; додайте командою moderators add"}
moderators-granted = , з { $date }, надав(ла) { $by }
moderators-label-telegram-ids = {"Названі в TELEGRAM_MODERATOR_IDS: "}
moderators-discord-roles = учасники сервера { $server } з роллю { $roles }
moderators-telegram-chats = адміністратори чату { $chats }

## Помилка в параметрі (англійською кожна команда каже своїми словами).
option-wrong-type = { $expected ->
    [number] має бути числом
    [boolean] має бути «так» або «ні» (yes / no)
   *[other] має значення не того типу
  }
option-too-small = { $origin ->
    [string] надто коротке: мінімальна довжина — { $limit }
   *[other] надто мале: мінімум — { $limit }
  }
option-too-big = { $origin ->
    [string] надто довге: максимальна довжина — { $limit }
   *[other] надто велике: максимум — { $limit }
  }
option-one-of = має бути одним із: { $values }
option-bad-format = має неправильний формат
option-invalid = має неприпустиме значення

## Plausibility checks on a write (moderators)
plausibility-lower-than-earlier = попередня наростальна цифра цього ж джерела (заява №{ $id }, по { $date }) — { $value } ({ $metric }); меншу наростальну цифру треба позначити як виправлення
plausibility-higher-than-later = пізніша наростальна цифра цього ж джерела (заява №{ $id }, по { $date }) — лише { $value } ({ $metric }); позначте цю цифру як виправлення, якщо ряд переглянули
plausibility-unusual-change = зміна на { $perDay } ({ $metric }) на добу від { $since } значно більша за звичайні для цього ряду { $usual } на добу
plausibility-interval-mismatch = власні наростальні зведення цього джерела дають { $derived } ({ $metric }) за цей період (заяви №{ $fromId } по { $fromDate } і №{ $toId } по { $toDate }), а не { $said }
