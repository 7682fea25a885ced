import { describe, expect, it } from 'vitest';
import catalogue from '../catalogue.json' with { type: 'json' };
import { defineAll } from '../src/index.ts';

// The embed pages (apps/docs/src/pages/embed/[widget].astro) copy query parameters onto the widget
// before its code loads, so the names they may copy come from the catalogue, not from the class. This
// keeps the two lists identical: a parameter added to a widget and not to the catalogue fails here.
defineAll();

describe('catalogue.json', () => {
  it.each(catalogue.map((entry) => [entry.tag, entry] as const))('%s lists exactly the observed attributes of its element', (tag, entry) => {
    const element = customElements.get(tag) as (CustomElementConstructor & { observedAttributes: string[] }) | undefined;
    expect(element, `${tag} is not defined`).toBeDefined();
    expect(entry.params).toEqual(element?.observedAttributes);
  });

  it('every example uses only the listed parameters', () => {
    for (const entry of catalogue) {
      for (const name of Object.keys(entry.example)) expect(entry.params, `${entry.tag} example`).toContain(name);
    }
  });

  it('no listed parameter could be an event handler or a global attribute', () => {
    const forbidden = /^(on|aria-|data-)|^(style|id|class|slot|is|tabindex|autofocus|lang|hidden|url-state|part|exportparts|popover|inert|contenteditable|draggable|accesskey|title|dir|nonce)$/;
    for (const entry of catalogue) {
      for (const name of entry.params) expect(name, `${entry.tag}`).not.toMatch(forbidden);
    }
  });
});
