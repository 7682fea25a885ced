// The embed bundle: `<script type="module" src=".../embed/widgets.js">` makes every `<mle-…>` element
// work; each widget's code loads when its element first appears. Also exports the shared worker client.
import { defineOnUse } from './lazy.ts';

export { defineOnUse, widgetLoaders } from './lazy.ts';
export { sharedClient } from './shared/client.ts';

defineOnUse();
