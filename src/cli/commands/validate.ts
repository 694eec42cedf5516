import { expandPaths } from '../../load/discover.js';
import { ChecklistLibrary } from '../../load/library.js';
import { loadFiles } from '../../load/load-file.js';
import { byPosition, type Finding } from '../../findings.js';
import { renderFindings, renderFindingsSummary, type FindingFormat } from '../../format/findings.js';
import { EXIT, UsageError, type CommandIo } from '../io.js';
import { t } from '../../i18n/lang.js';

export async function validateCommand(
  io: CommandIo,
  paths: readonly string[],
  options: { format: FindingFormat; checklists: readonly string[] },
): Promise<number> {
  const files = await expandPaths(paths);
  if (files.length === 0) throw new UsageError(t(io.lang, `在 ${paths.join('、')} 中没有找到 YAML 文件`, `no YAML files found in ${paths.join(', ')}`));
  const library = new ChecklistLibrary({ dirs: options.checklists, inputs: files, cwd: io.cwd });
  const findings: Finding[] = [];
  for await (const result of loadFiles(files, library)) findings.push(...result.findings.toSorted(byPosition));
  const summary = { files: files.length, findings };
  io.stdout(renderFindings(summary, options.format, io.lang));
  if (options.format === 'text') io.stdout(renderFindingsSummary(summary, io.lang, io.colour));
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
