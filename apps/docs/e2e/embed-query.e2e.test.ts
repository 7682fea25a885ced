// The embed pages copy query parameters onto their widget. Only the widget's own parameters (the
// catalogue's `params`) and `lang` may take effect: a crafted link must never set an event handler,
// a style, an id, focusability or any other attribute, neither on the page itself nor when the page
// sits in another origin's iframe. Each handler in the payloads both opens a dialog and sets a global,
// so a run is caught whether or not the browser shows dialogs from cross-origin frames.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server.mjs';
import { openSite, watchedPage, type Site } from './support/site.ts';

const RUN = 'alert(document.domain);window.mleXssRuns=(window.mleXssRuns||0)+1';

/** Query strings an attacker might send, each with the attribute names that must not appear. */
const attacks: { name: string; widget: string; query: [string, string][]; hash?: string; forbidden: string[] }[] = [
  {
    name: 'content-visibility event on load (the reported link)',
    widget: 'data-explorer',
    query: [['style', 'content-visibility:auto'], ['oncontentvisibilityautostatechange', RUN]],
    forbidden: ['style', 'oncontentvisibilityautostatechange'],
  },
  {
    name: 'focus by fragment (the reported link)',
    widget: 'data-explorer',
    query: [['id', 'x'], ['tabindex', '0'], ['onfocus', RUN]],
    hash: '#x',
    forbidden: ['id', 'tabindex', 'onfocus'],
  },
  {
    name: 'autofocus',
    widget: 'gaussian-integral',
    query: [['autofocus', ''], ['tabindex', '0'], ['onfocus', RUN], ['onfocusin', RUN]],
    forbidden: ['autofocus', 'tabindex', 'onfocus', 'onfocusin'],
  },
  {
    name: 'error, load, pointer and animation handlers',
    widget: 'gaussian-integral',
    query: [
      ['onerror', RUN],
      ['onload', RUN],
      ['onmouseover', RUN],
      ['onpointerenter', RUN],
      ['onclick', RUN],
      ['onanimationstart', RUN],
      ['style', 'animation:spin 1s;width:100vw;height:100vh;position:fixed;top:0;left:0;z-index:9'],
    ],
    forbidden: ['onerror', 'onload', 'onmouseover', 'onpointerenter', 'onclick', 'onanimationstart', 'style'],
  },
  {
    name: 'global attributes',
    widget: 'gaussian-integral',
    query: [
      ['class', 'x'],
      ['slot', 'x'],
      ['is', 'x'],
      ['data-x', '1'],
      ['data-ready', 'true'],
      ['hidden', ''],
      ['inert', ''],
      ['popover', ''],
      ['contenteditable', 'true'],
      ['aria-label', 'x'],
      ['title', 'x'],
      ['url-state', ''],
      ['url-prefix', 'x-'],
      ['part', 'x'],
    ],
    forbidden: ['class', 'slot', 'is', 'data-x', 'hidden', 'inert', 'popover', 'contenteditable', 'aria-label', 'title', 'url-state', 'url-prefix', 'part'],
  },
  {
    name: 'names in upper or mixed case',
    widget: 'gaussian-integral',
    query: [
      ['ONFOCUS', RUN],
      ['OnMouseOver', RUN],
      ['TABINDEX', '0'],
      ['AUTOFOCUS', ''],
      ['STYLE', 'content-visibility:auto'],
      ['ONCONTENTVISIBILITYAUTOSTATECHANGE', RUN],
      ['A', '7'],
    ],
    hash: '#',
    forbidden: ['onfocus', 'onmouseover', 'tabindex', 'autofocus', 'style', 'oncontentvisibilityautostatechange'],
  },
];

let site: Site;
let host: StaticServer;

