// @ts-check
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { placeholderReserveCss } from '@mle-lab/widgets/reserve.js';
import { defineConfig } from 'astro/config';
import remarkMath from 'remark-math';
import { siteUrl } from './site-url.mjs';
import rehypeTemml from './src/rehype-temml.mjs';

// Astro 7's default Markdown engine ignores remark/rehype plugins: Temml runs through the unified
// processor, at build time, so no math is rendered in the browser. It writes MathML only, which the
// browser lays out natively in the bundled math font (src/rehype-temml.mjs, src/styles/math.css).
const markdownProcessor = unified({
  remarkPlugins: [remarkMath],
  rehypePlugins: [rehypeTemml],
});

export default defineConfig({
  // Where the site is deployed (SITE_URL, see site-url.mjs): canonical links, hreflang and the sitemap.
  site: siteUrl(process.env),
  trailingSlash: 'always',
  telemetry: false,
  markdown: { processor: markdownProcessor },
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
      customCss: ['./src/styles/math.css', './src/styles/site.css'],
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
