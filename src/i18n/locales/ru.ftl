## Сообщения lossbot на русском. Ключи те же, что в en.ftl.

span = с { $from } по { $to }
span-months = { $from } – { $to }

## Перечни.
list-and = { $a } и { $b }
list-or = { $a } или { $b }
list-comma = { $a }, { $b }

## Цифры.
qualified = { $qualifier ->
    [about] около { $value }
    [nearly] почти { $value }
    [more_than] более { $value }
    [at_least] не менее { $value }
    [up_to] до { $value }
    [fewer_than] менее { $value }
   *[exact] { $value }
  }
value-range = { $low }–{ $high }
value-none = осмысленной цифры нет
value-per-day = { $value } в день
no-meaningful-number = осмысленной цифры нет ({ $metric })
figure-with-metric = { $value } { $metric }
figure-headline = { $value }, { $period }
quoted = «{ $text }»

## Периоды.
period-to = по { $date }
period-as-of-month = на { $date } (только месяц)
period-as-of-year = на { $date } (только год)
period-not-given = период не указан
period-as-said = без точных дат, как сказано: «{ $label }»
period-dates = с { $from } по { $to }
period-so-far = { $period }, пока что
period-truncated = { $period } (последняя сводка за период)
period-per-day = в среднем в день, { $period }

## Как прочитан вопрос.
time-unspecified = последние цифры
time-latest = последние, с начала войны
time-as-of = на { $date }
time-so-far = { $label }, пока что — по { $date }
reading-losses = потери
reading-average = { $what } в среднем в день
reading-whose = { $what } ({ $whose })
reading = { $what }, { $time }
reading-by = { $reading }, по данным: { $names }
reading-except = { $reading }, кроме: { $names }
reading-side = сторона «{ $adjective }»

## Примечания к цифре.
endpoint = { $value } по { $date }
note-derived = Вычислено из его сводок: { $to } минус { $from }.
note-derived-from-start = Вычислено из его сводки: { $to }, с начала войны.
note-difference-unknown = Его сводки дают { $to }: с такими оговорками разница может быть любой, поэтому цифры нет.
note-difference-unknown-two = Его сводки дают { $to } и { $from }: с такими оговорками разница может быть любой, поэтому цифры нет.
correction-delta = исправление на { $delta } в сводке за { $date }
correction-fell = исправление в сводке за { $date } (итог снизился с { $from } до { $to }; размер исправления не указан)
note-correction = Включает { $parts }.
note-correction-without = Включает { $parts }. Без { $count ->
    [one] него
   *[other] них
  }: { $without }.
note-daily-average = { $total } за { $days } { $count ->
    [one] день
    [few] дня
   *[other] дней
  }.
republished-gives = Собственный ряд источника «{ $series }» даёт { $value } за { $what ->
    [date] ту же дату
   *[period] тот же период
  }
republished-gives-per-day = Собственный ряд источника «{ $series }» даёт { $value } в день за { $what ->
    [date] ту же дату
   *[period] тот же период
  }
note-republished-same = { $gives }: та же цифра.
note-republished-differs = { $gives }; эта цифра отличается на { $difference }.
note-republished-differs-before = { $gives } ({ $before } за предыдущий день); эта цифра отличается на { $difference }.
note-republished-unknown = { $gives }; они расходятся.
note-republished-unknown-before = { $gives } ({ $before } за предыдущий день); они расходятся.
note-broader = Шире, чем { $asked }: этот источник сообщает только { $metric }.
note-broader-personnel = Шире, чем { $asked }: этот источник сообщает только { $metric } (убитые, раненые, пленные и пропавшие без вести).
note-series-stopped = Этот ряд прекратился; последняя цифра — по { $date }.
note-series-stopped-latest = Этот ряд прекратился; последняя цифра — по { $date }; другие ряды источника идут до { $latest }.
note-series-continued = С тех пор их считают вместе с категорией «{ $metric }» (по документации набора данных).

