## lossbot's English messages. Keys are shared by en.ftl, uk.ftl and ru.ftl (test/i18n checks it).
## Placeables are named in snake_case; numbers are formatted for the locale and select plurals.

# A span of two dates or months.
span = { $from } to { $to }
# A span of two whole months.
span-months = { $from } to { $to }
