// @mle-lab/widgets — framework-free custom elements. Import and call `defineAll()`, or load the embed script.
import { defineWidget } from './shared/base-widget.ts';
import { DataExplorer } from './widgets/data-explorer.ts';

export { MleWidget, defineWidget, type RenderContext } from './shared/base-widget.ts';
export { DataExplorer };

/** Every widget class, by element name. */
export const widgets = {
  'mle-data-explorer': DataExplorer,
} as const;

/** Defines every `<mle-…>` element that is not defined yet. */
export function defineAll(): void {
  for (const widget of Object.values(widgets)) defineWidget(widget);
}
