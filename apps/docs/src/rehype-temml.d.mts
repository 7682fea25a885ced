import type { Root } from 'hast';

/** Types of rehype-temml.mjs: a rehype plugin rendering remark-math's math nodes with Temml (MathML only). */
export default function rehypeTemml(): (tree: Root, file: { path?: string }) => void;
