import { createActionBar } from './actions.ts';
import { createControl, type Control } from './controls.ts';
import type { CsvColumn } from './csv.ts';
import { formatParamValue } from './format.ts';
import { CANCELLED_KEEPING_RESULT, RENDER_FAILED, detectLang, type Lang, type Text } from './i18n.ts';
import { formatList, parseParam, type ParamSpec, type ParamValue } from './params.ts';
import { renderTurn, widgetDrawsSettled } from './render-queue.ts';
import { hostReserveCss } from './reserve.js';
import { baseCss } from './styles.ts';
import { pageTheme, watchTheme } from './theme.ts';
import { waitingText } from './waiting-note.ts';

/** Passed to `render`: tells a long computation whether a newer request has replaced it. */
export interface RenderContext {
  readonly isStale: () => boolean;
}

/**
 * What every MLE Lab widget shares: the DESIGN.md contract (`data-widget`, `data-ready`, `data-error`),
 * state from attributes and (with `url-state`) the page URL, validated controls, language and theme,
 * latest-wins rendering, a polite live region and a visible error line.
 *
 * A subclass declares `static widgetName` and `static params`, builds its body in `build()` and draws
 * the current state in `render()`.
 */
export abstract class MleWidget extends HTMLElement {
  static widgetName = '';
  static params: readonly ParamSpec[] = [];
  static get observedAttributes(): string[] {
    return this.params.map((p) => p.name);
  }

  protected readonly root: ShadowRoot;
  protected uiLang: Lang = 'en';
  protected state: Record<string, ParamValue> = {};
  private readonly controls = new Map<string, Control>();
  private readonly problems = new Map<string, Text>();
  private errorLine!: HTMLElement;
  private liveRegion!: HTMLElement;
  private renderToken = 0;
  private renderQueued = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private stopWatchingTheme: (() => void) | undefined;
  private built = false;
  private applyingAttributes = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  protected get spec(): typeof MleWidget {
    return this.constructor as typeof MleWidget;
  }

  connectedCallback(): void {
    this.dataset['widget'] = this.spec.widgetName;
    this.dataset['theme'] = pageTheme();
    this.stopWatchingTheme = watchTheme((theme) => {
      this.dataset['theme'] = theme;
      this.onThemeChange();
    });
    if (this.built) return;
    this.built = true;
    this.uiLang = detectLang(this);
    this.state = Object.fromEntries(this.spec.params.map((p) => [p.name, p.default]));
    this.applyingAttributes = true;
    for (const p of this.spec.params) {
      const raw = this.getAttribute(p.name);
      if (raw !== null) this.accept(p, raw, 'attribute');
    }
    if (this.hasAttribute('url-state')) this.readUrl();
    this.applyingAttributes = false;
    // The style (with the height the widget reserves) at once, so the element holds its space from the
    // moment it is defined: without it the page shifted (CLS 0.34 on /closed-form-mle/). The body
    // (controls, chart boxes: 20 ms for a fit lab here) at the widget's turn on the render queue, so that
    // the elements a definition upgrades together build their bodies in tasks of their own.
    this.root.append(this.shellStyle());
    // Until its first render is shown, a screen reader finds the widget's name here (waiting-note.ts).
    const waiting = document.createElement('p');
    waiting.className = 'sr-only waiting';
    waiting.textContent = waitingText(this.localName, this.uiLang);
    this.root.append(waiting);
    void renderTurn(this).then(() => {
      this.buildShell();
      this.scheduleRender();
    });
  }

