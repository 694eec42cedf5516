// `score --format json`: the SPEC §5 shape as it is, numbers unrounded, for scripts and CI.
// Written in pieces, so that thousands of audits stream out as they are scored; the pieces join into
// exactly what JSON.stringify(report, null, 2) gives for the whole report.
import type { AuditResult, ScoreReport } from '../core/score-types.js';

/**
 * JSON.stringify(value, null, 2) for a value nested `depth` levels in, made by one stringify of the
 * value inside `depth` arrays whose brackets are then cut off: no second pass over the text to indent
 * it. The cut is `[\n`, `  [\n`, … and the value's indentation before it; `\n  ]`, …, `\n]` after.
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(depth * depth + 3 * depth, text.length - (depth * depth + depth));
}

/** The report's start, up to the first audit. */
export function scoreJsonStart(): string {
  return '{\n  "audits": [';
}

/** One audit of the `audits` array; `index` is its place there. */
export function scoreJsonAudit(audit: AuditResult, index: number): string {
  return `${index === 0 ? '' : ','}\n    ${nested(audit, 2)}`;
}

/** The rest of the report, after `audits` audits. */
export function scoreJsonEnd({ summaries, errors }: Omit<ScoreReport, 'audits'>, audits: number): string {
  return `${audits === 0 ? '' : '\n  '}],\n  "summaries": ${nested(summaries, 1)},\n  "errors": ${nested(errors, 1)}\n}\n`;
}

export function renderScoreJson(report: ScoreReport): string {
  const audits = report.audits.map(scoreJsonAudit).join('');
  return `${scoreJsonStart()}${audits}${scoreJsonEnd(report, report.audits.length)}`;
}
