import { renderChecklistTree } from '../../format/checklist-tree.js';
import { libraryFor } from '../../load/library.js';
import { checklistArgument } from '../checklist-argument.js';
import type { ShowOptions } from '../commands/show.js';
import { EXIT } from '../io.js';
import type { CommandIo } from '../../shared/io.js';

export async function show(io: CommandIo, reference: string, options: ShowOptions): Promise<number> {
  const { checklist } = await checklistArgument(io, libraryFor(io, options.checklists), reference);
  io.stdout(renderChecklistTree(checklist, io.lang, io.colour));
  return EXIT.ok;
}
