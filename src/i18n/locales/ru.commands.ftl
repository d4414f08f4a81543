## Команды заявлений, заявителей и модераторов (commands/claim*.ts, claimants.ts, moderators.ts)
## и заявление, как его видно в чате и дайджестах (src/core/claim-doc.ts).
## Ключи те же, что в en.commands.ftl и uk.commands.ftl (проверяет test/i18n).

## Заявление.
claim-figure = { $words } ({ $figure } { $metric }, { $subject })
claim-period-stated = { $period }; { $stated }
claim-period-cumulative = нарастающим итогом, до конца дня { $end }
claim-period-cumulative-since = нарастающим итогом с { $start } до конца дня { $end }
claim-period-cumulative-label = нарастающим итогом: { $label }
claim-period-end-not-given = конец не указан
claim-stated = заявлено: { $date }
claim-stated-not-given = дата заявления не указана
claim-source-prefix = {"источник: "}
outlet-not-named = издание не названо
claim-source-title = , «{ $title }»
claim-marked-correction = отмечено как исправление
claim-version = версия { $version }
claim-status = { $status ->
    [retracted] отозвано
   *[superseded] заменено
  }
claim-status-replaced = { $status }; новая версия — #{ $id }

## Команды заявлений.
claim-add-title = Добавить это заявление?
claim-added = Добавлено заявление #{ $id }
claim-edit-title = Изменить заявление #{ $id }?
claim-label-now = {"Сейчас: "}
claim-label-after = {"После изменения: "}
claim-label-reason = {"Причина: "}
claim-corrected = Заявление #{ $id } исправлено: теперь это #{ $new_id }
claim-retract-title = Отозвать заявление #{ $id }?
claim-retract-effect = Его больше не будет в ответах и дайджестах; в истории оно останется.
claim-retracted = Заявление #{ $id } отозвано
claim-title = Заявление #{ $id }
claim-none = Заявления #{ $id } нет.
claim-needs-confirmation = Это нужно подтвердить.
claim-no-such = Такого заявления нет. Ничего не изменено.
claim-not-found-field = заявления #{ $id } нет
claim-not-right = Не записано: в заявлении ещё есть ошибки. Ничего не изменено.
claim-check-before = Проверьте, прежде чем подтвердить:

## История заявления.
history-title = История заявления #{ $id }
history-title-range = История заявления #{ $id }: версии { $first }–{ $last } из { $total }
history-pages = История заявления #{ $id } занимает { $count } { $count ->
    [one] страницу
    [few] страницы
   *[other] страниц
  }.
history-change = { $date }, { $time } UTC: { $action ->
    [add] добавлено
    [edit] изменено
    [retract] отозвано
   *[import] импортировано
  } #{ $id }, кто: { $who }
history-operator-given = имя, указанное оператором в командной строке
history-cli-user = пользователь командной строки { $id }
history-from = откуда: { $origin }

## Заявители.
claimants-title = Заявители
claimant-kind = { $kind ->
    [government] правительство
    [military] военные
    [intelligence] разведка
    [think_tank] аналитический центр
    [alliance] альянс
    [person] лицо
    [media] СМИ
   *[other] { $kind }
  }
claimants-kind = ({ $kind })
claimants-kind-side = ({ $kind }, { $side })
claimants-aliases = также { $aliases }

## Модераторы.
moderators-not-added = Не добавлено: назовите пользователя Discord или Telegram.
moderators-not-removed = Не удалено: назовите пользователя Discord или Telegram.
moderators-user-platform = здесь нужно discord:ID или telegram:ID
moderators-user = пользователь { $id }
moderators-is-owner = { $name } — владелец, а владельцы и так модерируют. Ничего не изменено.
moderators-added = { $who } теперь модератор заявлений — везде и сразу.
moderators-already = { $who } уже был модератором заявлений.
moderators-remove-owner = Этот пользователь ({ $id }) указан в LOSSBOT_OWNERS; изменить это может только оператор. Ничего не изменено.
moderators-not-listed = Этого пользователя ({ $id }) нет в списке модераторов. Ничего не изменено.
moderators-not-listed-configured = Этого пользователя ({ $id }) нет в списке модераторов; он указан в TELEGRAM_MODERATOR_IDS, что может изменить только оператор. Ничего не изменено.
moderators-remove-title = Убрать этого модератора заявлений?
moderators-remove-effect = { $who } больше не сможет добавлять, изменять или отзывать заявления — с момента, когда вы подтвердите.
moderators-removed = { $who } больше не модератор заявлений.
moderators-already-removed = { $who } уже убран ранее.
moderators-list-title = Кто может изменять заявления
moderators-label-owners = {"Владельцы (LOSSBOT_OWNERS): "}
moderators-none = нет
moderators-label-moderators = Модераторы:
moderators-none-yet = {" пока нет; добавьте командой moderators add"}
moderators-granted = , с { $date }, назначил(а) { $by }
moderators-label-telegram-ids = {"Указаны в TELEGRAM_MODERATOR_IDS: "}
moderators-discord-roles = участники сервера { $server } с ролью { $roles }
moderators-telegram-chats = администраторы чата { $chats }

## Ошибка в параметре (по-английски каждая команда говорит своими словами).
option-wrong-type = { $expected ->
    [number] должно быть числом
    [boolean] должно быть «да» или «нет» (yes / no)
   *[other] имеет значение не того типа
  }
option-too-small = { $origin ->
    [string] слишком короткое: минимальная длина — { $limit }
   *[other] слишком маленькое: минимум — { $limit }
  }
option-too-big = { $origin ->
    [string] слишком длинное: максимальная длина — { $limit }
   *[other] слишком большое: максимум — { $limit }
  }
option-one-of = должно быть одним из: { $values }
option-bad-format = имеет неправильный формат
option-invalid = имеет недопустимое значение

## Plausibility checks on a write (moderators)
plausibility-lower-than-earlier = предыдущая нарастающая цифра этого же источника (заявление №{ $id }, по { $date }) — { $value } ({ $metric }); меньшую нарастающую цифру нужно отметить как исправление
plausibility-higher-than-later = более поздняя нарастающая цифра этого же источника (заявление №{ $id }, по { $date }) — лишь { $value } ({ $metric }); отметьте эту цифру как исправление, если ряд пересмотрели
plausibility-unusual-change = изменение на { $perDay } ({ $metric }) в сутки с { $since } намного больше обычных для этого ряда { $usual } в сутки
plausibility-interval-mismatch = собственные нарастающие сводки этого источника дают { $derived } ({ $metric }) за этот период (заявления №{ $fromId } по { $fromDate } и №{ $toId } по { $toDate }), а не { $said }
