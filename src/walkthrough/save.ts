// Writing the audit file. Every save replaces the whole file in one atomic step (writeFileAtomic),
// so a crash, a closed lid or `kill -9` at any moment leaves the previous answers or the new ones.
import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap } from 'yaml';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { FileExistsError } from '../shared/write-errors.js';
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

/** Overwrites the audit file (it is ours: created by `createAuditFile` or named by `--resume`). */
export async function saveAudit(file: string, audit: Audit): Promise<void> {
  await writeFileAtomic(file, auditYaml(audit), { overwrite: true });
}

/** Creates a new audit file; refuses (FileExistsError) if something is already there. */
export async function createAuditFile(file: string, audit: Audit): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, auditYaml(audit), { overwrite: false });
}

/**
 * Creates the first free one of `base.yaml`, `base-2.yaml`, ... in `dir`: two audits of one site on
 * one day both keep their file, and an existing audit is never overwritten.
 */
export async function createNumberedAuditFile(dir: string, base: string, audit: Audit): Promise<string> {
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${base}.yaml` : `${base}-${n}.yaml`);
    try {
      await createAuditFile(file, audit);
      return file;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
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

/**
 * Removes temporary files a killed save left beside the audit (`.NAME.<random>.tmp`); the audit
 * itself is whole either way, these are only litter.
 */
export async function removeLeftoverTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => unlink(path.join(dir, name)).catch(() => undefined)),
  );
}
