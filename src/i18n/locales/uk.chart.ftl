# Слова на зображенні графіка (src/charts/render.ts).
chart-source = джерело
chart-no-source = джерело не вказано
chart-derived = обчислено з щоденних звітів
chart-correction-legend = виправлення
chart-qualified = Деякі цифри заявник подав приблизно («близько», «понад»).
chart-corrections = Трикутники позначають виправлення ({ $label }): { $list }
chart-more = і ще { $count }
chart-partial-bars-week = Бліді стовпці: неповний тиждень
chart-partial-bars-month = Бліді стовпці: неповний місяць
chart-partial-points-week = Порожні точки: неповний тиждень
chart-partial-points-month = Порожні точки: неповний місяць
