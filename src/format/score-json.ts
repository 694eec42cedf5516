// `score --format json`: the SPEC §5 shape as it is, numbers unrounded, for scripts and CI.
import type { ScoreReport } from '../core/score-types.js';

export function renderScoreJson(report: ScoreReport): string {
  const { audits, summaries, errors } = report;
  return `${JSON.stringify({ audits, summaries, errors }, null, 2)}\n`;
}
