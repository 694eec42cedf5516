// `svc-audit report`: the report of the audits among the paths, Markdown or self-contained HTML, on
// stdout or written atomically to -o FILE. Reports of any size stream: the first pass over the files
// keeps tallies and a few numbers per audit for the per-site history (core/report-tally.ts), the head
// is written from those a few rows at a time, then a second pass writes each audit's appendix as it is
// loaded again. Memory grows by those few numbers an audit, never by the size of the report.
import path from 'node:path';
import { emptyReportTally, inScope, reportFacts, tallyForReport } from '../../core/report-tally.js';
import type { Finding } from '../../shared/findings.js';
import { renderFindings } from '../../format/findings.js';
import { describeFinding } from '../../format/finding-messages.js';
import { markdownPage } from '../../format/document-markdown.js';
import type { Page } from '../../format/document.js';
import { appendix, reportHead, reportTitleOf, singleAuditReport, type LeftOut, type ReportedAudit, type ReportOptions as Contents } from '../../format/report.js';
import type { ReportFormat } from '../../format/registry.js';
import type { ReportOptions } from '../commands/report.js';
import { viewsIn } from '../../format/score-views.js';
import { toAnswer } from '../../model/responses.js';
import { looksLikePhoto, readPhoto, type Photo } from '../../fs/read-photo.js';
import { openFileAtomic } from '../../fs/atomic-write.js';
import { checkOutputPath } from '../../fs/output-path.js';
import { describeWriteError } from '../../shared/write-errors.js';
import type { LoadedAudit } from '../../load/loaded.js';
import { t, type Lang } from '../../shared/lang.js';
import { EXIT } from '../io.js';
import { UserError } from '../../shared/user-error.js';
import type { CommandIo } from '../../shared/io.js';
import { Utf8Chunks } from '../../shared/utf8-chunks.js';
import { forEachAudit, openInputs, scoreLoaded } from '../load-audits.js';


/** The first finding of each file that is not valid, in file order: what the report names it by. */
function leftOutOf(findings: readonly Finding[], lang: Lang): LeftOut[] {
  const first = new Map<string, Finding>();
  for (const finding of findings) if (!first.has(finding.file)) first.set(finding.file, finding);
  return [...first.values()].map((finding) => ({ file: finding.file, line: finding.line, column: finding.column, message: describeFinding(finding, lang) }));
}

/** The photos an audit names as evidence, read from beside the audit file, for the HTML report to embed. */
async function photosOf(io: CommandIo, { file, audit }: LoadedAudit): Promise<ReadonlyMap<string, Photo>> {
  const photos = new Map<string, Photo>();
  const folder = path.dirname(path.resolve(io.cwd, file));
  for (const response of Object.values(audit.responses)) {
    for (const reference of toAnswer(response).evidence ?? []) {
      if (looksLikePhoto(reference) && !photos.has(reference)) photos.set(reference, await readPhoto(path.resolve(folder, reference)));
    }
  }
  return photos;
}

/** Where the report goes: stdout as it is made, or a file that appears whole when it is done. */
interface Output {
  write(text: string | Uint8Array): Promise<void>;
  done(): Promise<void>;
  abort(): Promise<void>;
}

function cannotWrite(io: CommandIo, out: string, error: unknown): UserError {
  return new UserError(describeWriteError(error, out, io.lang));
}

async function openOutput(io: CommandIo, out: string | undefined): Promise<Output> {
  if (out === undefined) {
    return {
      write: async (text) => {
        io.stdout(text);
        await io.stdoutReady();
      },
      done: async () => undefined,
      abort: async () => undefined,
    };
  }
  // The user named this file, so replacing it is what they asked for; atomically, so a crash never leaves half a report.
  const file = await openFileAtomic(path.resolve(io.cwd, out), { overwrite: true }).catch((error: unknown) => {
    throw cannotWrite(io, out, error);
  });
  const guarded = (action: () => Promise<void>) => action().catch((error: unknown) => Promise.reject(cannotWrite(io, out, error)));
  return { write: (text) => guarded(() => file.write(text)), done: () => guarded(() => file.commit()), abort: () => file.abort() };
}

/** Writes a piece's text as it is made, in chunks of bytes (a write for each block or run of rows would cost more than rendering them). */
async function writePiece(output: Output, parts: Iterable<string>): Promise<void> {
  const chunks = new Utf8Chunks();
  for (const part of parts) for (const bytes of chunks.add(part)) await output.write(bytes);
  for (const bytes of chunks.rest()) await output.write(bytes);
}

async function pageFor(format: ReportFormat, lang: Lang): Promise<Page> {
  // ECharts, behind the HTML renderer, is large: only an HTML report loads it.
  return format === 'html' ? (await import('../../format/document-html.js')).htmlPage(lang) : markdownPage;
}

export async function report(io: CommandIo, paths: readonly string[], options: ReportOptions): Promise<number> {
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new UserError(t(io.lang, `--since ${options.since} 晚于 --until ${options.until}`, `--since ${options.since} is after --until ${options.until}`));
  }
  const inputs = await openInputs(io, paths, options.checklists);
  if (options.out !== undefined) checkOutputPath(options.out, inputs.files, io);
  const scope = { since: options.since, until: options.until, includeDrafts: options.includeDrafts };
  const tally = emptyReportTally(scope);
  let count = 0;
  // A report of one audit shows it in detail: the one audit is kept until a second one turns up.
  let only: LoadedAudit | undefined;
  const { checklists, findings } = await forEachAudit(inputs, (loaded, position) => {
    const result = scoreLoaded(loaded);
    tallyForReport(tally, result, loaded.checklist.checklist, position);
    if (!inScope(scope, result.date)) return;
    count += 1;
    only = count === 1 ? loaded : undefined;
  });
  io.stderr(renderFindings({ files: inputs.files.length, findings }, 'text', io.lang));
  if (count === 0) {
    if (findings.length > 0) return EXIT.findings;
    throw new UserError(t(io.lang, `${paths.join('、')} 中没有审核记录`, `no audits among ${paths.join(', ')}`));
  }
  const views = viewsIn(checklists, io.lang);
  const contents: Contents = { title: options.title, leftOut: leftOutOf(findings, io.lang), appendices: options.appendix };
  const page = await pageFor(options.format, io.lang);
  const reported = async (loaded: LoadedAudit): Promise<ReportedAudit> => ({
    result: scoreLoaded(loaded),
    audit: loaded.audit,
    ...(options.format === 'html' && { photos: await photosOf(io, loaded) }),
  });
  const output = await openOutput(io, options.out);
  try {
    if (only) {
      const single = await reported(only);
      await output.write(page.start(contents.title ?? `${reportTitleOf(views, contents)}: ${single.result.site}`));
      await writePiece(output, page.piece(singleAuditReport(views, single, contents), 0));
    } else {
      await output.write(page.start(reportTitleOf(views, contents)));
      const facts = reportFacts(tally, checklists, (position) => inputs.files[position]!);
      await writePiece(output, page.piece(reportHead(views, facts, contents), 0));
      let piece = 1;
      if (options.appendix) {
        // The second pass: each audit loaded again, its appendix written and let go. Files that were
        // invalid the first time were reported then; they are still left out.
        await forEachAudit(inputs, async (loaded) => {
          if (!inScope(scope, loaded.audit.date)) return;
          await writePiece(output, page.piece(appendix(views, await reported(loaded)), piece++));
        });
      }
    }
    await output.write(page.end());
    await output.done();
  } catch (error) {
    await output.abort();
    throw error;
  }
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
