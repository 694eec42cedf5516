// What `svc-audit init` writes: a copy of a checklist made into a new one. The copy is the user's
// file from now on, so what described the original goes (its header: sources, completions, its own
// schema line) and what tells the two apart comes in (the new id, in the title too, a first version).
import { isMap, isScalar, parseDocument, type Document } from 'yaml';

export interface CopyOrigin {
  readonly id: string;
  readonly version: string;
}

export interface NewChecklist {
  readonly id: string;
  /** Where the JSON Schema is, relative to the new file, for editors (yaml-language-server). */
  readonly schemaRef: string;
}

/** `my-store(基于“服务期望的基本因素”)` / `my-store (based on "Basic factors of service expectation")`. */
function titleWithId(title: unknown, id: string, language: string): string {
  if (typeof title !== 'string') return id;
  return language === 'zh-CN' ? `${id}(基于“${title}”)` : `${id} (based on "${title}")`;
}

/** The title in each language it is written in, each naming the new id. */
function retitle(doc: Document, id: string): void {
  const title = doc.get('title');
  if (isMap(title)) {
    for (const pair of title.items) {
      if (isScalar(pair.key) && isScalar(pair.value)) pair.value.value = titleWithId(pair.value.value, id, String(pair.key.value));
    }
  } else {
    doc.set('title', titleWithId(isScalar(title) ? title.value : title, id, 'en'));
  }
}

/** The header of a YAML file: the comment before the document, or before its first key when no blank line separates them. */
function dropHeader(doc: Document): void {
  doc.commentBefore = null;
  if (!isMap(doc.contents)) return;
  doc.contents.commentBefore = null;
  const firstKey = doc.contents.items[0]?.key;
  if (isScalar(firstKey)) firstKey.commentBefore = null;
}

/** The text of the new checklist file, from the text of the one it starts from. */
export function checklistCopy(templateText: string, origin: CopyOrigin, target: NewChecklist): string {
  const doc = parseDocument(templateText);
  dropHeader(doc);
  doc.set('id', target.id);
  doc.set('version', '0.1.0');
  retitle(doc, target.id);
  const header = [`# yaml-language-server: $schema=${target.schemaRef}`, `# Made with \`svc-audit init\` from ${origin.id} ${origin.version}.`];
  // Lines and flow maps stay as the original writes them, rather than folded at 80 columns and padded.
  return `${header.join('\n')}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
