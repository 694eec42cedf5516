import { renderChecklistTree } from '../../format/checklist-tree.js';
import { checklistArg } from '../checklist-arg.js';
import { EXIT, type CommandIo } from '../io.js';

export async function showCommand(io: CommandIo, reference: string, options: { checklists: readonly string[] }): Promise<number> {
  const { checklist } = await checklistArg(io, reference, options.checklists);
  io.stdout(renderChecklistTree(checklist, io.lang, io.colour));
  return EXIT.ok;
}
