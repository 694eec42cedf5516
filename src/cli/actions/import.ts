// `svc-audit import`: a survey or spreadsheet export made into audit files as a map says (SPEC §7), or,
// with --init, a starting map matched from the export's headers for the user to edit.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { readTextSync } from '../../fs/read-file.js';
import { renderCellFindings } from '../../format/cell-findings.js';
import { renderFindings } from '../../format/findings.js';
import { checkParsed } from '../../load/checked-source.js';
import { libraryFor, requireChecklist, type ChecklistLibrary } from '../../load/library.js';
import { checkMapSource, type CheckedMap } from '../../load/map-check.js';
import type { Finding } from '../../shared/findings.js';
import type { CommandIo } from '../../shared/io.js';
import { t } from '../../shared/lang.js';
import { UserError } from '../../shared/user-error.js';
import { describeWriteError, FileExistsError } from '../../shared/write-errors.js';
import { importRows, WriteFailure } from '../../survey/import-rows.js';
import { resolveColumns } from '../../survey/map-columns.js';
import { matchHeaders } from '../../survey/match-headers.js';
import { isKnownEncoding, readTable } from '../../survey/read-table.js';
import { startingMapText } from '../../survey/starting-map.js';
import type { Table } from '../../survey/table.js';
import { localDate } from '../../walkthrough/local-time.js';
import type { ImportOptions } from '../commands/import.js';
import { EXIT } from '../io.js';

/** Exports with fewer rows are done before a progress line would be read. */
const PROGRESS_FROM_ROWS = 1000;
const PROGRESS_EVERY = 250;

function fail(io: CommandIo, findings: readonly Finding[]): number {
  io.stderr(renderFindings({ files: 1, findings }, 'text', io.lang));
  return EXIT.findings;
}

async function openTable(io: CommandIo, file: string, options: ImportOptions): Promise<Table | Finding> {
  if (options.encoding !== undefined && !isKnownEncoding(options.encoding)) {
    throw new UserError(
      t(
        io.lang,
        `未知的编码 “${options.encoding}”;可用如 gb18030、gbk、big5、shift_jis、cp949、windows-1252、utf-16le`,
        `unknown encoding "${options.encoding}"; use e.g. gb18030, gbk, big5, shift_jis, cp949, windows-1252, utf-16le`,
      ),
    );
  }
  const read = await readTable(file, { maxFileBytes: io.settings.maxFileBytes, ...(options.encoding !== undefined && { encoding: options.encoding }), ...(options.sheet !== undefined && { sheet: options.sheet }) });
  if ('noSheet' in read) {
    throw new UserError(
      t(io.lang, `${file} 中没有工作表 “${read.noSheet}”;工作表有:${read.sheets.join('、')}`, `${file} has no sheet "${read.noSheet}"; its sheets: ${read.sheets.join(', ')}`),
    );
  }
  return 'table' in read ? read.table : read.finding;
}

async function loadMap(io: CommandIo, file: string, library: ChecklistLibrary): Promise<CheckedMap | Finding[]> {
  const read = readTextSync(file, io.settings.maxFileBytes);
  if ('finding' in read) return [read.finding];
  const checked = await checkParsed<{ findings: Finding[]; map?: CheckedMap }>(file, read.text, (source) => checkMapSource(source, library), (findings) => ({ findings }));
  return checked.map ?? checked.findings;
}

/** `row 2500 of 10000` rewritten in place on a terminal; nothing when stderr is a file or a pipe. */
function progressLine(io: CommandIo, total: number): ((done: number) => void) | undefined {
  if (!process.stderr.isTTY || total < PROGRESS_FROM_ROWS) return undefined;
  return (done) => {
    if (done % PROGRESS_EVERY === 0 || done === total) io.stderr(`\r${t(io.lang, `第 ${done} 行,共 ${total} 行`, `row ${done} of ${total}`)}\u001b[K`);
    if (done === total) io.stderr('\r\u001b[K');
  };
}

/** A path as short as it can be said: from the working folder when inside it, else in full. */
function shownPath(io: CommandIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') ? file : relative;
}

