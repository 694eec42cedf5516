// `svc-audit score`: every audit among the paths scored and summarised per checklist, in the format asked for.
// JSON and CSV, the formats for thousands of audits, stream each audit out as it is scored.
import type { AuditResult, ScoreError } from '../../core/score-types.js';
import { summariesOf, tallyAudit, type SummaryTally } from '../../core/summarize.js';
import { emptyScoreTally, tallyScored } from '../../core/score-tally.js';
import type { Finding } from '../../shared/findings.js';
import { renderMarkdown } from '../../format/document-markdown.js';
import { renderFindings } from '../../format/findings.js';
import { scoreCsvAuditLines, scoreCsvHeader } from '../../format/score-csv.js';
import { scoreJsonAudit, scoreJsonEnd, scoreJsonStart } from '../../format/score-json.js';
import { formatScore } from '../../format/document.js';
import { scoreDocument } from '../../format/score-views.js';
import type { ScoreFormat } from '../../format/registry.js';
import type { ScoreOptions } from '../commands/score.js';
import { t, type Lang } from '../../shared/lang.js';
import { plainLine } from '../../shared/plain-text.js';
import { Utf8Chunks } from '../../shared/utf8-chunks.js';
import { counts } from '../../core/report-tally.js';
import { describeFinding } from '../../format/finding-messages.js';
import { EXIT } from '../io.js';
import type { CommandIo } from '../../shared/io.js';
import { forEachAudit, openInputs, scoreLoaded, type Inputs } from '../load-audits.js';

function scoreError(finding: Finding, lang: Lang): ScoreError {
  const { file, line, column } = finding;
  return { file, line, column, message: describeFinding(finding, lang) };
}


/** Prints the scores as they come; `scored` sees each one. Returns the findings of the files that are not valid. */
type Printer = (io: CommandIo, inputs: Inputs, scored: (audit: AuditResult) => void, includeDrafts: boolean) => Promise<Finding[]>;

/** Scores each audit as it loads and prints what `render` makes of it, waiting for a slow reader to catch up. */
async function streamScores(
  io: CommandIo,
  inputs: Inputs,
  scored: (audit: AuditResult) => void,
  render: (audit: AuditResult, index: number) => string,
) {
  let count = 0;
  const chunks = new Utf8Chunks();
  const loaded = await forEachAudit(inputs, async (audit) => {
    const result = scoreLoaded(audit);
    scored(result);
    for (const bytes of chunks.add(render(result, count++))) {
      io.stdout(bytes);
      await io.stdoutReady();
    }
  });
  for (const bytes of chunks.rest()) io.stdout(bytes);
  return { ...loaded, count };
}

const streamJson: Printer = async (io, inputs, scored, includeDrafts) => {
  const tally: SummaryTally = new Map();
  io.stdout(scoreJsonStart());
  const tallied = (audit: AuditResult) => {
    scored(audit);
    if (counts({ includeDrafts }, audit.status)) tallyAudit(tally, audit);
  };
  const { checklists, findings, count } = await streamScores(io, inputs, tallied, scoreJsonAudit);
  const errors = findings.map((finding) => scoreError(finding, io.lang));
  io.stdout(scoreJsonEnd({ summaries: summariesOf(tally, checklists), errors }, count));
  return findings;
};

const streamCsv: Printer = async (io, inputs, scored) => {
  io.stdout(scoreCsvHeader());
  const { findings } = await streamScores(io, inputs, scored, scoreCsvAuditLines);
  return findings;
};

/**
 * Table and Markdown are for reading: they lay out all audits at once, so they are printed at the end,
 * from tallies kept as the audits stream past (a site's standing, a draft's line; never the audits).
 */
const printDocument =
  (format: 'table' | 'markdown'): Printer =>
  async (io, inputs, scored, includeDrafts) => {
    const tally = emptyScoreTally(includeDrafts);
    const { checklists, findings } = await forEachAudit(inputs, (loaded) => {
      const result = scoreLoaded(loaded);
      scored(result);
      tallyScored(tally, result);
    });
    const document = scoreDocument({ tally, checklists }, io.lang);
    // The terminal renderer brings cli-table3, wrap-ansi and string-width: JSON and CSV runs need none of them.
    io.stdout(format === 'markdown' ? renderMarkdown(document) : (await import('../../format/document-terminal.js')).renderTerminal(document, io.colour));
    return findings;
  };

const PRINTERS: Record<ScoreFormat, Printer> = {
  json: streamJson,
  csv: streamCsv,
  table: printDocument('table'),
  markdown: printDocument('markdown'),
};

/** Why an audit fails the `--fail-under` gate, if it does: a score under the threshold, or a critical item that fell short. */
function gateMessage(io: CommandIo, audit: AuditResult, threshold: number): string | undefined {
  // The file name comes from the disk and may carry escape sequences: stderr is a terminal.
  const file = plainLine(audit.file);
  if (audit.score < threshold) {
    return t(
      io.lang,
      `${file}: 总分 ${formatScore(audit.score)} 低于 --fail-under ${threshold}\n`,
      `${file}: overall score ${formatScore(audit.score)} is under --fail-under ${threshold}\n`,
    );
  }
  if (audit.result === 'fail') {
    const items = audit.criticalFailures.map((failure) => failure.item).join(', ');
    return t(io.lang, `${file}: 关键项未达标(${items})\n`, `${file}: fails a critical item (${items})\n`);
  }
  return undefined;
}

export async function score(io: CommandIo, paths: readonly string[], options: ScoreOptions): Promise<number> {
  const inputs = await openInputs(io, paths, options.checklists);
  const { failUnder } = options;
  const gateFailures: string[] = [];
  let scoredCount = 0;
  const findings = await PRINTERS[options.format](
    io,
    inputs,
    (audit) => {
      scoredCount += 1;
      const failure = failUnder === undefined ? undefined : gateMessage(io, audit, failUnder);
      if (failure) gateFailures.push(failure);
    },
    options.includeDrafts,
  );
  // JSON carries the errors itself; every other format leaves stdout to the scores.
  if (options.format !== 'json') io.stderr(renderFindings({ files: inputs.files.length, findings }, 'text', io.lang));
  io.stderr(gateFailures.join(''));
  // A gate that scored nothing passes nothing: a CI job pointed at the wrong folder must not go green.
  const emptyGate = failUnder !== undefined && scoredCount === 0;
  if (emptyGate) io.stderr(t(io.lang, `没有审核记录可与 --fail-under ${failUnder} 比较\n`, `no audit was scored to hold to --fail-under ${failUnder}\n`));
  return findings.length > 0 || gateFailures.length > 0 || emptyGate ? EXIT.findings : EXIT.ok;
}
