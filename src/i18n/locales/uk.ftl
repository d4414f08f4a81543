## Повідомлення lossbot українською. Ключі ті самі, що в en.ftl.

span = з { $from } по { $to }
span-months = { $from } – { $to }

## Переліки.
list-and = { $a } і { $b }
list-or = { $a } або { $b }
list-comma = { $a }, { $b }

## Цифри.
qualified = { $qualifier ->
    [about] близько { $value }
    [nearly] майже { $value }
    [more_than] понад { $value }
    [at_least] щонайменше { $value }
    [up_to] до { $value }
    [fewer_than] менше ніж { $value }
   *[exact] { $value }
  }
value-range = { $low }–{ $high }
value-none = змістовної цифри немає
value-per-day = { $value } на день
no-meaningful-number = змістовної цифри немає ({ $metric })
figure-with-metric = { $value } { $metric }
figure-headline = { $value }, { $period }
quoted = «{ $text }»

## Періоди.
period-to = по { $date }
period-as-of-month = станом на { $date } (лише місяць)
period-as-of-year = станом на { $date } (лише рік)
period-not-given = період не вказано
period-as-said = без точних дат, як сказано: «{ $label }»
period-dates = з { $from } по { $to }
period-so-far = { $period }, поки що
period-truncated = { $period } (останнє зведення за період)
period-per-day = у середньому на день, { $period }

## Як прочитано запитання.
time-unspecified = останні цифри
time-latest = останні, від початку війни
time-as-of = станом на { $date }
time-so-far = { $label }, поки що — по { $date }
reading-losses = втрати
reading-average = { $what } у середньому на день
reading-whose = { $what } ({ $whose })
reading = { $what }, { $time }
reading-by = { $reading }, за даними: { $names }
reading-except = { $reading }, крім: { $names }
reading-side = сторона «{ $adjective }»

## Примітки до цифри.
endpoint = { $value } по { $date }
note-derived = Обчислено з його зведень: { $to } мінус { $from }.
note-derived-from-start = Обчислено з його зведення: { $to }, від початку війни.
note-difference-unknown = Його зведення дають { $to }: з такими застереженнями різниця може бути будь-якою, тож цифри немає.
note-difference-unknown-two = Його зведення дають { $to } і { $from }: з такими застереженнями різниця може бути будь-якою, тож цифри немає.
correction-delta = виправлення на { $delta } у зведенні за { $date }
correction-fell = виправлення у зведенні за { $date } (загальна цифра знизилася з { $from } до { $to }; розмір виправлення не вказано)
note-correction = Враховує { $parts }.
note-correction-without = Враховує { $parts }. Без { $count ->
    [one] нього
   *[other] них
  }: { $without }.
note-daily-average = { $total } за { $days } { $count ->
    [one] день
    [few] дні
   *[other] днів
  }.
republished-gives = Власний ряд джерела «{ $series }» дає { $value } за { $what ->
    [date] ту саму дату
   *[period] той самий період
  }
republished-gives-per-day = Власний ряд джерела «{ $series }» дає { $value } на день за { $what ->
    [date] ту саму дату
   *[period] той самий період
  }
note-republished-same = { $gives }: та сама цифра.
note-republished-differs = { $gives }; ця цифра відрізняється на { $difference }.
note-republished-differs-before = { $gives } ({ $before } за попередній день); ця цифра відрізняється на { $difference }.
note-republished-unknown = { $gives }; вони різняться.
note-republished-unknown-before = { $gives } ({ $before } за попередній день); вони різняться.
note-broader = Ширше, ніж { $asked }: це джерело повідомляє лише { $metric }.
note-broader-personnel = Ширше, ніж { $asked }: це джерело повідомляє лише { $metric } (загиблі, поранені, полонені та зниклі безвісти).
note-series-stopped = Цей ряд припинився; остання цифра — по { $date }.
note-series-stopped-latest = Цей ряд припинився; остання цифра — по { $date }; інші ряди джерела тривають до { $latest }.
note-series-continued = Відтоді їх рахують разом із категорією «{ $metric }» (за документацією набору даних).

