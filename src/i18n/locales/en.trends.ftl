## Charts, breakdowns, records, the daily card, the answer buttons and paging (src/core/trends,
## src/chain). Keys start with trend-; uk.trends.ftl and ru.trends.ftl hold the same keys.

## Buttons under an answer, and paging.
trend-button-chart = Chart
trend-button-by-month = By month
trend-button-others = Other claimants
trend-button-sources = Sources
trend-button-previous = ◀ Previous
trend-button-next = Next ▶
trend-page = Page { $index } of { $count }
trend-expired = That answer has expired; please ask again.

## Units: "per day" on a chart's title, "by month" on a table's.
trend-per = { $unit ->
    [day] per day
    [week] per week
    [month] per month
    [quarter] per quarter
   *[year] per year
  }
trend-by = { $unit ->
    [day] by day
    [week] by week
    [month] by month
    [quarter] by quarter
   *[year] by year
  }

## What is shown: "Russian tanks lost", "Russian personnel losses" ($ends is "losses" when the metric's name ends so).
trend-lost = { $metric }{ $ends ->
    [losses] {""}
   *[other] {" lost"}
  }
trend-lost-whose = { $whose } { $metric }{ $ends ->
    [losses] {""}
   *[other] {" lost"}
  }
trend-title = { $what } { $per }, { $period }
trend-title-record = { $what }, { $period }
trend-since = since { $date }
trend-so-far = so far, to { $date }
trend-period-so-far = { $period }, { $so_far }

## Attribution.
trend-derived-from-daily = derived from daily reports
trend-source-prefix = {"source: "}
trend-source-prefix-capital = {"Source: "}
trend-source-not-given = source not given
trend-coverage = { $from } to { $to }
trend-coverage-so-far = { $from } to { $to } (so far)
trend-derived-coverage = { $derived }, { $coverage }
trend-total = In all: { $value }
trend-total-none = In all: no meaningful figure (the reports at both ends leave it open)
trend-total-derivation = { $total } ({ $derived }: { $derivation })
trend-derivation = { $to } to { $to_date } minus { $from } to { $from_date }
trend-derivation-from-start = { $to } to { $to_date }, counted from the start
trend-correction = a correction of { $size } in the report of { $date }
trend-correction-unsized = a correction in the report of { $date }
trend-corrections = Corrections inside: { $list }.
trend-no-series = I hold no daily series of { $what } to chart or break down; here is what I hold instead.
trend-sparse = { $claimant }: reports too far apart to show by day, week or month.
trend-series-label = { $claimant } ({ $party })

## Rows of a breakdown.
trend-quarter = Q{ $quarter } { $year }
trend-week-of = week of { $date }
trend-row-partial = { $label } ({ $from } to { $to }, part only)
trend-row = { $label }: { $value }
trend-row-per-day = { $label }: { $value } ({ $per_day } a day)
trend-sum = Sum: { $value }
trend-sum-none = Sum: not a number (some rows have none)
trend-sum-equals-total = {", the same as the derived total for the whole period"}
trend-sum-differs = {"; the derived total for the whole period is "}{ $total }
trend-day-too-long = By day over { $days ->
    [one] { $days } day
   *[other] { $days } days
  } is too long for a chat; { $by } instead.

## Records.
trend-record-day = Most in one day: { $value } on { $date }
trend-record-day-report = Most in one day: { $value } on { $date } (report of { $report })
trend-record-bucket = Most in one { $unit ->
    [day] day
    [week] week
    [month] month
    [quarter] quarter
   *[year] year
  }: { $value } in { $label }
trend-average = Average: { $value } a day over { $days ->
    [one] { $days } day
   *[other] { $days } days
  }, { $from } to { $to }
trend-skipped-corrections = Days whose report includes a correction were left out of the record ({ $count }).
trend-no-record = No whole period in the span to compare.

## The daily card.
trend-card-title = { $claimant }: report of { $date }
trend-card-title-undated = { $claimant }: report of date not given
trend-card-covers = { $whose } losses to the end of { $date }, with the change since the report before:
trend-card-row = { $metric }: { $total }
trend-card-row-change = { $metric }: { $total } ({ $change })
trend-card-none = I hold no General Staff report yet.
trend-card-unavailable = The daily report is not available here.

## An answer's sources.
trend-sources-title = Sources of this answer
trend-source-line = { $claimant } ({ $count ->
    [one] { $count } figure
   *[other] { $count } figures
  }){": "}
trend-no-sources = This answer shows no figures, so it has no sources.
trend-stated = stated { $date }
