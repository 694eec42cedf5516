import path from 'node:path';
import { itemsOf } from '../../model/checklist.js';
import { plainLine } from '../../shared/plain-text.js';
import { localize, t } from '../../shared/lang.js';
import { libraryFor } from '../../load/library.js';
import type { ListOptions } from '../commands/list.js';
import { EXIT } from '../io.js';
import type { CommandIo } from '../../shared/io.js';

// Titles and file names come from checklist files and folders.
const shown = plainLine;

export async function list(io: CommandIo, options: ListOptions): Promise<number> {
  const all = await libraryFor(io, options.checklists).all();
  if (all.length === 0) {
    io.stderr(t(io.lang, '没有找到清单\n', 'no checklists found\n'));
    return EXIT.ok;
  }
  for (const { file, checklist } of all) {
    const items = [...itemsOf(checklist)].length;
    io.stdout(
      `${io.colour.bold(checklist.id)} ${checklist.version}  ${shown(localize(checklist.title, io.lang))}  ${io.colour.dim(
        t(io.lang, `${checklist.sections.length} 个部分,${items} 个题目`, `${checklist.sections.length} sections, ${items} items`),
      )}\n  ${io.colour.dim(shown(path.relative(io.cwd, file) || file))}\n`,
    );
  }
  return EXIT.ok;
}
