// The names people read for the ids in scored results: section, factor and item titles in the chosen
// language, looked up in the checklist each result was scored against.
import { checklistKey } from '../core/summarize.js';
import type { ChecklistKey } from '../core/score-types.js';
import { localize, t, type Lang } from '../shared/lang.js';
import type { Checklist, Item } from '../model/types.js';

export class ChecklistTitles {
  constructor(
    private readonly checklists: ReadonlyMap<string, Checklist>,
    readonly lang: Lang,
  ) {}

  /** The checklist a result was scored against; every result's checklist is among those loaded. */
  checklistOf(key: ChecklistKey): Checklist {
    const checklist = this.checklists.get(checklistKey(key.id, key.version));
    if (!checklist) throw new Error(`no checklist ${checklistKey(key.id, key.version)} was loaded`);
    return checklist;
  }

  checklist(key: ChecklistKey): string {
    const title = localize(this.checklistOf(key).title, this.lang);
    return t(this.lang, `${title}(${key.id} ${key.version})`, `${title} (${key.id} ${key.version})`);
  }

  section(key: ChecklistKey, sectionId: string): string {
    const section = this.checklistOf(key).sections.find(({ id }) => id === sectionId);
    return section ? localize(section.title, this.lang) : sectionId;
  }

  factor(key: ChecklistKey, sectionId: string, factorId: string): string {
    const section = this.checklistOf(key).sections.find(({ id }) => id === sectionId);
    const factor = section?.factors.find(({ id }) => id === factorId);
    return factor ? localize(factor.title, this.lang) : factorId;
  }

  item(key: ChecklistKey, sectionId: string, factorId: string, itemId: string): string {
    const section = this.checklistOf(key).sections.find(({ id }) => id === sectionId);
    const item: Item | undefined = section?.factors.find(({ id }) => id === factorId)?.items.find(({ id }) => id === itemId);
    return item ? localize(item.text, this.lang) : itemId;
  }
}
