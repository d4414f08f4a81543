# Слова на изображении графика (src/charts/render.ts).
chart-source = источник
chart-no-source = источник не указан
chart-derived = вычислено из ежедневных отчётов
chart-correction-legend = исправление
chart-qualified = Некоторые цифры заявитель дал приблизительно («около», «более»).
chart-corrections = Треугольники отмечают исправления ({ $label }): { $list }
chart-more = и ещё { $count }
chart-partial-bars-week = Бледные столбцы: неполная неделя
chart-partial-bars-month = Бледные столбцы: неполный месяц
chart-partial-points-week = Пустые точки: неполная неделя
chart-partial-points-month = Пустые точки: неполный месяц
