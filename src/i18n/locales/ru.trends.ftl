## Графики, разбивки, рекорды, ежедневная карточка, кнопки под ответом и страницы.

## Кнопки и страницы.
trend-button-chart = График
trend-button-by-month = По месяцам
trend-button-others = Другие источники
trend-button-sources = Источники
trend-button-previous = ◀ Назад
trend-button-next = Далее ▶
trend-page = Страница { $index } из { $count }
trend-expired = Этот ответ устарел; пожалуйста, спросите ещё раз.

## Единицы.
trend-per = { $unit ->
    [day] за сутки
    [week] за неделю
    [month] за месяц
    [quarter] за квартал
   *[year] за год
  }
trend-by = { $unit ->
    [day] по дням
    [week] по неделям
    [month] по месяцам
    [quarter] по кварталам
   *[year] по годам
  }

## Что показано.
trend-lost = { $metric }
trend-lost-whose = { $metric } ({ $whose })
trend-title = { $what } { $per }, { $period }
trend-title-record = { $what }, { $period }
trend-since = с { $date }
trend-so-far = пока, по { $date }
trend-period-so-far = { $period }, { $so_far }

## Атрибуция.
trend-derived-from-daily = вычислено из ежедневных сводок
trend-source-prefix = {"источник: "}
trend-source-prefix-capital = {"Источник: "}
trend-source-not-given = источник не указан
trend-coverage = с { $from } по { $to }
trend-coverage-so-far = с { $from } по { $to } (пока)
trend-derived-coverage = { $derived }, { $coverage }
trend-total = Всего: { $value }
trend-total-none = Всего: осмысленного числа нет (сводки на обоих концах оставляют его открытым)
trend-total-derivation = { $total } ({ $derived }: { $derivation })
trend-derivation = { $to } по { $to_date } минус { $from } по { $from_date }
trend-derivation-from-start = { $to } по { $to_date }, с начала
trend-correction = исправление на { $size } в сводке за { $date }
trend-correction-unsized = исправление в сводке за { $date }
trend-corrections = Исправления в этом периоде: { $list }.
trend-no-series = У меня нет ежедневного ряда для «{ $what }», чтобы показать график или разбивку; вот что у меня есть вместо этого.
trend-sparse = { $claimant }: сводки слишком редкие, чтобы показать их по дням, неделям или месяцам.
trend-series-label = { $claimant } ({ $party })

## Строки разбивки.
trend-quarter = { $quarter } кв. { $year }
trend-week-of = неделя с { $date }
trend-row-partial = { $label } (с { $from } по { $to }, только часть)
trend-row = { $label }: { $value }
trend-row-per-day = { $label }: { $value } ({ $per_day } в сутки)
trend-sum = Сумма: { $value }
trend-sum-none = Сумма: не число (в некоторых строках его нет)
trend-sum-equals-total = {", столько же, сколько вычислено за весь период"}
trend-sum-differs = {"; вычислено за весь период: "}{ $total }
trend-day-too-long = По дням за { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
  } — слишком длинно для чата; вместо этого { $by }.

## Рекорды.
trend-record-day = Больше всего за сутки: { $value }, { $date }
trend-record-day-report = Больше всего за сутки: { $value }, { $date } (сводка за { $report })
trend-record-bucket = Больше всего за { $unit ->
    [day] сутки
    [week] неделю
    [month] месяц
    [quarter] квартал
   *[year] год
  }: { $value }, { $label }
trend-average = В среднем: { $value } в сутки за { $days ->
    [one] { $days } сутки
   *[other] { $days } суток
  }, с { $from } по { $to }
trend-skipped-corrections = Дни, сводка которых содержит исправление, в рекорд не вошли ({ $count }).
trend-no-record = В этом промежутке нет целого периода для сравнения.

## Ежедневная карточка.
trend-card-title = { $claimant }: сводка за { $date }
trend-card-title-undated = { $claimant }: сводка без даты
trend-card-covers = { $whose }: потери по { $date } включительно, с изменением со времени предыдущей сводки:
trend-card-row = { $metric }: { $total }
trend-card-row-change = { $metric }: { $total } ({ $change })
trend-card-none = У меня пока нет ни одной сводки Генштаба.
trend-card-unavailable = Ежедневная сводка здесь недоступна.

## Источники ответа.
trend-sources-title = Источники этого ответа
trend-source-line = { $claimant } ({ $count ->
    [one] { $count } цифра
    [few] { $count } цифры
   *[other] { $count } цифр
  }){": "}
trend-no-sources = В этом ответе нет цифр, а значит, нет и источников.
trend-stated = заявлено { $date }