beforeAll(async () => {
  site = await openSite();
  // A second origin whose page frames the URL given in its own query string.
  const dir = mkdtempSync(join(tmpdir(), 'mle-lab-attacker-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An attacker's page</title></head>
<body><h1>Look at this</h1><iframe id="victim" title="victim" style="width:100%;height:900px;border:0"></iframe>
<script>document.getElementById('victim').src = new URLSearchParams(location.search).get('frame');</script></body></html>`,
  );
  host = await startStaticServer({ root: dir, port: 0 });
});

afterAll(async () => {
  await host?.close();
  await site?.close();
});

function embedUrl(widget: string, query: [string, string][], hash = ''): string {
  return `${site.server.url}/embed/${widget}/?${new URLSearchParams(query).toString()}${hash}`;
}

/** Gives every handler a chance to fire: waits for the widget, tabs through, hovers and clicks it. */
async function provoke(page: Page, frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.querySelector('[data-widget]')?.getAttribute('data-ready') === 'true', undefined, { timeout: 30_000 });
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const box = await frame.locator('[data-widget]').boundingBox();
  if (box) {
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.click(box.x + 2, box.y + 2);
  }
  await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

interface Outcome {
  dialogs: string[];
  ran: number;
  attributes: string[];
}

async function outcome(frame: Frame, dialogs: string[]): Promise<Outcome> {
  const { ran, attributes } = await frame.evaluate(() => ({
    ran: (window as unknown as { mleXssRuns?: number }).mleXssRuns ?? 0,
    attributes: document.querySelector('[data-widget]')?.getAttributeNames() ?? [],
  }));
  return { dialogs, ran, attributes };
}

function expectHarmless(result: Outcome, widget: string, forbidden: string[]): void {
  expect(result.dialogs).toEqual([]);
  expect(result.ran).toBe(0);
  for (const name of forbidden) expect(result.attributes, `attribute ${name}`).not.toContain(name);
  // The widget's own attributes only: its parameters and what it sets on itself.
  const entry = catalogue.find((e) => e.tag === `mle-${widget}`);
  const own = new Set([...(entry?.params ?? []), 'data-widget', 'data-theme', 'data-ready']);
  for (const name of result.attributes) expect(own.has(name), `unexpected attribute ${name}`).toBe(true);
}

async function pageWithDialogs(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const { page, errors } = await watchedPage(site.context);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs, errors };
}

describe('embed pages accept only the widget’s own parameters', () => {
  for (const attack of attacks) {
    it(`${attack.name}: nothing runs on the page itself`, async () => {
      const { page, dialogs } = await pageWithDialogs();
      await page.goto(embedUrl(attack.widget, attack.query, attack.hash), { waitUntil: 'load' });
      await provoke(page, page.mainFrame());
      expectHarmless(await outcome(page.mainFrame(), dialogs), attack.widget, attack.forbidden);
      await page.close();
    });

    it(`${attack.name}: nothing runs inside another origin’s iframe`, async () => {
      const { page, dialogs } = await pageWithDialogs();
      const target = embedUrl(attack.widget, attack.query, attack.hash);
      await page.goto(`${host.url}/?${new URLSearchParams({ frame: target }).toString()}`, { waitUntil: 'load' });
      const iframe = await page.waitForSelector('#victim');
      const frame = await iframe.contentFrame();
      if (!frame) throw new Error('the iframe has no frame');
      await frame.waitForLoadState('load');
      expect(new URL(frame.url()).origin).toBe(site.server.url);
      await provoke(page, frame);
      expectHarmless(await outcome(frame, dialogs), attack.widget, attack.forbidden);
      await page.close();
    });
  }

  it('values of the widget’s parameters and lang still apply, with hostile names beside them', async () => {
    const { page, dialogs, errors } = await pageWithDialogs();
    const query: [string, string][] = [['seed', '7'], ['mu', '3'], ['sigma', '1.5'], ['n', '500'], ['bins', '20'], ['lang', 'en'], ['onclick', RUN], ['style', 'display:none']];
    await page.goto(embedUrl('data-explorer', query), { waitUntil: 'load' });
    await provoke(page, page.mainFrame());
    const widget = page.locator('mle-data-explorer');
    for (const [name, value] of query.slice(0, 5)) expect(await widget.getAttribute(name), name).toBe(value);
    expect(await widget.getAttribute('data-error')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The English UI: controls labelled, none in Chinese.
    const labels = await widget.locator('label').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    expectHarmless(await outcome(page.mainFrame(), dialogs), 'data-explorer', ['onclick', 'style']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every catalogue entry’s embed page accepts each of its parameters', async () => {
    const { page } = await pageWithDialogs();
    for (const entry of catalogue) {
      const widget = entry.tag.replace(/^mle-/, '');
      await page.goto(embedUrl(widget, Object.entries(entry.example)), { waitUntil: 'domcontentloaded' });
      const attributes = await page.evaluate((tag) => {
        const el = document.querySelector(tag);
        return el ? Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)])) : {};
      }, entry.tag);
      for (const [name, value] of Object.entries(entry.example)) expect(attributes[name], `${entry.tag} ${name}`).toBe(value);
    }
    await page.close();
  });
});
