## Дайджести: команди дайджестів і сам дайджест (src/digest/content.ts, commands/digest.ts).
## Ключі ті самі, що в en.digest.ftl і ru.digest.ftl (перевіряє test/i18n).

digest-title = { $frequency ->
    [daily] Щоденний дайджест, { $date }
   *[weekly] Щотижневий дайджест, { $date }
  }
digest-claims = { $claimant } — заяви:
digest-new = Нова заява #{ $id }:
digest-retracted = Відкликано #{ $id }:
digest-corrected = Виправлено #{ $from } → #{ $to }:
digest-why = Чому: { $reason }
digest-headline = { $metric }, { $subject }, { $period }{ $change }; джерело: { $source }
digest-to-end = до кінця дня { $date }
digest-change = ({ $delta } від { $date })
digest-footer = Кожна цифра належить своєму заявникові; цифри різних заявників ніколи не поєднуються.
digest-nothing-new = Нічого нового від попереднього дайджесту.

## Команди дайджестів.
digest-not-a-chat = Дайджести публікуються в каналі чи чаті: виконайте цю команду там.
digest-utc-minute = { $date }, { $time } UTC
digest-when = { $weekday ->
    [monday] щопонеділка
    [tuesday] щовівторка
    [wednesday] щосереди
    [thursday] щочетверга
    [friday] щоп'ятниці
    [saturday] щосуботи
    [sunday] щонеділі
   *[daily] щодня
  }
digest-schedule = { $when } о { $time } ({ $timezone })
digest-scope-claimants = заявники: { $list }
digest-scope-parties = сторони: { $list }
digest-scope-metrics = показники: { $list }
digest-scope-everything = без обмежень
digest-posted-empty = надсилається, навіть коли нового немає
digest-weekly-needs-day = Підписку не оформлено: для щотижневого дайджесту потрібен день.
digest-weekday-required = обов'язковий для щотижневого дайджесту
digest-not-subscribed = Підписку не оформлено.
digest-not-a-metric = «{ $metric }» — не показник; можна: { $metrics }
digest-subscribed-title = Підписку на дайджест оформлено
digest-subscribed = Цей чат отримуватиме дайджест: { $schedule }.
digest-next = Наступний: { $next }.
digest-never = ніколи
digest-language-in = { $language ->
    [uk] українською
    [ru] російською
   *[en] англійською
  }
digest-written-in = Дайджести писатимуться { $language }.
digest-written-in-card = Дайджести писатимуться { $language }, угорі кожного — щоденна картка Генштабу.
digest-stopped = Дайджести для цього чату зупинено.
digest-had-none = У цьому чаті не було підписки на дайджест.
digest-list-none-title = Дайджести
digest-list-none = У цьому чаті немає підписки на дайджест. Оформіть її командою digest subscribe.
digest-list-title = Підписка на дайджест
digest-label-schedule = {"Розклад: "}
digest-label-language = {"Мова: "}
digest-label-card = {"Щоденна картка: "}
digest-label-status = {"Стан: "}
digest-label-last = {"Остання доставка: "}
digest-label-period = {"Поточний період від: "}
digest-language-name = { $language ->
    [uk] українська
    [ru] російська
   *[en] англійська
  }
digest-card-on = угорі кожного дайджесту
digest-card-off = не додається
digest-status = { $status ->
    [active] активна
    [disabled] вимкнена
   *[removed] видалена
  }
digest-no-reason = причину не записано
digest-delivery-status = { $status ->
    [sent] надіслано
    [empty] нічого нового, не надсилався
    [failed] не вдалося
    [retry] буде повторено
   *[sending] надсилається
  }
digest-last-delivery = { $period }, { $status }{ $attempts }{ $error }
digest-attempts = після { $count } спроб
digest-last-delivery-none = ще не було
digest-preview-none = У цьому чаті немає підписки на дайджест, тож показувати нічого. Оформіть її командою digest subscribe.
