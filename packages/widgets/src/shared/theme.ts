/** The page's colour scheme: Starlight's `data-theme` on <html>, else the system preference. */
export function pageTheme(): 'light' | 'dark' {
  const attr = document.documentElement.dataset['theme'];
  if (attr === 'dark' || attr === 'light') return attr;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls `onChange` whenever the page's scheme changes; returns a function that stops watching. */
export function watchTheme(onChange: (theme: 'light' | 'dark') => void): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const notify = () => onChange(pageTheme());
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', notify);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', notify);
  };
}

/** Reads a CSS custom property from an element (canvas drawing needs concrete colours). */
export function cssColor(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || '#888';
}
