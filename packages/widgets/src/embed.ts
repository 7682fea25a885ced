// The embed bundle: `<script type="module" src=".../embed/widgets.js">` defines every MLE Lab element.
// Imported as a package it does the same and also exports the widget classes.
import { defineAll } from './index.ts';

export * from './index.ts';

defineAll();
