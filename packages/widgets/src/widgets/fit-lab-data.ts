// The fit lab's real data sets: small, public domain, each with its source. Copied from R's datasets
// package (R 4, `Rscript -e 'cat(precip, sep=" ")'`, likewise rivers and discoveries), whose help
// pages give the original publications below.
import type { Text } from '../shared/i18n.ts';

export interface RealDataset {
  /** The preset's value in the widget's `preset` parameter. */
  name: string;
  label: Text;
  /** Where the numbers come from (shown under the data). */
  source: Text;
  /** The values, space-separated (parsed by core's parseData like any pasted text). */
  text: string;
}

export const REAL_DATASETS: readonly RealDataset[] = [
  {
    name: 'precip',
    label: { zh: '美国 70 个城市的年降水量（英寸）', en: 'Annual precipitation of 70 US cities (inches)' },
    source: {
      zh: '来源：Statistical Abstracts of the United States, 1975（R datasets::precip），美国政府出版物，公有领域。',
      en: 'Source: Statistical Abstracts of the United States, 1975 (R datasets::precip), a US government publication in the public domain.',
    },
    text: '67 54.7 7 48.5 14 17.2 20.7 13 43.4 40.2 38.9 54.5 59.8 48.3 22.9 11.5 34.4 35.1 38.7 30.8 30.6 43.1 56.8 40.8 41.8 42.5 31 31.7 30.2 25.9 49.2 37 35.9 15 30.2 7.2 36.2 45.5 7.8 33.4 36.1 40.2 42.7 42.5 16.2 39 35 37 31.4 37.6 39.9 36.2 42.8 46.4 24.7 49.1 46 35.9 7.8 48.2 15.2 32.5 44.7 42.6 38.8 17.4 40.8 29.1 14.6 59.2',
  },
  {
    name: 'rivers',
    label: { zh: '北美 141 条主要河流的长度（英里）', en: 'Lengths of 141 major North American rivers (miles)' },
    source: {
      zh: '来源：World Almanac and Book of Facts, 1975, p. 406；经 McNeil (1977) Interactive Data Analysis（R datasets::rivers）。',
      en: 'Source: World Almanac and Book of Facts, 1975, p. 406, via McNeil (1977), Interactive Data Analysis (R datasets::rivers).',
    },
    text: '735 320 325 392 524 450 1459 135 465 600 330 336 280 315 870 906 202 329 290 1000 600 505 1450 840 1243 890 350 407 286 280 525 720 390 250 327 230 265 850 210 630 260 230 360 730 600 306 390 420 291 710 340 217 281 352 259 250 470 680 570 350 300 560 900 625 332 2348 1171 3710 2315 2533 780 280 410 460 260 255 431 350 760 618 338 981 1306 500 696 605 250 411 1054 735 233 435 490 310 460 383 375 1270 545 445 1885 380 300 380 377 425 276 210 800 420 350 360 538 1100 1205 314 237 610 360 540 1038 424 310 300 444 301 268 620 215 652 900 525 246 360 529 500 720 270 430 671 1770',
  },
  {
    name: 'discoveries',
    label: { zh: '1860–1959 年每年的重大发明与发现数', en: 'Great inventions and discoveries per year, 1860–1959' },
    source: {
      zh: '来源：World Almanac and Book of Facts, 1975, pp. 315–318（R datasets::discoveries）。',
      en: 'Source: World Almanac and Book of Facts, 1975, pp. 315–318 (R datasets::discoveries).',
    },
    text: '5 3 0 2 0 3 2 3 6 1 2 1 2 1 3 3 3 5 2 4 4 0 2 3 7 12 3 10 9 2 3 7 7 2 3 3 6 2 4 3 5 2 2 4 0 4 2 5 2 3 3 6 5 8 3 6 6 0 5 2 2 2 6 3 4 4 2 2 4 7 5 3 3 0 2 2 2 1 3 4 2 2 1 1 1 2 1 4 4 3 2 1 4 1 1 1 0 0 2 0',
  },
];
