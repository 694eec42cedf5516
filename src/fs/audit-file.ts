// Audit files as the tool writes them, whoever makes the audit (the walkthrough, `import`): the YAML
// text SPEC §3 shows and a file name that sorts by date then site.
import { Document, isMap } from 'yaml';
import type { Audit } from '../model/types.js';

/** YAML as SPEC §3 shows it: `checklist: {id, version}` and detailed responses on one line each. */
export function auditYaml(audit: Audit): string {
  const doc = new Document(audit);
  const checklist = doc.get('checklist', true);
  if (isMap(checklist)) checklist.flow = true;
  const responses = doc.get('responses', true);
  if (isMap(responses)) {
    for (const pair of responses.items) if (isMap(pair.value)) pair.value.flow = true;
  }
  // lineWidth 0: a long note stays on its line instead of being folded.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** `2026-11-23-store-042-nanjing-rd`: sorts by date, then site; any script's letters are kept. */
export function auditFileBase(date: string, site: string): string {
  const slug = site
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `${date}-${slug}` : date;
}
