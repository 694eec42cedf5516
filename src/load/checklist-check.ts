// A parsed checklist checked: its shape against the schema, then the rules a schema cannot say.
import type { Checklist } from '../model/types.js';
import type { SourceDocument } from '../yaml/source.js';
import { checkChecklistRules } from './checklist-rules.js';
import type { ChecklistCheck } from './loaded.js';
import { checkShape } from './shape.js';

export function checkChecklistSource(source: SourceDocument): ChecklistCheck {
  const shape = checkShape(source, 'checklist');
  if (!shape.data) return { findings: shape.findings };
  const findings = checkChecklistRules(source, shape.data);
  if (findings.length > 0) return { findings };
  return { findings, checklist: { file: source.file, checklist: shape.data satisfies Checklist } };
}
