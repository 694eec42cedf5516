// The output formats of each command, declared once: the CLI offers these names as `--format`
// choices and the renderers take their types from here, so a format is named in one place. Imports
// nothing, so that declaring the commands costs no renderer.
export const FORMATS = {
  score: ['table', 'json', 'csv', 'markdown'],
  report: ['markdown', 'html'],
  validate: ['text', 'json', 'github'],
} as const satisfies Record<string, readonly string[]>;

export type ScoreFormat = (typeof FORMATS.score)[number];
export type ReportFormat = (typeof FORMATS.report)[number];
export type FindingFormat = (typeof FORMATS.validate)[number];
