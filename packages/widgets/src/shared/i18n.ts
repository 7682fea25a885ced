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

/** What a widget says when the reader cancels a long job and the previous result stays on screen. */
export const CANCELLED_KEEPING_RESULT: Text = {
  zh: '已取消：仍显示上一次的结果。改变任一控件即可重新运行。',
  en: 'Cancelled: the previous result is still shown. Change any control to run again.',
};

/** What a widget shows when drawing its current values failed (the developer's message goes to data-error). */
export const RENDER_FAILED: Text = {
  zh: '无法用这组数值画出结果：计算超出了数值精度所能表示的范围。请把数值调回常见范围后再试。',
  en: 'These values cannot be drawn: the computation went beyond what floating-point numbers can represent. Bring the values back to a usual range and try again.',
};
