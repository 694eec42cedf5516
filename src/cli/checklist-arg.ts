// A CHECKLIST argument (an id or a path) to a checked checklist, or one clear line saying why not.
import { ChecklistLibrary, type LoadedChecklist } from '../load/library.js';
import { t } from '../i18n/lang.js';
import { UsageError, type CommandIo } from './io.js';

export async function checklistArg(io: CommandIo, reference: string, dirs: readonly string[]): Promise<LoadedChecklist> {
  const library = new ChecklistLibrary({ dirs, cwd: io.cwd });
  const lookup = await library.byReference(reference, io.cwd);
  if (lookup.found) return lookup.found;
  throw new UsageError(
    t(
      io.lang,
      `找不到有效的清单 “${reference}”(已查找:${lookup.searched.join('、')});运行 svc-audit list 查看可用清单,或 svc-audit validate 检查文件`,
      `no valid checklist "${reference}" (looked in: ${lookup.searched.join(', ')}); run \`svc-audit list\` to see the checklists, or \`svc-audit validate\` on the file`,
    ),
  );
}
