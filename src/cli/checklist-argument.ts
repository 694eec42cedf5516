// A CHECKLIST argument (`show`, `init --from`): an id or a path. A file that exists but is not a
// valid checklist is not "not found": its findings are printed, then the one-line refusal.
import { renderFindings } from '../format/findings.js';
import { requireChecklist, type ChecklistLibrary } from '../load/library.js';
import type { LoadedChecklist } from '../load/loaded.js';
import type { CommandIo } from '../shared/io.js';
import { pathArguments } from './io.js';

export async function checklistArgument(io: CommandIo, library: ChecklistLibrary, typed: string): Promise<LoadedChecklist> {
  // A path typed in Latin-1 or GBK is opened by its bytes, as the PATH arguments of other commands are.
  const [reference = typed] = pathArguments([typed]);
  const lookup = await library.byReference(reference);
  if (!lookup.found && lookup.invalid) io.stderr(renderFindings({ files: 1, findings: [...lookup.invalid] }, 'text', io.lang));
  return requireChecklist(library, reference, io.lang);
}
