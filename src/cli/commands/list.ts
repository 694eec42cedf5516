import path from 'node:path';
import { itemsOf } from '../../core/checklist-model.js';
import { plainText } from '../../format/safe-text.js';
import { localize, t } from '../../i18n/lang.js';
import { ChecklistLibrary } from '../../load/library.js';
import { EXIT, type CommandIo } from '../io.js';

// Titles and file names come from checklist files and folders: one line, no control characters.
const shown = (text: string): string => plainText(text).replaceAll('\n', ' ');

export async function listCommand(io: CommandIo, options: { checklists: readonly string[] }): Promise<number> {
  const all = await new ChecklistLibrary({ dirs: options.checklists, cwd: io.cwd }).all();
  // The same file can be reached twice (./checklists is the built-in folder inside this repository).
  const unique = all.filter((loaded, index) => all.findIndex((other) => other.file === loaded.file) === index);
  if (unique.length === 0) {
    io.stderr(t(io.lang, '没有找到清单\n', 'no checklists found\n'));
    return EXIT.ok;
  }
  for (const { file, checklist } of unique) {
    const items = [...itemsOf(checklist)].length;
    io.stdout(
      `${io.colour.bold(checklist.id)} ${checklist.version}  ${shown(localize(checklist.title, io.lang))}  ${io.colour.dim(
        t(io.lang, `${checklist.sections.length} 个部分,${items} 个题目`, `${checklist.sections.length} sections, ${items} items`),
      )}\n  ${io.colour.dim(shown(path.relative(io.cwd, file) || file))}\n`,
    );
  }
  return EXIT.ok;
}