## Примітки до відповіді.
help-intro = Запитайте про втрати у війні, і я відповім усіма цифрами, які маю: хто їх заявляє, за який період і де їх оприлюднено. Наприклад:
not-understood = Я не зміг прочитати це запитання. Запитайте про втрати, наприклад: «Скільки танків втратила росія?»
no-figure = У мене немає цифр за запитом: { $reading }.
year-assumed = Рік не вказано, тож я взяв { $label } — найближчий період «{ $which }», за який є цифри.
year-assumed-period = цей період
data-ends = Моє найновіше зведення — по { $to }, тож за цей період ({ $asked }) я ще нічого не маю. Натомість показано: { $shown } — такий самий проміжок до цього зведення.
period-empty = За період «{ $label }» цифр у мене немає.
side-none = За цим запитом я не маю цифр втрат сторони «{ $side }».
out-of-scope-civilians = Я маю цифри лише військових втрат: загибелі цивільних серед них немає, а військові цифри на це запитання не відповідають.
out-of-scope-forecast = Я маю цифри, які вже було оприлюднено, і хто їх заявив; прогнозів я не роблю.
out-of-scope-other-war = Я маю цифри лише війни в Україні.
side-by-side = Цифри різних джерел наведено поруч і ніколи не поєднано.
unheld = У мене немає цифр від: { $names }.
held-from = Я маю цифри від: { $names }.
lead-with-side = { $claimant } (втрати сторони «{ $side }»)
same-side = { $asked }: немає цифр за цим запитом; ці цифри { $others_count ->
    [one] повідомляє
   *[other] повідомляють
  }: { $others }.
stated = Що було заявлено за період { $label }, разом із наростальними підсумками.
own-disagreement = { $claimant } повідомив { $reported }, але його власні наростальні зведення дають { $derived }; показано обидві цифри.
more-figures = Ще { $hidden } { $count ->
    [one] цифра
    [few] цифри
   *[other] цифр
  } ({ $what }). Щоб побачити всі, запитайте: { $follow_up }
all-figures = усі цифри

## Джерела.
source-own-statement = власна заява
source-not-recorded = не зазначено

## Будова відповіді.
read-as = Прочитано як: { $reading }
section-claimant = { $claimant }; джерело: { $source }
section-claimant-prefix = {"; джерело: "}
section-source = Джерело: { $source }
section-source-prefix = {"Джерело: "}
continued = {" (продовження)"}
claim-ref = {" (заява №"}{ $id }{")"}
figure-above = цифра вище
figure-above-derived = цифра вище (обчислена)
nearest-figures = Найближчі цифри, які я маю:
try-example = Спробуйте, наприклад: «{ $example }»
try-example-prefix = {"Спробуйте, наприклад: "}

## Приклади запитань.
example-1 = Заява України про втрати росії у листопаді 2024
example-2 = Оцінка британської розвідки щодо загиблих росіян
example-3 = Скільки танків втратила росія?
example-4 = Що каже росія про власні втрати?

## Категорії втрат: після числа ($count обирає форму) і як назва.
metric-personnel = { $count ->
    [one] втрата особового складу
    [few] втрати особового складу
   *[other] втрат особового складу
  }
metric-name-personnel = втрати особового складу
metric-killed = { $count ->
    [one] загиблий
   *[other] загиблих
  }
metric-name-killed = загиблі
metric-wounded = { $count ->
    [one] поранений
   *[other] поранених
  }
metric-name-wounded = поранені
metric-killed-or-wounded = { $count ->
    [one] загиблий або поранений
   *[other] загиблих або поранених
  }
metric-name-killed-or-wounded = загиблі або поранені
metric-killed-or-missing = { $count ->
    [one] загиблий або зниклий безвісти
   *[other] загиблих або зниклих безвісти
  }
metric-name-killed-or-missing = загиблі або зниклі безвісти
metric-casualties = { $count ->
    [one] втрата (загиблі та поранені)
    [few] втрати (загиблі та поранені)
   *[other] втрат (загиблі та поранені)
  }
metric-name-casualties = втрати (загиблі та поранені)
metric-irreversible = { $count ->
    [one] безповоротна втрата
    [few] безповоротні втрати
   *[other] безповоротних втрат
  }
metric-name-irreversible = безповоротні втрати
metric-captured = { $count ->
    [one] полонений
   *[other] полонених
  }
metric-name-captured = полонені
metric-deserters = { $count ->
    [one] дезертир
    [few] дезертири
   *[other] дезертирів
  }
metric-name-deserters = дезертири
metric-tanks = { $count ->
    [one] танк
    [few] танки
   *[other] танків
  }
metric-name-tanks = танки
metric-armoured-vehicles = { $count ->
    [one] бойова броньована машина
    [few] бойові броньовані машини
   *[other] бойових броньованих машин
  }
metric-name-armoured-vehicles = бойові броньовані машини
metric-artillery = { $count ->
    [one] артилерійська система
    [few] артилерійські системи
   *[other] артилерійських систем
  }