async function importTable(io: CommandIo, file: string, options: ImportOptions & { map: string }): Promise<number> {
  const library = libraryFor(io, options.checklists);
  const map = await loadMap(io, options.map, library);
  if (Array.isArray(map)) return fail(io, map);
  const table = await openTable(io, file, options);
  if (!('rows' in table)) return fail(io, [table]);
  const columns = resolveColumns(map, table.headers);
  if (!columns.resolved) return fail(io, columns.findings);
  const outDir = path.resolve(io.cwd, options.out ?? 'audits');
  const progress = progressLine(io, table.rows.length);
  try {
    await mkdir(outDir, { recursive: true });
    const result = await importRows(table, columns.resolved, library, outDir, progress);
    io.stderr(renderCellFindings(result.findings, table.headers, io.lang));
    io.stderr(renderFindings({ files: 1, findings: result.existing }, 'text', io.lang));
    const notWritten = table.rows.length - result.written.length;
    const where = shownPath(io, outDir);
    io.stdout(
      notWritten === 0
        ? t(io.lang, `已将 ${result.written.length} 份审核记录写入 ${where}\n`, `wrote ${result.written.length} audit${result.written.length === 1 ? '' : 's'} to ${where}\n`)
        : t(
            io.lang,
            `已将 ${result.written.length} 份审核记录写入 ${where};${notWritten} 行未写入(见上文)\n`,
            `wrote ${result.written.length} audit${result.written.length === 1 ? '' : 's'} to ${where}; ${notWritten} row${notWritten === 1 ? '' : 's'} not written (see above)\n`,
          ),
    );
    return notWritten > 0 ? EXIT.findings : EXIT.ok;
  } catch (error) {
    if (error instanceof WriteFailure) throw new UserError(describeWriteError(error.reason, shownPath(io, error.file), io.lang));
    if ((error as NodeJS.ErrnoException).code !== undefined) throw new UserError(describeWriteError(error, shownPath(io, outDir), io.lang));
    throw error;
  }
}

async function writeStartingMap(io: CommandIo, file: string, options: ImportOptions): Promise<number> {
  if (options.checklist === undefined) {
    throw new UserError(t(io.lang, '--init 需要 --checklist(问卷所测的清单,id 或路径)', '--init needs --checklist (the checklist the survey measures, an id or a path)'));
  }
  const library = libraryFor(io, options.checklists);
  const { checklist } = await requireChecklist(library, options.checklist, io.lang);
  const table = await openTable(io, file, options);
  if (!('rows' in table)) return fail(io, [table]);
  const given = options.output ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.map.yaml`);
  const target = path.resolve(io.cwd, given);
  const matches = matchHeaders(table.headers, checklist);
  const text = startingMapText({ tableFile: file, mapFile: given, headers: table.headers, checklist, matches, today: localDate(new Date()) });
  try {
    await writeFileAtomic(target, text, { overwrite: false });
  } catch (error) {
    if (error instanceof FileExistsError) {
      throw new UserError(t(io.lang, `${given} 已存在,不会覆盖;请用 -o 指定其他文件`, `${given} already exists and is never overwritten; choose another file with -o`));
    }
    throw new UserError(describeWriteError(error, given, io.lang));
  }
  const matched = table.headers.length - matches.unmatchedColumns.length;
  io.stdout(
    t(
      io.lang,
      `已写入 ${given}:${table.headers.length} 列中有 ${matched} 列已匹配,${matches.unmatchedItems.length} 个题目未匹配\n请逐行检查,然后运行:svc-audit import ${file} --map ${given}\n`,
      `wrote ${given}: ${matched} of ${table.headers.length} columns matched, ${matches.unmatchedItems.length} items unmatched\ncheck every line, then run: svc-audit import ${file} --map ${given}\n`,
    ),
  );
  return EXIT.ok;
}

export async function importSurvey(io: CommandIo, file: string, options: ImportOptions): Promise<number> {
  if (options.init) return writeStartingMap(io, file, options);
  if (options.map === undefined) {
    throw new UserError(t(io.lang, '需要 --map MAP(说明各列内容的映射文件);可先用 --init --checklist ID 生成一份', 'missing --map MAP (the file saying which column holds what); write a first one with --init --checklist ID'));
  }
  return importTable(io, file, { ...options, map: options.map });
}
