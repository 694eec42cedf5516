// What loading a file gives: checked data, or the findings that say why there is none.
import type { Finding } from '../shared/findings.js';
import type { Audit, Checklist } from '../model/types.js';

export interface LoadedChecklist {
  readonly file: string;
  readonly checklist: Checklist;
}

export interface LoadedAudit {
  readonly file: string;
  readonly audit: Audit;
  readonly checklist: LoadedChecklist;
}

export type FileKind = 'checklist' | 'audit' | 'map';

export type FileResult =
  | { readonly kind: 'checklist'; readonly file: string; readonly findings: Finding[]; readonly checklist?: LoadedChecklist }
  | { readonly kind: 'audit'; readonly file: string; readonly findings: Finding[]; readonly audit?: LoadedAudit }
  | { readonly kind: 'map'; readonly file: string; readonly findings: Finding[] }
  | { readonly kind: 'unknown'; readonly file: string; readonly findings: Finding[] };

export interface ChecklistCheck {
  readonly findings: Finding[];
  readonly checklist?: LoadedChecklist;
}
