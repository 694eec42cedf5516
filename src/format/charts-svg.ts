// Charts as inline SVG for the HTML report, drawn in Node by ECharts' server-side SVG renderer: no
// browser, no canvas, no script in the output. Titles are the page's to write (a heading or caption). ECharts is large, so only the HTML report imports this
// module (the CLI loads the HTML renderer lazily). Labels are plain text; ECharts escapes them for SVG.
// The package's one-file build, not its entry point: that loads ECharts as some 700 modules, which
// took 370 ms and 23 MB of heap to import, against 56 ms and 9 MB for the same code bundled.
import * as echarts from 'echarts/dist/echarts.esm.min';
import type { Lang } from '../shared/lang.js';
import { plainLine } from '../shared/plain-text.js';
import { formatScore, roundToTenth, toneOf, type Chart, type LineChart, type QuadrantChart, type Tone } from './document.js';

// Latin in Arial's metrics (Liberation Sans on Debian), which ECharts assumes when it measures labels
// without a browser; Chinese in Noto Sans CJK SC (Debian's fonts-noto-cjk) or the system's own.
const LATIN = "Arial, 'Liberation Sans', 'Helvetica Neue'";
const CJK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei'";

/**
 * The fonts of the report's text. English puts Latin first, so that its punctuation (’ “ ”) is not
 * drawn full width by a CJK font; Chinese puts CJK first, so that mixed text reads as Chinese.
 */
export function fontsFor(lang: Lang): string {
  return lang === 'zh-CN' ? `${CJK}, ${LATIN}, sans-serif` : `${LATIN}, ${CJK}, sans-serif`;
}

/** The words a chart's legend needs, and the fonts to draw it in. */
export interface ChartLabels {
  readonly score: string;
  readonly expected: string;
  readonly adequate: string;
  readonly importance: string;
  readonly performance: string;
  readonly fonts: string;
}

export const TONE_COLOURS: Readonly<Record<Tone, string>> = { met: '#2f7d32', near: '#d9822b', far: '#c62828' };
const EXPECTED_COLOUR = '#1f2933';
const ZONE_COLOUR = '#d9e2ec';
const AXIS_COLOUR = '#52606d';
const WIDTH = 760;
// A category's row: tall enough for a label wrapped onto two lines.
const ROW_HEIGHT = 34;
const LABEL_WIDTH = 200;
// Room beyond the label's measured width: a browser's font may run a little wider than ECharts' estimate.
const LABEL_SLACK = 30;

function render(option: echarts.EChartsCoreOption, height: number, fonts: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, useUTC: true, textStyle: { fontFamily: fonts, color: AXIS_COLOUR }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Score against expectation per category as horizontal bars, one row a category: labels sit on their
 * own row (wrapped when long), so they never overlap however many there are. The numbers are written
 * in a column of their own on the right, never on the bars, where the expectation mark could hide them.
 */
export function barsSvg(chart: Chart, words: ChartLabels): string {
  const categories = chart.categories.map(plainLine);
  const height = 70 + ROW_HEIGHT * Math.max(categories.length, 1);
  const numbers = chart.score.map((score, index) => `${formatScore(score)} / ${formatScore(chart.expected[index] ?? 0)}`);
  return render(
    {
      legend: { top: 0, right: 0, data: [words.score, words.expected, ...(chart.adequate ? [words.adequate] : [])], textStyle: { fontSize: 12 } },
      grid: { left: LABEL_WIDTH + LABEL_SLACK, right: 110, top: 40, bottom: 28 },
      xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { fontSize: 11 }, splitLine: { lineStyle: { color: '#e4e7eb' } } },
      yAxis: [
        {
          type: 'category',
          inverse: true,
          data: categories,
          axisTick: { show: false },
          axisLabel: { interval: 0, width: LABEL_WIDTH, overflow: 'break', lineHeight: 14, fontSize: 12, color: EXPECTED_COLOUR },
        },
        {
          type: 'category',
          inverse: true,
          position: 'right',
          data: numbers,
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: { interval: 0, fontSize: 12, color: EXPECTED_COLOUR },
        },
      ],
      series: [
        // The zone of tolerance: a pale band from the adequate level to the expectation, behind the bar.
        ...(chart.adequate
          ? [
              { type: 'bar', stack: 'zone', barWidth: 26, barGap: '-100%', silent: true, itemStyle: { color: 'transparent' }, data: chart.adequate.map(roundToTenth), z: 1 },
              {
                name: words.adequate,
                type: 'bar',
                stack: 'zone',
                barWidth: 26,
                barGap: '-100%',
                silent: true,
                itemStyle: { color: ZONE_COLOUR },
                data: chart.adequate.map((adequate, index) => roundToTenth(Math.max(0, (chart.expected[index] ?? adequate) - adequate))),
                z: 1,
              },
            ]
          : []),
        {
          name: words.score,
          type: 'bar',
          barWidth: 16,
          barGap: '-100%',
          data: chart.score.map((score, index) => ({
            value: roundToTenth(score),
            itemStyle: { color: TONE_COLOURS[toneOf(score - (chart.expected[index] ?? 0))] },
          })),
          // The legend's swatch: neutral, since each bar takes the colour of its own gap.
          itemStyle: { color: '#7b8794' },
        },
        {
          name: words.expected,
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [4, 26],
          itemStyle: { color: EXPECTED_COLOUR },
          data: chart.expected.map(roundToTenth),
          z: 3,
        },
      ],
    },
    height,
    words.fonts,
  );
}

