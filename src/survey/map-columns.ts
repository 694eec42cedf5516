// A checked survey map's columns found among the export's headers: every column it names is there,
// once; the map's findings point at its own lines.
import { itemsById } from '../model/checklist.js';
import { ITEM_FIELDS } from '../model/vocabulary.js';
import type { Column, Item, ItemField } from '../model/types.js';
import type { Finding } from '../shared/findings.js';
import type { CheckedMap } from '../load/map-check.js';
import { findingOf, positionOf, type DataPath, type Place } from '../yaml/source.js';
import { findColumn } from './columns.js';

/** Where a field of every audit comes from: a column (0-based), or a constant written in the map at `place`. */
export type FieldSource = { readonly column: number } | { readonly constant: string; readonly place: Place };

export interface MappedItem {
  readonly item: Item;
  readonly columns: Partial<Record<ItemField, number>>;
}

/** A checked map with every column found among the export's headers. */
export interface ResolvedMap {
  readonly checked: CheckedMap;
  readonly site: FieldSource;
  readonly auditor: FieldSource;
  readonly date: FieldSource;
  readonly items: ReadonlyMap<string, MappedItem>;
}

/** The columns of a checked map found among `headers`, or the findings (at the map's lines) of those that are not. */
export function resolveColumns(checked: CheckedMap, headers: readonly string[]): { findings: Finding[]; resolved?: ResolvedMap } {
  const { source, map } = checked;
  const findings: Finding[] = [];
  const columnAt = (column: Column, path: DataPath): number | undefined => {
    const found = findColumn(column.column, headers);
    if ('index' in found) return found.index;
    findings.push(findingOf(source, [...path, 'column'], found.code, found.params));
    return undefined;
  };
  const field = (key: 'site' | 'auditor' | 'date'): FieldSource | undefined => {
    const given = map[key];
    if (typeof given === 'string') return { constant: given, place: { file: source.file, ...positionOf(source, [key]) } };
    const column = columnAt(given, [key]);
    return column === undefined ? undefined : { column };
  };
  const [site, auditor, date] = [field('site'), field('auditor'), field('date')];
  const allItems = itemsById(checked.checklist.checklist);
  const items = new Map<string, MappedItem>();
  for (const [id, given] of Object.entries(map.items)) {
    const columns: Partial<Record<ItemField, number>> = {};
    for (const key of ITEM_FIELDS) {
      const column = given[key];
      const index = column === undefined ? undefined : columnAt(column, ['items', id, key]);
      if (index !== undefined) columns[key] = index;
    }
    items.set(id, { item: allItems.get(id)!, columns });
  }
  if (findings.length > 0 || !site || !auditor || !date) return { findings };
  return { findings, resolved: { checked, site, auditor, date, items } };
}
