// What a screen reader meets in a widget that has not built yet. A widget far from the screen builds
// only when the reader comes near it (render-queue.ts); until then its shadow root held nothing but its
// style, and a screen reader's reading cursor passed over an empty element. Now it holds one line,
// visually hidden: the widget's title from the catalogue, and that it loads when reached (a screen
// reader scrolls what it reads into view, which builds it). The line is hidden (styles.ts) once the
// widget's first render is shown or it reports an error.
import catalogue from '../../catalogue.json' with { type: 'json' };
import type { Lang, Text } from './i18n.ts';

const TITLES = new Map<string, Text>(catalogue.map((entry) => [entry.tag, entry.title]));

const LOADS_WHEN_REACHED: Text = {
  zh: '互动组件，读到这里时载入。',
  en: 'Interactive widget; it loads when you reach it.',
};

/**
 * The line for the element `tag` in `lang`: its catalogue title and that it loads when reached (the
 * second part alone for an element the catalogue does not list).
 *
 * @example
 * waitingText('mle-clt', 'en'); // => 'Central limit theorem — Interactive widget; it loads when you reach it.'
 */
export function waitingText(tag: string, lang: Lang): string {
  const title = TITLES.get(tag);
  return title ? `${title[lang]} — ${LOADS_WHEN_REACHED[lang]}` : LOADS_WHEN_REACHED[lang];
}