// Qualitative colours that stay apart for the common colour-vision deficiencies (Okabe–Ito, with
// olive and wine for its yellow and black: yellow is faint on white, black is the expectation's).
const LINE_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#999933', '#882255'];

/**
 * Each series' scores over time (dates on a time axis). The expectation is a dashed line of its own
 * with its value in the legend, not a label on the plot, where it could sit on a visit's point.
 */
export function linesSvg(chart: LineChart, words: ChartLabels): string {
  const dates = chart.series.flatMap(({ points }) => points.map(({ date }) => date)).sort();
  const expected =
    chart.expected === undefined
      ? []
      : [
          {
            name: `${words.expected} ${formatScore(chart.expected)}`,
            type: 'line',
            symbol: 'none',
            silent: true,
            color: EXPECTED_COLOUR,
            lineStyle: { color: EXPECTED_COLOUR, type: 'dashed', width: 1.5 },
            data: [dates[0], dates.at(-1)].map((date) => [`${date}T00:00:00Z`, roundToTenth(chart.expected!)]),
          },
        ];
  const series = [
    ...chart.series.map((each) => ({
      name: plainLine(each.name),
      type: 'line',
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { width: 2 },
      data: each.points.map(({ date, score }) => [`${date}T00:00:00Z`, roundToTenth(score)]),
    })),
    ...expected,
  ];
  const legendRows = Math.ceil(series.length / 3);
  return render(
    {
      color: LINE_COLOURS,
      legend: { bottom: 0, left: 0, right: 0, type: 'plain', textStyle: { fontSize: 12 }, data: series.map(({ name }) => name) },
      grid: { left: 50, right: 30, top: 24, bottom: 40 + 22 * legendRows },
      xAxis: { type: 'time', axisLabel: { fontSize: 11, hideOverlap: true, formatter: '{yyyy}-{MM}-{dd}' }, splitLine: { show: false } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { fontSize: 11 }, splitLine: { lineStyle: { color: '#e4e7eb' } } },
      series,
    },
    300 + 22 * legendRows,
    words.fonts,
  );
}

/**
 * The importance–performance grid: each factor a labelled point, importance across and performance
 * up, the cross-hairs at the means, each quadrant named in its corner (SPEC §4).
 */
export function quadrantsSvg(chart: QuadrantChart, words: ChartLabels): string {
  const height = 420;
  // Inside the plot's corners (grid: left 60, right 30, top 20, bottom 50), aligned to their edge.
  const corner = (text: string, x: 'left' | 'right', y: 'top' | 'bottom') => ({
    type: 'text',
    x: x === 'left' ? 66 : WIDTH - 36,
    y: y === 'top' ? 26 : height - 66,
    style: { text: plainLine(text), align: x, fill: AXIS_COLOUR, fontSize: 12, fontWeight: 600, fontFamily: words.fonts },
  });
  const axis = (name: string) => ({
    type: 'value',
    min: 0,
    max: 100,
    interval: 20,
    name: plainLine(name),
    nameLocation: 'middle',
    nameGap: 30,
    axisLabel: { fontSize: 11 },
    splitLine: { lineStyle: { color: '#e4e7eb' } },
  });
  return render(
    {
      grid: { left: 60, right: 30, top: 20, bottom: 50 },
      xAxis: axis(words.importance),
      yAxis: axis(words.performance),
      graphic: [
        corner(chart.quadrants.overkill, 'left', 'top'),
        corner(chart.quadrants['keep-up'], 'right', 'top'),
        corner(chart.quadrants['low-priority'], 'left', 'bottom'),
        corner(chart.quadrants.concentrate, 'right', 'bottom'),
      ],
      series: [
        {
          type: 'scatter',
          symbolSize: 10,
          itemStyle: { color: '#0072b2' },
          label: { show: true, position: 'right', fontSize: 11, color: EXPECTED_COLOUR, formatter: '{b}' },
          labelLayout: { hideOverlap: true },
          data: chart.points.map((point) => ({ name: plainLine(point.name), value: [roundToTenth(point.importance), roundToTenth(point.performance)] })),
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: EXPECTED_COLOUR, type: 'dashed', width: 1 },
            data: [{ xAxis: roundToTenth(chart.importanceCut) }, { yAxis: roundToTenth(chart.performanceCut) }],
          },
        },
      ],
    },
    height,
    words.fonts,
  );
}
