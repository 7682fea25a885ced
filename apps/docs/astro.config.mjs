// @ts-check
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { placeholderReserveCss } from '@mle-lab/widgets/reserve.js';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { siteUrl } from './site-url.mjs';

// Astro 7's default Markdown engine ignores remark/rehype plugins: KaTeX runs through the unified
// processor, at build time, so no math is rendered in the browser.
const markdownProcessor = unified({
  remarkPlugins: [remarkMath],
  rehypePlugins: [[rehypeKatex, { strict: 'error', throwOnError: true, output: 'htmlAndMathml' }]],
});

export default defineConfig({
  // Where the site is deployed (SITE_URL, see site-url.mjs): canonical links, hreflang and the sitemap.
  site: siteUrl(process.env),
  trailingSlash: 'always',
  telemetry: false,
  markdown: { processor: markdownProcessor },
  vite: {
    build: {
      // KaTeX_Size3 (3.6 KB) is inlined into the CSS by Vite's 4 KB default, the four fonts nearly every
      // formula uses are preloaded (src/components/Head.astro), and KaTeX_Size4 (4.9 KB) was left to load
      // when first used: the tall brackets of /gradient-descent/ (ten of them) were laid out in a fallback
      // font and reflowed when it came, a layout shift of 0.063 on a loaded machine. Inlined, it is there
      // with the stylesheet. Everything else keeps Vite's default (undefined).
      assetsInlineLimit: (file) => (file.endsWith('KaTeX_Size4-Regular.woff2') ? true : undefined),
    },
  },
  integrations: [
    starlight({
      title: { 'zh-CN': 'MLE 实验室', en: 'MLE Lab' },
      description: 'Learn maximum likelihood estimation by running it.',
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      components: { Head: './src/components/Head.astro' },
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      head: [
        { tag: 'script', attrs: { type: 'module', src: '/embed/widgets.js' } },
        // Widgets hold their height from the first frame, before their code loads: no layout shift.
        { tag: 'style', attrs: { 'data-mle-reserve': '' }, content: placeholderReserveCss() },
      ],
      sidebar: [
        {
          label: 'Course',
          translations: { 'zh-CN': '课程' },
          items: [
            { slug: 'data' },
            { slug: 'closed-form-mle' },
            { slug: 'coin-to-counts' },
            { slug: 'density' },
            { slug: 'gradient-descent' },
            { slug: 'beyond-normal' },
            { slug: 'how-sure' },
            { slug: 'beyond-mle' },
            { slug: 'normal-pdf' },
            { slug: 'cross-entropy' },
          ],
        },
        {
          label: 'Tools',
          translations: { 'zh-CN': '工具' },
          items: [{ slug: 'fit-your-data' }],
        },
        {
          label: 'Reference',
          translations: { 'zh-CN': '参考' },
          items: [{ slug: 'embed' }, { slug: 'core' }, { slug: 'performance' }],
        },
      ],
      lastUpdated: false,
      pagination: true,
    }),
  ],
});
