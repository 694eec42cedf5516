// Writing the audit file. Every save replaces the whole file in one atomic step (writeFileAtomic),
// so a crash, a closed lid or `kill -9` at any moment leaves the previous answers or the new ones.
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { auditYaml, createAuditFile } from '../fs/audit-file.js';
import { FileExistsError } from '../shared/write-errors.js';
import type { Audit } from '../model/types.js';

/** Overwrites the audit file (it is ours: created by `createAuditFile` or named by `--resume`). */
export async function saveAudit(file: string, audit: Audit): Promise<void> {
  await writeFileAtomic(file, auditYaml(audit), { overwrite: true });
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
