## Дайджесты: команды дайджестов и сам дайджест (src/digest/content.ts, commands/digest.ts).
## Ключи те же, что в en.digest.ftl и uk.digest.ftl (проверяет test/i18n).

digest-title = { $frequency ->
    [daily] Ежедневный дайджест, { $date }
   *[weekly] Еженедельный дайджест, { $date }
  }
digest-claims = { $claimant } — заявления:
digest-new = Новое заявление #{ $id }:
digest-retracted = Отозвано #{ $id }:
digest-corrected = Исправлено #{ $from } → #{ $to }:
digest-why = Почему: { $reason }
digest-headline = { $metric }, { $subject }, { $period }{ $change }; источник: { $source }
digest-to-end = до конца дня { $date }
digest-change = ({ $delta } с { $date })
digest-footer = Каждая цифра принадлежит своему заявителю; цифры разных заявителей никогда не объединяются.
digest-nothing-new = Ничего нового с прошлого дайджеста.

## Команды дайджестов.
digest-not-a-chat = Дайджесты публикуются в канале или чате: выполните эту команду там.
digest-utc-minute = { $date }, { $time } UTC
digest-when = { $weekday ->
    [monday] по понедельникам
    [tuesday] по вторникам
    [wednesday] по средам
    [thursday] по четвергам
    [friday] по пятницам
    [saturday] по субботам
    [sunday] по воскресеньям
   *[daily] ежедневно
  }
digest-schedule = { $when } в { $time } ({ $timezone })
digest-scope-claimants = заявители: { $list }
digest-scope-parties = стороны: { $list }
digest-scope-metrics = показатели: { $list }
digest-scope-everything = без ограничений
digest-posted-empty = отправляется, даже когда нового нет
digest-weekly-needs-day = Подписка не оформлена: для еженедельного дайджеста нужен день.
digest-weekday-required = обязателен для еженедельного дайджеста
digest-not-subscribed = Подписка не оформлена.
digest-not-a-metric = «{ $metric }» — не показатель; можно: { $metrics }
digest-subscribed-title = Подписка на дайджест оформлена
digest-subscribed = Этот чат будет получать дайджест: { $schedule }.
digest-next = Следующий: { $next }.
digest-never = никогда
digest-language-in = { $language ->
    [uk] на украинском
    [ru] на русском
   *[en] на английском
  }
digest-written-in = Дайджесты будут выходить { $language }.
digest-written-in-card = Дайджесты будут выходить { $language }, в начале каждого — ежедневная карточка Генштаба.
digest-stopped = Дайджесты для этого чата остановлены.
digest-had-none = В этом чате не было подписки на дайджест.
digest-list-none-title = Дайджесты
digest-list-none = В этом чате нет подписки на дайджест. Оформите её командой digest subscribe.
digest-list-title = Подписка на дайджест
digest-label-schedule = {"Расписание: "}
digest-label-language = {"Язык: "}
digest-label-card = {"Ежедневная карточка: "}
digest-label-status = {"Статус: "}
digest-label-last = {"Последняя доставка: "}
digest-label-period = {"Текущий период с: "}
digest-language-name = { $language ->
    [uk] украинский
    [ru] русский
   *[en] английский
  }
digest-card-on = в начале каждого дайджеста
digest-card-off = не добавляется
digest-status = { $status ->
    [active] активна
    [disabled] отключена
   *[removed] удалена
  }
digest-no-reason = причина не записана
digest-delivery-status = { $status ->
    [sent] отправлено
    [empty] ничего нового, не отправлялся
    [failed] не удалось
    [retry] будет повторено
   *[sending] отправляется
  }
digest-last-delivery = { $period }, { $status }{ $attempts }{ $error }
digest-attempts = после { $count } попыток
digest-last-delivery-none = ещё не было
digest-preview-none = В этом чате нет подписки на дайджест, так что показывать нечего. Оформите её командой digest subscribe.
