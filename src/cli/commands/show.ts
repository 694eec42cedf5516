import { renderChecklistTree } from '../../format/checklist-tree.js';
import { libraryFor, requireChecklist } from '../../load/library.js';
import { EXIT } from '../io.js';
import type { CommandIo } from '../../shared/io.js';

export async function showCommand(io: CommandIo, reference: string, options: { checklists: readonly string[] }): Promise<number> {
  const { checklist } = await requireChecklist(libraryFor(io, options.checklists), reference, io.lang);
  io.stdout(renderChecklistTree(checklist, io.lang, io.colour));
  return EXIT.ok;
}
