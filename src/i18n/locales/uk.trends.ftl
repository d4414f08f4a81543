## Графіки, розбивки, рекорди, щоденна картка, кнопки під відповіддю й сторінки.

## Кнопки й сторінки.
trend-button-chart = Графік
trend-button-by-month = По місяцях
trend-button-others = Інші джерела
trend-button-sources = Джерела
trend-button-previous = ◀ Назад
trend-button-next = Далі ▶
trend-page = Сторінка { $index } з { $count }
trend-expired = Ця відповідь застаріла; будь ласка, запитайте ще раз.

## Одиниці.
trend-per = { $unit ->
    [day] за добу
    [week] за тиждень
    [month] за місяць
    [quarter] за квартал
   *[year] за рік
  }
trend-by = { $unit ->
    [day] по днях
    [week] по тижнях
    [month] по місяцях
    [quarter] по кварталах
   *[year] по роках
  }

## Що показано.
trend-lost = { $metric }
trend-lost-whose = { $metric } ({ $whose })
trend-title = { $what } { $per }, { $period }
trend-title-record = { $what }, { $period }
trend-since = з { $date }
trend-so-far = поки що, по { $date }
trend-period-so-far = { $period }, { $so_far }

## Атрибуція.
trend-derived-from-daily = обчислено з щоденних зведень
trend-source-prefix = {"джерело: "}
trend-source-prefix-capital = {"Джерело: "}
trend-source-not-given = джерело не вказано
trend-coverage = з { $from } по { $to }
trend-coverage-so-far = з { $from } по { $to } (поки що)
trend-derived-coverage = { $derived }, { $coverage }
trend-total = Усього: { $value }
trend-total-none = Усього: змістовного числа немає (зведення на обох кінцях залишають його відкритим)
trend-total-derivation = { $total } ({ $derived }: { $derivation })
trend-derivation = { $to } по { $to_date } мінус { $from } по { $from_date }
trend-derivation-from-start = { $to } по { $to_date }, від початку
trend-correction = виправлення на { $size } у зведенні за { $date }
trend-correction-unsized = виправлення у зведенні за { $date }
trend-corrections = Виправлення в цьому періоді: { $list }.
trend-no-series = У мене немає щоденного ряду для «{ $what }», щоб показати графік чи розбивку; ось що в мене є натомість.
trend-sparse = { $claimant }: зведення надто рідкі, щоб показати їх по днях, тижнях чи місяцях.
trend-series-label = { $claimant } ({ $party })

## Рядки розбивки.
trend-quarter = { $quarter } кв. { $year }
trend-week-of = тиждень з { $date }
trend-row-partial = { $label } (з { $from } по { $to }, лише частина)
trend-row = { $label }: { $value }
trend-row-per-day = { $label }: { $value } ({ $per_day } на добу)
trend-sum = Сума: { $value }
trend-sum-none = Сума: не число (у деяких рядках його немає)
trend-sum-equals-total = {", стільки ж, скільки обчислено за весь період"}
trend-sum-differs = {"; обчислено за весь період: "}{ $total }
trend-day-too-long = По днях за { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[other] { $days } днів
  } — задовго для чату; натомість { $by }.

## Рекорди.
trend-record-day = Найбільше за добу: { $value }, { $date }
trend-record-day-report = Найбільше за добу: { $value }, { $date } (зведення за { $report })
trend-record-bucket = Найбільше за { $unit ->
    [day] добу
    [week] тиждень
    [month] місяць
    [quarter] квартал
   *[year] рік
  }: { $value }, { $label }
trend-average = У середньому: { $value } на добу за { $days ->
    [one] { $days } добу
    [few] { $days } доби
   *[other] { $days } діб
  }, з { $from } по { $to }
trend-skipped-corrections = Дні, зведення яких містить виправлення, до рекорду не враховано ({ $count }).
trend-no-record = У цьому проміжку немає цілого періоду для порівняння.

## Щоденна картка.
trend-card-title = { $claimant }: зведення за { $date }
trend-card-title-undated = { $claimant }: зведення без дати
trend-card-covers = { $whose }: втрати по { $date } включно, зі зміною від попереднього зведення:
trend-card-row = { $metric }: { $total }
trend-card-row-change = { $metric }: { $total } ({ $change })
trend-card-none = У мене ще немає жодного зведення Генштабу.
trend-card-unavailable = Щоденне зведення тут недоступне.

## Джерела відповіді.
trend-sources-title = Джерела цієї відповіді
trend-source-line = { $claimant } ({ $count ->
    [one] { $count } цифра
    [few] { $count } цифри
   *[other] { $count } цифр
  }){": "}
trend-no-sources = У цій відповіді немає цифр, тож немає й джерел.
trend-stated = заявлено { $date }