metric-name-artillery = артилерійські системи
metric-mlrs = { $count ->
    [one] РСЗВ
   *[other] РСЗВ
  }
metric-name-mlrs = РСЗВ
metric-air-defence = { $count ->
    [one] засіб ППО
    [few] засоби ППО
   *[other] засобів ППО
  }
metric-name-air-defence = засоби ППО
metric-aircraft = { $count ->
    [one] літак
    [few] літаки
   *[other] літаків
  }
metric-name-aircraft = літаки
metric-helicopters = { $count ->
    [one] гелікоптер
    [few] гелікоптери
   *[other] гелікоптерів
  }
metric-name-helicopters = гелікоптери
metric-uavs = { $count ->
    [one] БпЛА
   *[other] БпЛА
  }
metric-name-uavs = БпЛА
metric-cruise-missiles = { $count ->
    [one] крилата ракета
    [few] крилаті ракети
   *[other] крилатих ракет
  }
metric-name-cruise-missiles = крилаті ракети
metric-ships = { $count ->
    [one] корабель або катер
    [few] кораблі та катери
   *[other] кораблів і катерів
  }
metric-name-ships = кораблі та катери
metric-submarines = { $count ->
    [one] підводний човен
    [few] підводні човни
   *[other] підводних човнів
  }
metric-name-submarines = підводні човни
metric-vehicles = { $count ->
    [one] одиниця автотехніки та цистерн
   *[other] одиниць автотехніки та цистерн
  }
metric-name-vehicles = автотехніка та цистерни
metric-special-equipment = { $count ->
    [one] одиниця спецтехніки
   *[other] одиниць спецтехніки
  }
metric-name-special-equipment = спецтехніка
metric-srbm-launchers = { $count ->
    [one] пускова установка ОТРК
    [few] пускові установки ОТРК
   *[other] пускових установок ОТРК
  }
metric-name-srbm-launchers = пускові установки ОТРК
metric-ground-robots = { $count ->
    [one] наземний роботизований комплекс
    [few] наземні роботизовані комплекси
   *[other] наземних роботизованих комплексів
  }
metric-name-ground-robots = наземні роботизовані комплекси

## Ланцюг: відмови, кнопки, обмеження.
error-internal = У мене щось пішло не так; нічого не змінено. Модератори знайдуть це в журналі.
still-too-many = Досі забагато запитів; будь ласка, трохи зачекайте.
rate-limit-user = Повільніше, будь ласка: я відповідаю щонайбільше на { $limit } { $limit ->
    [one] запитання
    [few] запитання
   *[other] запитань
  } кожні { $seconds } с. Запитайте знову за { $wait } с; доти я мовчатиму.
rate-limit-chat = Повільніше, будь ласка: у цьому чаті я даю щонайбільше { $limit } { $limit ->
    [one] відповідь
    [few] відповіді
   *[other] відповідей
  } кожні { $seconds } с. Запитайте знову за { $wait } с; доти я мовчатиму.
unknown-command = Я не знаю такої команди; спробуйте { $help }.
preview-expired = Цей попередній перегляд застарів або вже використаний. Нічого не записано; виконайте команду знову.
preview-not-yours = Підтвердити або скасувати цей попередній перегляд може лише модератор, який його запросив.
cancelled = Скасовано. Нічого не записано.
only-audience = Команду { $command } можуть використовувати лише { $who ->
    [moderators] модератори заяв бота
    [chat_managers] керівники цього чату (Discord: право «Керувати каналами» тут; Telegram: його адміністратори) і модератори заяв бота
    [owners] власники бота
   *[operator] оператор, у командному рядку
  }. Нічого не змінено.
usage = Використання: { $usage }
options-not-right = { $command }: деякі параметри неправильні. Нічого не змінено.
too-many-previews = Зараз забагато попередніх переглядів чекають на підтвердження. Нічого не записано; спробуйте знову за кілька хвилин.
button-confirm = Підтвердити
button-cancel = Скасувати
button-more = Ще

## Довідка.
help-title = lossbot
help-what = Я відповідаю на запитання про втрати у війні всіма цифрами, які маю. Для кожної цифри сказано, хто її заявляє, за який період і де її оприлюднено. Цифри різних джерел ніколи не додаються й не усереднюються.
help-how = Запитуйте командою /ask, згадавши мене або в особистому чаті. Наприклад:
help-more = /claimants — чиї цифри я маю. Модератори додають, виправляють і відкликають заяви командами claim; кожна зміна зберігає свою історію.
