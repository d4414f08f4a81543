// The language of a question: English, Ukrainian or Russian. Cyrillic script picks between the two
// Cyrillic languages by the letters only one of them has (і ї є ґ / ы э ъ ё) and by common words.
export const LOCALES = ['en', 'uk', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

const UK_LETTERS = /[іїєґ]/gu;
const RU_LETTERS = /[ыэъё]/gu;
// Common words spelt differently in the two languages (and in neither with the letters above),
// greetings and thanks among them, so that a short "спасибо" or "дякую" is answered in its language.
const UK_WORDS = new Set(
  'що як скільки чи та але або це цей ця ці було були буде від до про під над при після між який яка яке які якого якої яких де коли чому тому тільки також ще вже зараз наразі ну ж й у з із зі за втрати втрат втратила втратили втратив загинуло загинули загиблих знищено знищили знищила збили збито поранених поранені вбитих вбиті танків танки літаків гелікоптерів кораблів човнів за даними згідно каже кажуть повідомляє повідомив генштаб зсу міноборони росія росії росіян росію українці україни україна мо рф орків окупантів рік року році листопада листопаді грудня грудні січня січні лютого лютому березня березні квітня квітні травня травні червня червні липня липні серпня серпні вересня вересні жовтня жовтні вчора сьогодні тиждень тижня місяць місяця минулий минулого останній останні дякую дякуємо дяка ласка добрий добре ранку вечора бувай дуже щиро ти ви мене можеш зведення звіт звіти сьогоднішнє сьогоднішній хто скільки скількі знищених знищено знищили загинуло порівняй порівняти помісячно щомісяця найгірший найгірша найгірше жовтень листопад грудень січень лютий березень квітень травень червень липень серпень вересень переможе закінчиться'.split(' '),
);
const RU_WORDS = new Set(
  'что как сколько ли и но или это этот эта эти было были будет от до про под над при после между какой какая какое какие какого каких где когда почему только также еще ещё уже сейчас ну же с со за потери потерь потеряла потеряли потерял погибло погибли погибших уничтожено уничтожили уничтожила сбили сбито раненых раненые убитых убитые танков танки самолетов самолётов вертолетов вертолётов кораблей лодок по данным согласно говорит говорят сообщает сообщил генштаб всу минобороны россия россии русских украинцы украины украина мо рф орков оккупантов год года году ноября ноябре декабря декабре января январе февраля феврале марта марте апреля апреле мая мае июня июне июля июле августа августе сентября сентябре октября октябре вчера сегодня неделя неделю недели месяц месяца прошлый прошлую прошлой последний последние спасибо спасибки благодарю привет приветик здравствуйте здравствуй пожалуйста добрый доброе хорошо утро утра вечер вечера пока очень большое меня мне можешь сводка сводки сводку отчет отчёт отчеты кто уничтоженных уничтожено погибло сравни сравнить помесячно ежемесячно худшая худший худшее октябрь ноябрь декабрь январь февраль март апрель май июнь июль август сентябрь победит закончится'.split(' '),
);

const RU_ENDINGS = /(?:ая|яя|ое|ее|ие|ые)$/u;
const UK_ENDINGS = /(?:ння|ття)$/u;

function scores(text: string): { uk: number; ru: number } | null {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (!cyrillic || cyrillic < latin) return null;
  const lower = text.toLowerCase();
  let uk = (lower.match(UK_LETTERS) ?? []).length * 2;
  let ru = (lower.match(RU_LETTERS) ?? []).length * 2;
  for (const word of lower.split(/[^\p{L}']+/u)) {
    if (UK_WORDS.has(word)) uk++;
    if (RU_WORDS.has(word)) ru++;
    // Endings only one language has: Russian adjectives in -ая/-яя/-ое/-ее/-ие/-ые; Ukrainian nouns in -ння/-ття.
    if (word.length > 3 && RU_ENDINGS.test(word)) ru++;
    if (word.length > 4 && UK_ENDINGS.test(word)) uk++;
  }
  return { uk, ru };
}

/**
 * The language of a question, from its script, letters and words; English when it has no Cyrillic.
 * Cyrillic with nothing to tell the two apart reads as Ukrainian (`detectLocale.decided` says so).
 */
export function detectLocale(text: string): Locale {
  const s = scores(text);
  if (!s) return 'en';
  return s.ru > s.uk ? 'ru' : 'uk';
}

/** Whether the letters and words decided between Ukrainian and Russian (not a tie). */
detectLocale.decided = (text: string): boolean => {
  const s = scores(text);
  return !s || s.uk !== s.ru;
};
