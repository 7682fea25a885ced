/** The two languages every widget speaks. */
export type Lang = 'zh' | 'en';

/** A text in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/** The widget's language: its own `lang` attribute, else the nearest ancestor's, else the page's. */
export function detectLang(element: Element): Lang {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? '';
  return lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function tr(text: Text, lang: Lang): string {
  return text[lang];
}
