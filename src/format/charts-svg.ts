// Charts as inline SVG for the HTML report, drawn in Node by ECharts' server-side SVG renderer: no
// browser, no canvas, no script in the output. Titles are the page's to write (a heading or caption). ECharts is large, so only the HTML report imports this
// module (the CLI loads the HTML renderer lazily). Labels are plain text; ECharts escapes them for SVG.
import * as echarts from 'echarts';
import { plainLine } from '../shared/plain-text.js';
import { formatScore, roundToTenth, toneOf, type Chart, type LineChart, type Tone } from './document.js';

/**
 * The fonts of the report's text: Latin first in Arial's metrics (Liberation Sans on Debian), which
 * ECharts assumes when it measures labels without a browser, then Chinese (Noto Sans CJK SC from
 * Debian's fonts-noto-cjk, or the system's own), so that Latin punctuation is not drawn full width.
 */
export const FONT_STACK =
  "Arial, 'Liberation Sans', 'Helvetica Neue', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export const TONE_COLOURS: Readonly<Record<Tone, string>> = { met: '#2f7d32', near: '#d9822b', far: '#c62828' };
const EXPECTED_COLOUR = '#1f2933';
const AXIS_COLOUR = '#52606d';
const WIDTH = 760;
// A category's row: tall enough for a label wrapped onto two lines.
const ROW_HEIGHT = 34;
const LABEL_WIDTH = 200;
// Room beyond the label's measured width: a browser's font may run a little wider than ECharts' estimate.
const LABEL_SLACK = 30;

function render(option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, useUTC: true, textStyle: { fontFamily: FONT_STACK, color: AXIS_COLOUR }, ...option });
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
export function barsSvg(chart: Chart, words: { readonly score: string; readonly expected: string }): string {
  const categories = chart.categories.map(plainLine);
  const height = 70 + ROW_HEIGHT * Math.max(categories.length, 1);
  const numbers = chart.score.map((score, index) => `${formatScore(score)} / ${formatScore(chart.expected[index] ?? 0)}`);
  return render(
    {
      legend: { top: 0, right: 0, data: [words.score, words.expected], textStyle: { fontSize: 12 } },
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
        {
          name: words.score,
          type: 'bar',
          barWidth: 16,
          data: chart.score.map((score, index) => ({
            value: roundToTenth(score),
            itemStyle: { color: TONE_COLOURS[toneOf(score - (chart.expected[index] ?? 0))] },
          })),
          itemStyle: { color: TONE_COLOURS.met },
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
  );
}

// Qualitative colours that stay apart for the common colour-vision deficiencies (Okabe–Ito).
const LINE_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

/** Each series' scores over time (dates on a time axis), with the expectation as a dashed level line. */
export function linesSvg(chart: LineChart, words: { readonly expected: string }): string {
  const legendRows = Math.ceil(chart.series.length / 3);
  return render(
    {
      color: LINE_COLOURS,
      legend: { bottom: 0, left: 0, right: 0, type: 'plain', textStyle: { fontSize: 12 }, data: chart.series.map(({ name }) => plainLine(name)) },
      grid: { left: 50, right: 30, top: 24, bottom: 40 + 22 * legendRows },
      xAxis: { type: 'time', axisLabel: { fontSize: 11, hideOverlap: true, formatter: '{yyyy}-{MM}-{dd}' }, splitLine: { show: false } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { fontSize: 11 }, splitLine: { lineStyle: { color: '#e4e7eb' } } },
      series: chart.series.map((series, index) => ({
        name: plainLine(series.name),
        type: 'line',
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2 },
        data: series.points.map(({ date, score }) => [`${date}T00:00:00Z`, roundToTenth(score)]),
        ...(index === 0 &&
          chart.expected !== undefined && {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: EXPECTED_COLOUR, type: 'dashed' },
              label: { formatter: `${words.expected} ${formatScore(chart.expected)}`, position: 'insideEndTop', color: EXPECTED_COLOUR },
              data: [{ yAxis: roundToTenth(chart.expected) }],
            },
          }),
      })),
    },
    300 + 22 * legendRows,
  );
}
