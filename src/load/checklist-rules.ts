// Rules a JSON Schema cannot say: unique ids, expectations inside their scale, keys that belong to
// another item type, measure targets on the good side of their limits. Run on shape-valid checklists.
import { itemScale, itemType } from '../model/checklist.js';
import type { Finding } from '../shared/findings.js';
import type { Checklist, Item, Scale } from '../model/types.js';
import { findingOf, positionOf, type DataPath, type SourceDocument } from '../yaml/source.js';

const KEYS_BY_TYPE = {
  expected: ['likert'],
  scale: ['likert'],
  unit: ['measure'],
  better: ['measure'],
  target: ['measure'],
  limit: ['measure'],
  critical: ['likert', 'check', 'measure'],
} as const satisfies Partial<Record<keyof Item, readonly string[]>>;

const MEASURE_REQUIRED = ['better', 'target', 'limit'] as const;

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

function checkScale(source: SourceDocument, scale: Scale, path: DataPath, findings: Finding[]): boolean {
  if (scale.min >= scale.max) {
    findings.push(findingOf(source, [...path, 'min'], 'bad-scale', { min: scale.min, max: scale.max }));
    return false;
  }
  for (const point of Object.keys(scale.labels ?? {})) {
    const value = Number(point);
    if (value < scale.min || value > scale.max) {
      findings.push(
        findingOf(source, [...path, 'labels', point], 'label-outside-scale', { point, min: scale.min, max: scale.max }, 'key'),
      );
    }
  }
  return true;
}

function checkExpected(
  source: SourceDocument,
  expected: number | undefined,
  scale: Scale,
  path: DataPath,
  findings: Finding[],
): void {
  if (expected !== undefined && (expected < scale.min || expected > scale.max)) {
    findings.push(findingOf(source, path, 'expected-outside-scale', { value: expected, min: scale.min, max: scale.max }));
  }
}

function checkItem(source: SourceDocument, checklist: Checklist, item: Item, path: DataPath, findings: Finding[]): void {
  const type = itemType(item);
  for (const [key, types] of Object.entries(KEYS_BY_TYPE) as [keyof typeof KEYS_BY_TYPE, readonly string[]][]) {
    if (item[key] !== undefined && !types.includes(type)) {
      findings.push(findingOf(source, [...path, key], 'key-not-for-type', { key, type, types }, 'key'));
    }
  }
  if (type === 'likert') {
    if (item.scale && !checkScale(source, item.scale, [...path, 'scale'], findings)) return;
    const scale = itemScale(item, checklist);
    if (!scale) findings.push(findingOf(source, path, 'missing-scale'));
    else checkExpected(source, item.expected ?? checklist.expected, scale, [...path, item.expected === undefined ? 'id' : 'expected'], findings);
  }
  if (type === 'measure') {
    const missing = MEASURE_REQUIRED.filter((key) => item[key] === undefined);
    for (const key of missing) findings.push(findingOf(source, path, 'missing-key', { key }));
    const { better, target, limit } = item;
    if (missing.length === 0 && better !== undefined && target !== undefined && limit !== undefined) {
      const onGoodSide = better === 'lower' ? target < limit : target > limit;
      if (!onGoodSide) findings.push(findingOf(source, [...path, 'target'], 'target-beyond-limit', { better, target, limit }));
    }
  }
}

export function checkChecklistRules(source: SourceDocument, checklist: Checklist): Finding[] {
  const findings: Finding[] = [];
  if (checklist.scale && checkScale(source, checklist.scale, ['scale'], findings)) {
    checkExpected(source, checklist.expected, checklist.scale, ['expected'], findings);
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