## Примечания к ответу.
help-intro = Спросите о потерях в войне, и я отвечу всеми цифрами, которые у меня есть: кто их заявляет, за какой период и где они опубликованы. Например:
not-understood = Я не смог прочитать этот вопрос. Спросите о потерях, например: «Сколько танков потеряла Россия?»
no-figure = У меня нет цифр по запросу: { $reading }.
year-assumed = Год не указан, поэтому я взял { $label } — ближайший период «{ $which }», за который есть цифры.
year-assumed-period = этот период
data-ends = Моя самая новая сводка — по { $to }, поэтому за этот период ({ $asked }) у меня пока ничего нет. Вместо этого показано: { $shown } — такой же промежуток до этой сводки.
period-empty = За период «{ $label }» цифр у меня нет.
side-none = По этому запросу у меня нет цифр потерь стороны «{ $side }».
out-of-scope-civilians = У меня есть цифры только военных потерь: гибели мирных жителей среди них нет, а военные цифры на этот вопрос не отвечают.
out-of-scope-forecast = У меня есть цифры, которые уже были опубликованы, и кто их заявил; прогнозов я не делаю.
out-of-scope-other-war = У меня есть цифры только войны в Украине.
side-by-side = Цифры разных источников приведены рядом и никогда не объединяются.
unheld = У меня нет цифр от: { $names }.
held-from = У меня есть цифры от: { $names }.
lead-with-side = { $claimant } (потери стороны «{ $side }»)
same-side = { $asked }: нет цифр по этому запросу; эти цифры { $others_count ->
    [one] сообщает
   *[other] сообщают
  }: { $others }.
stated = Что было заявлено за период { $label }, включая нарастающие итоги.
own-disagreement = { $claimant } сообщил { $reported }, но его собственные нарастающие сводки дают { $derived }; показаны обе цифры.
more-figures = Ещё { $hidden } { $count ->
    [one] цифра
    [few] цифры
   *[other] цифр
  } ({ $what }). Чтобы увидеть все, спросите: { $follow_up }
all-figures = все цифры

## Источники.
source-own-statement = собственное заявление
source-not-recorded = не указано

## Строение ответа.
read-as = Прочитано как: { $reading }
section-claimant = { $claimant }; источник: { $source }
section-claimant-prefix = {"; источник: "}
section-source = Источник: { $source }
section-source-prefix = {"Источник: "}
continued = {" (продолжение)"}
claim-ref = {" (заявление №"}{ $id }{")"}
figure-above = цифра выше
figure-above-derived = цифра выше (вычисленная)
nearest-figures = Ближайшие цифры, которые у меня есть:
try-example = Попробуйте, например: «{ $example }»
try-example-prefix = {"Попробуйте, например: "}

## Примеры вопросов.
example-1 = Заявление Украины о потерях России в ноябре 2024
example-2 = Оценка британской разведки о погибших россиянах
example-3 = Сколько танков потеряла Россия?
example-4 = Что говорит Россия о собственных потерях?

## Категории потерь: после числа ($count выбирает форму) и как название.
metric-personnel = { $count ->
    [one] потеря личного состава
    [few] потери личного состава
   *[other] потерь личного состава
  }
metric-name-personnel = потери личного состава
metric-killed = { $count ->
    [one] погибший
   *[other] погибших
  }
metric-name-killed = погибшие
metric-wounded = { $count ->
    [one] раненый
   *[other] раненых
  }
metric-name-wounded = раненые
metric-killed-or-wounded = { $count ->
    [one] погибший или раненый
   *[other] погибших или раненых
  }
metric-name-killed-or-wounded = погибшие или раненые
metric-killed-or-missing = { $count ->
    [one] погибший или пропавший без вести
   *[other] погибших или пропавших без вести
  }
metric-name-killed-or-missing = погибшие или пропавшие без вести
metric-casualties = { $count ->
    [one] потеря (убитые и раненые)
    [few] потери (убитые и раненые)
   *[other] потерь (убитые и раненые)
  }
metric-name-casualties = потери (убитые и раненые)
metric-irreversible = { $count ->
    [one] безвозвратная потеря
    [few] безвозвратные потери
   *[other] безвозвратных потерь
  }
metric-name-irreversible = безвозвратные потери
metric-captured = { $count ->
    [one] пленный
   *[other] пленных
  }
metric-name-captured = пленные
metric-deserters = { $count ->
    [one] дезертир
    [few] дезертира
   *[other] дезертиров
  }
metric-name-deserters = дезертиры
metric-tanks = { $count ->
    [one] танк
    [few] танка
   *[other] танков
  }
metric-name-tanks = танки
metric-armoured-vehicles = { $count ->
    [one] боевая бронированная машина
    [few] боевые бронированные машины
   *[other] боевых бронированных машин
  }
metric-name-armoured-vehicles = боевые бронированные машины
metric-artillery = { $count ->
    [one] артиллерийская система
    [few] артиллерийские системы
   *[other] артиллерийских систем
  }
