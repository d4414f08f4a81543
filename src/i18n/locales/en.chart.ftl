# Words drawn on a chart image (src/charts/render.ts).
chart-source = source
chart-no-source = source not given
chart-derived = derived from daily reports
chart-correction-legend = correction
chart-qualified = Some figures are approximate as the claimant gave them ("about", "more than").
chart-corrections = Triangles mark corrections by { $label }: { $list }
chart-more = and { $count } more
chart-partial-bars-week = Pale bars: incomplete week
chart-partial-bars-month = Pale bars: incomplete month
chart-partial-points-week = Hollow points: incomplete week
chart-partial-points-month = Hollow points: incomplete month
