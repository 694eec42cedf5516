// ECharts ships its one-file build without declarations of its own; it is the API of the package's
// entry point, which charts-svg.ts imports it in place of.
declare module 'echarts/dist/echarts.esm.min' {
  export * from 'echarts';
}
