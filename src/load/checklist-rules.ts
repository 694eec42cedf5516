// Rules a JSON Schema cannot say: unique ids, expectations (desired and adequate) inside their scale, keys that belong to
// another item type, measure targets on the good side of their limits. Run on shape-valid checklists.
import { typeOf, typesAllowing } from '../model/item-types/index.js';
import type { ItemProblem } from '../model/item-types/item-type.js';
import { adequateProblem, expectedProblem, scaleProblems } from '../model/item-types/likert.js';
import type { Finding } from '../shared/findings.js';
import type { Checklist, Item } from '../model/types.js';
import { findingOf, positionOf, type DataPath, type SourceDocument } from '../yaml/source.js';

class IdRegistry {
  private readonly firstPaths = new Map<string, DataPath>();
  constructor(
    private readonly source: SourceDocument,
    private readonly scope: 'section' | 'factor' | 'item',
  ) {}

  check(id: string, path: DataPath, findings: Finding[]): void {
    const first = this.firstPaths.get(id);
    if (!first) {
      this.firstPaths.set(id, path);
      return;
    }
    const firstLine = positionOf(this.source, first).line;
    findings.push(findingOf(this.source, path, 'duplicate-id', { id, firstLine, scope: this.scope }));
  }
}

/** The problems of one item's type rules as findings, placed relative to the item at `path`. */
function placed(source: SourceDocument, path: DataPath, problems: readonly ItemProblem[], findings: Finding[]): void {
  for (const problem of problems) findings.push(findingOf(source, [...path, ...problem.path], problem.code, problem.params, problem.at));
}

function checkItem(source: SourceDocument, checklist: Checklist, item: Item, path: DataPath, findings: Finding[]): void {
  const type = typeOf(item).name;
  for (const key of Object.keys(item) as (keyof Item)[]) {
    const types = typesAllowing(key);
    if (item[key] !== undefined && types && !types.includes(type)) {
      findings.push(findingOf(source, [...path, key], 'key-not-for-type', { key, type, types }, 'key'));
    }
  }
  placed(source, path, typeOf(item).checkItem(item, checklist), findings);
}

export function checkChecklistRules(source: SourceDocument, checklist: Checklist): Finding[] {
  const findings: Finding[] = [];
  if (checklist.scale) {
    const scale = scaleProblems(checklist.scale);
    placed(source, ['scale'], scale, findings);
    if (!scale.some((problem) => problem.code === 'bad-scale')) {
      placed(source, [], expectedProblem(checklist.expected, checklist.scale, ['expected']), findings);
      placed(source, [], adequateProblem(checklist.adequate, checklist.expected, checklist.scale, ['adequate']), findings);
    }
  }
  const sectionIds = new IdRegistry(source, 'section');
  const itemIds = new IdRegistry(source, 'item');
  checklist.sections.forEach((section, s) => {
    const sectionPath = ['sections', s];
    sectionIds.check(section.id, [...sectionPath, 'id'], findings);
    const factorIds = new IdRegistry(source, 'factor');
    section.factors.forEach((factor, f) => {
      const factorPath = [...sectionPath, 'factors', f];
      factorIds.check(factor.id, [...factorPath, 'id'], findings);
      factor.items.forEach((item, i) => {
        const itemPath = [...factorPath, 'items', i];
        itemIds.check(item.id, [...itemPath, 'id'], findings);
        checkItem(source, checklist, item, itemPath, findings);
      });
    });
  });
  return findings;
}
