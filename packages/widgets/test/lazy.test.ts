import { describe, expect, it } from 'vitest';
import catalogue from '../catalogue.json' with { type: 'json' };
import { widgets } from '../src/index.ts';
import { defineOnUse, widgetLoaders } from '../src/lazy.ts';
import { waitFor } from './support/mount.ts';

describe('lazy definition (the embed bundle)', () => {
  it('knows the same widgets as the catalogue and the eager index', () => {
    const tags = catalogue.map((entry) => entry.tag).toSorted();
    expect(Object.keys(widgetLoaders).toSorted()).toEqual(tags);
    expect(Object.keys(widgets).toSorted()).toEqual(tags);
  });

  it('each loader resolves to the same class the index exports', async () => {
    for (const [tag, load] of Object.entries(widgetLoaders)) {
      expect(await load(), tag).toBe(widgets[tag as keyof typeof widgets]);
    }
  });

  it('defines an element that appears after start-up, and it renders', async () => {
    defineOnUse();
    const host = document.createElement('div');
    host.innerHTML = '<mle-gaussian-integral a="1" b="0.5" lang="en"></mle-gaussian-integral>';
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement;
    await waitFor(() => el.dataset['ready'] === 'true' || el.hasAttribute('data-error'));
    expect(el.hasAttribute('data-error')).toBe(false);
    expect(customElements.get('mle-gaussian-integral')).toBeDefined();
    host.remove();
  });
});