  disconnectedCallback(): void {
    this.stopWatchingTheme?.();
    this.stopWatchingTheme = undefined;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.built || this.applyingAttributes || value === null) return;
    const p = this.spec.params.find((q) => q.name === name);
    if (p && this.accept(p, value, 'attribute')) this.scheduleRender();
  }

  /** Builds the widget's body (charts, readouts) under `body`; called once. */
  protected abstract build(body: HTMLElement): void;

  /** Draws the current state; may await the worker. Throw to show an error. */
  protected abstract render(context: RenderContext): Promise<void>;

  /** Redraws canvas charts whose colours come from CSS (theme change). */
  protected onThemeChange(): void {}

  /** A one-sentence summary of the current result for screen readers (announced politely). */
  protected announcement(): string {
    return '';
  }

  /** The controls for the named parameters, in a fieldset. */
  protected controlsFor(names: readonly string[]): HTMLElement {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'controls';
    for (const name of names) {
      const p = this.spec.params.find((q) => q.name === name);
      if (!p) throw new Error(`${this.spec.widgetName}: no parameter named ${name}`);
      const control = createControl(p, this.uiLang, (raw) => {
        if (this.accept(p, raw, 'control')) {
          this.writeUrl();
          this.scheduleRender();
        }
      });
      control.set(this.state[name] as ParamValue);
      this.controls.set(name, control);
      fieldset.append(control.element);
    }
    return fieldset;
  }

  /**
   * Sets one parameter from the widget itself (a dragged point, "jump to the MLE"): validated like a
   * typed value, shown in its control, mirrored to the URL and rendered. False if it was rejected.
   */
  protected setParam(name: string, value: ParamValue): boolean {
    const p = this.spec.params.find((q) => q.name === name);
    if (!p) throw new Error(`${this.spec.widgetName}: no parameter named ${name}`);
    const raw = typeof value === 'object' ? formatList(value) : String(value);
    if (!this.accept(p, raw, 'url')) return false;
    this.writeUrl();
    this.scheduleRender();
    return true;
  }

  /** The state as attribute/query strings (for links and embed code). */
  protected stateStrings(): Record<string, string> {
    return Object.fromEntries(this.spec.params.map((p) => [p.name, formatParamValue(this.state[p.name] as ParamValue)]));
  }

  /** Copy link, copy embed code, download CSV (from `csv`) and save PNG (every canvas in the widget). */
  protected actionBar(csv: () => Promise<readonly CsvColumn[]>): HTMLElement {
    return createActionBar(
      {
        element: this,
        name: `mle-${this.spec.widgetName}`,
        state: () => this.stateStrings(),
        csv,
        canvases: () => [...this.root.querySelectorAll('canvas')],
      },
      this.uiLang,
      (message) => this.say(message),
    );
  }

  /** Announces a short message politely (screen readers) right away. */
  protected say(message: string): void {
    this.liveRegion.textContent = message;
  }

  /** After the reader cancels a long job: says in `status` and aloud that the previous result stays. */
  protected reportCancelled(status: HTMLElement): void {
    const message = CANCELLED_KEEPING_RESULT[this.uiLang];
    status.textContent = message;
    this.say(message);
  }

  /** Validates and applies one raw value; on failure records the problem and keeps the last good value. */
  private accept(p: ParamSpec, raw: string, source: 'attribute' | 'url' | 'control'): boolean {
    const parsed = parseParam(p, raw);
    const control = this.controls.get(p.name);
    if (!parsed.ok) {
      this.problems.set(p.name, parsed.message);
      control?.setInvalid(true);
      if (source === 'control') control?.set(this.state[p.name] as ParamValue);
      this.showProblems();
      return false;
    }
    this.problems.delete(p.name);
    control?.setInvalid(false);
    this.state[p.name] = parsed.value;
    // Also after the reader's own change: the slider's aria-valuetext and the box's text follow it.
    control?.set(parsed.value);
    this.showProblems();
    return true;
  }

  private urlKey(name: string): string {
    return `${this.getAttribute('url-prefix') ?? ''}${name}`;
  }

  private readUrl(): void {
    const query = new URLSearchParams(location.search);
    for (const p of this.spec.params) {
      const raw = query.get(this.urlKey(p.name));
      if (raw !== null) this.accept(p, raw, 'url');
    }
  }

  /** With `url-state`, mirrors the state into the page URL so a link reproduces what the reader sees. */
  protected writeUrl(): void {
    if (!this.hasAttribute('url-state')) return;
    const url = new URL(location.href);
    for (const p of this.spec.params) url.searchParams.set(this.urlKey(p.name), formatParamValue(this.state[p.name] as ParamValue));
    history.replaceState(history.state, '', url);
  }

  /** The shared styles and this widget's reserved height. */
  private shellStyle(): HTMLStyleElement {
    const style = document.createElement('style');
    style.textContent = `${baseCss}\n${hostReserveCss(`mle-${this.spec.widgetName}`)}`;
    return style;
  }

  private buildShell(): void {
    this.errorLine = document.createElement('p');
    this.errorLine.className = 'error';
    this.errorLine.setAttribute('role', 'alert');
    this.liveRegion = document.createElement('div');
    this.liveRegion.className = 'sr-only';
    this.liveRegion.setAttribute('aria-live', 'polite');
    const body = document.createElement('div');
    body.className = 'body';
    this.root.append(this.errorLine, body, this.liveRegion);
    this.build(body);
    this.showProblems();
  }

  private showProblems(extra?: string, detail?: string): void {
    const messages = [...this.problems.values()].map((m) => m[this.uiLang]);
    if (extra) messages.push(extra);
    if (this.errorLine) this.errorLine.textContent = messages.join(' ');
    if (messages.length > 0) this.dataset['error'] = detail ? `${messages.join(' ')} [${detail}]` : messages.join(' ');
    else delete this.dataset['error'];
  }

  /** Coalesces changes made in one task into one render; a newer render makes older ones stale. */
  protected scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    // A turn on the page's render queue (a task, not requestAnimationFrame: rAF never fires in a hidden
    // tab, where a widget not yet placed still renders and becomes ready), so the widgets of a page start
    // their renders in tasks of their own, interleaved with their draws; a widget far from the viewport
    // gets its turn when the reader comes near it.
    void renderTurn(this).then(() => {
      this.renderQueued = false;
      void this.runRender();
    });
  }

  private async runRender(): Promise<void> {
    const token = ++this.renderToken;
    const isStale = () => token !== this.renderToken;
    try {
      await this.render({ isStale });
      if (isStale()) return;
      // Ready means the result is shown: the charts' queued draws must have run.
      await widgetDrawsSettled(this);
      if (isStale()) return;
      this.showProblems();
      this.dataset['ready'] = 'true';
      this.dispatchEvent(new CustomEvent('mle-render', { bubbles: true, composed: true }));
      this.announceSoon();
    } catch (error) {
      if (isStale()) return;
      const message = error instanceof Error ? error.message : String(error);
      // A widget throws sentences for the reader, in their language. A message that starts with a
      // function's name ("kdeGrid: x has zero variance…", STYLE.md's form for the math library's errors)
      // is a developer's, in English: the reader is told in their language what happened instead, and
      // the developer's words stay in data-error for whoever debugs the page.
      if (DEVELOPER_MESSAGE.test(message)) this.showProblems(RENDER_FAILED[this.uiLang], message);
      else this.showProblems(message);
    }
  }

  private announceSoon(): void {
    clearTimeout(this.announceTimer);
    // Only after the reader pauses: not on every slider tick.
    this.announceTimer = setTimeout(() => {
      this.liveRegion.textContent = this.announcement();
    }, 700);
  }
}

/** A message that opens with a camelCase function name and a colon: written for developers. */
const DEVELOPER_MESSAGE = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*: /;

/** Registers a widget class under `mle-<widgetName>` unless that name is already taken. */
export function defineWidget(widget: typeof MleWidget & (new () => MleWidget)): void {
  const tag = `mle-${widget.widgetName}`;
  if (!customElements.get(tag)) customElements.define(tag, widget);
}