metric-name-artillery = артиллерийские системы
metric-mlrs = { $count ->
    [one] РСЗО
   *[other] РСЗО
  }
metric-name-mlrs = РСЗО
metric-air-defence = { $count ->
    [one] средство ПВО
    [few] средства ПВО
   *[other] средств ПВО
  }
metric-name-air-defence = средства ПВО
metric-aircraft = { $count ->
    [one] самолёт
    [few] самолёта
   *[other] самолётов
  }
metric-name-aircraft = самолёты
metric-helicopters = { $count ->
    [one] вертолёт
    [few] вертолёта
   *[other] вертолётов
  }
metric-name-helicopters = вертолёты
metric-uavs = { $count ->
    [one] БПЛА
   *[other] БПЛА
  }
metric-name-uavs = БПЛА
metric-cruise-missiles = { $count ->
    [one] крылатая ракета
    [few] крылатые ракеты
   *[other] крылатых ракет
  }
metric-name-cruise-missiles = крылатые ракеты
metric-ships = { $count ->
    [one] корабль или катер
    [few] корабля и катера
   *[other] кораблей и катеров
  }
metric-name-ships = корабли и катера
metric-submarines = { $count ->
    [one] подводная лодка
    [few] подводные лодки
   *[other] подводных лодок
  }
metric-name-submarines = подводные лодки
metric-vehicles = { $count ->
    [one] единица автотехники и цистерн
   *[other] единиц автотехники и цистерн
  }
metric-name-vehicles = автотехника и цистерны
metric-special-equipment = { $count ->
    [one] единица спецтехники
   *[other] единиц спецтехники
  }
metric-name-special-equipment = спецтехника
metric-srbm-launchers = { $count ->
    [one] пусковая установка ОТРК
    [few] пусковые установки ОТРК
   *[other] пусковых установок ОТРК
  }
metric-name-srbm-launchers = пусковые установки ОТРК
metric-ground-robots = { $count ->
    [one] наземный роботизированный комплекс
    [few] наземных роботизированных комплекса
   *[other] наземных роботизированных комплексов
  }
metric-name-ground-robots = наземные роботизированные комплексы

## Цепочка: отказы, кнопки, ограничения.
error-internal = У меня что-то пошло не так; ничего не изменено. Модераторы найдут это в журнале.
still-too-many = Всё ещё слишком много запросов; пожалуйста, немного подождите.
rate-limit-user = Помедленнее, пожалуйста: я отвечаю не более чем на { $limit } { $limit ->
    [one] вопрос
    [few] вопроса
   *[other] вопросов
  } каждые { $seconds } с. Спросите снова через { $wait } с; до тех пор я молчу.
rate-limit-chat = Помедленнее, пожалуйста: в этом чате я даю не более { $limit } { $limit ->
    [one] ответа
   *[other] ответов
  } каждые { $seconds } с. Спросите снова через { $wait } с; до тех пор я молчу.
unknown-command = Я не знаю такой команды; попробуйте { $help }.
preview-expired = Этот предпросмотр устарел или уже использован. Ничего не записано; выполните команду снова.
preview-not-yours = Подтвердить или отменить этот предпросмотр может только модератор, который его запросил.
cancelled = Отменено. Ничего не записано.
only-audience = Команду { $command } могут использовать только { $who ->
    [moderators] модераторы заявлений бота
    [chat_managers] управляющие этим чатом (Discord: право «Управлять каналами» здесь; Telegram: его администраторы) и модераторы заявлений бота
    [owners] владельцы бота
   *[operator] оператор, в командной строке
  }. Ничего не изменено.
usage = Использование: { $usage }
options-not-right = { $command }: некоторые параметры неверны. Ничего не изменено.
too-many-previews = Сейчас слишком много предпросмотров ждут подтверждения. Ничего не записано; попробуйте снова через несколько минут.
button-confirm = Подтвердить
button-cancel = Отменить
button-more = Ещё

## Справка.
help-title = lossbot
help-what = Я отвечаю на вопросы о потерях в войне всеми цифрами, которые у меня есть. Для каждой цифры сказано, кто её заявляет, за какой период и где она опубликована. Цифры разных источников никогда не складываются и не усредняются.
help-how = Спрашивайте командой /ask, упомянув меня или в личном чате. Например:
help-more = /claimants — чьи цифры у меня есть. Модераторы добавляют, исправляют и отзывают заявления командами claim; каждое изменение сохраняет свою историю.
