// `svc-audit score`: every audit among the paths scored and summarised per checklist, in the format asked for.
import { scoreAudit } from '../../core/score.js';
import type { AuditResult, ScoreError } from '../../core/score-types.js';
import { summarize } from '../../core/summarize.js';
import type { Finding } from '../../findings.js';
import { renderMarkdown } from '../../format/document-markdown.js';
import { renderTerminal } from '../../format/document-terminal.js';
import { renderFindings } from '../../format/findings.js';
import { renderScoreCsv } from '../../format/score-csv.js';
import { renderScoreJson } from '../../format/score-json.js';
import { formatScore } from '../../format/document.js';
import { scoreDocument, type ScoredRun } from '../../format/score-views.js';
import { t, type Lang } from '../../i18n/lang.js';
import { describeFinding } from '../../i18n/messages.js';
import { EXIT, type CommandIo } from '../io.js';
import { loadAudits, openInputs } from '../load-audits.js';

export type ScoreFormat = 'table' | 'json' | 'csv' | 'markdown';

export interface ScoreOptions {
  readonly format: ScoreFormat;
  readonly failUnder?: number;
  readonly checklists: readonly string[];
}

function scoreError(finding: Finding, lang: Lang): ScoreError {
  const { file, line, column } = finding;
  return { file, line, column, message: describeFinding(finding, lang) };
}

function render(io: CommandIo, format: ScoreFormat, run: ScoredRun, findings: readonly Finding[]): string {
  switch (format) {
    case 'json':
      return renderScoreJson({ audits: run.audits, summaries: run.summaries, errors: findings.map((f) => scoreError(f, io.lang)) });
    case 'csv':
      return renderScoreCsv(run.audits);
    case 'markdown':
      return renderMarkdown(scoreDocument(run, io.lang));
    case 'table':
      return renderTerminal(scoreDocument(run, io.lang), io.colour);
  }
}

function underThresholdMessage(io: CommandIo, audit: AuditResult, threshold: number): string {
  return t(
    io.lang,
    `${audit.file}: 总分 ${formatScore(audit.score)} 低于 --fail-under ${threshold}\n`,
    `${audit.file}: overall score ${formatScore(audit.score)} is under --fail-under ${threshold}\n`,
  );
}

export async function scoreCommand(io: CommandIo, paths: readonly string[], options: ScoreOptions): Promise<number> {
  const inputs = await openInputs(io, paths, options.checklists);
  const { audits, checklists, findings } = await loadAudits(inputs, ({ file, audit, checklist }) =>
    scoreAudit({ file, audit, checklist: checklist.checklist }),
  );
  const run: ScoredRun = { audits, summaries: summarize(audits, checklists), checklists };
  io.stdout(render(io, options.format, run, findings));
  // JSON carries the errors itself; every other format leaves stdout to the scores.
  if (options.format !== 'json') io.stderr(renderFindings({ files: inputs.files.length, findings }, 'text', io.lang));
  const { failUnder } = options;
  const underThreshold =
    failUnder === undefined
      ? []
      : audits.filter((audit) => audit.score < failUnder).map((audit) => underThresholdMessage(io, audit, failUnder));
  io.stderr(underThreshold.join(''));
  return findings.length > 0 || underThreshold.length > 0 ? EXIT.findings : EXIT.ok;
}
