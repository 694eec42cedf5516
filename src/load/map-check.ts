// A survey map (svc-audit import, SPEC §7) checked like any file the tool reads: its shape against the
// schema (model/definition.ts), then against its checklist: every item exists, and expected, adequate
// and importance are only read for likert items. Its columns are checked against an export's headers
// when there is one (survey/map-columns.ts).
import { RATINGS } from '../model/vocabulary.js';
import { typeOf } from '../model/item-types/index.js';
import type { SurveyMap } from '../model/types.js';
import type { Finding } from '../shared/findings.js';
import { findingOf, type SourceDocument } from '../yaml/source.js';
import { checkEntriesAgainstChecklist } from './audit-rules.js';
import type { ChecklistLibrary } from './library.js';
import type { LoadedChecklist } from './loaded.js';
import { checkShape } from './shape.js';

export interface CheckedMap {
  readonly source: SourceDocument;
  readonly map: SurveyMap;
  readonly checklist: LoadedChecklist;
}

/** A parsed map checked against the schema and its checklist. */
export async function checkMapSource(source: SourceDocument, library: ChecklistLibrary): Promise<{ findings: Finding[]; map?: CheckedMap }> {
  const shape = checkShape(source, 'map');
  if (!shape.data) return { findings: shape.findings };
  const map = shape.data;
  const checked = await checkEntriesAgainstChecklist(source, map.checklist, library, 'items', map.items, (_, item, path, columns, findings) => {
    const type = typeOf(item).name;
    for (const key of RATINGS) {
      if (columns[key] !== undefined && type !== 'likert') {
        findings.push(findingOf(source, [...path, key], 'key-not-for-type', { key, type, types: ['likert'] }, 'key'));
      }
    }
  });
  const { findings, checklist } = checked;
  if (!checklist) return { findings };
  return findings.length > 0 ? { findings } : { findings, map: { source, map, checklist } };
}
