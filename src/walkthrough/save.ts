// Writing the audit file. Every save replaces the whole file in one atomic step (writeFileAtomic),
// so a crash, a closed lid or `kill -9` at any moment leaves the previous answers or the new ones.
// A file read back (--resume, --reopen) is edited in place, so the comments a user wrote survive,
// and nothing is written that the tool's own validate would refuse.
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, parseDocument, YAMLMap, type Document, type Pair } from 'yaml';
import { TEMPORARY_NAME, writeFileAtomic } from '../fs/atomic-write.js';
import { auditYaml } from '../fs/audit-file.js';
import { FileExistsError } from '../shared/write-errors.js';
import type { Finding } from '../shared/findings.js';
import type { Audit } from '../model/types.js';

// lineWidth 0: a long note stays on its line instead of being folded (as auditYaml writes it).
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

const same = (node: unknown, value: unknown) => JSON.stringify((node as { toJSON?: () => unknown })?.toJSON?.() ?? (isScalar(node) ? node.value : node)) === JSON.stringify(value);

/**
 * Sets `map[key]` to `value` unless it already says that, so an unchanged entry keeps its comments;
 * a new map is written on one line when `flow` (a response, the checklist reference), as auditYaml does.
 */
function setKept(doc: Document, map: YAMLMap, key: string, value: unknown, flow: boolean): void {
  const pair = map.items.find((item): item is Pair => isPair(item) && isScalar(item.key) && item.key.value === key);
  if (pair && same(pair.value, value)) return;
  const node = doc.createNode(value);
  if (isMap(node)) node.flow = flow;
  if (pair) pair.value = node;
  else map.items.push(doc.createPair(key, node) as Pair);
}

/** Leaves in `map` only the keys of `wanted`, in its order (a pair's comments move with it). */
function keepOnly(map: YAMLMap, wanted: readonly string[]): void {
  const order = new Map(wanted.map((key, index) => [key, index]));
  const keyOf = (item: unknown) => String(isPair(item) && isScalar(item.key) ? item.key.value : '');
  map.items = map.items.filter((item) => order.has(keyOf(item))).toSorted((a, b) => order.get(keyOf(a))! - order.get(keyOf(b))!);
}

/** `audit` written over the document it was read from: what did not change stays as the user wrote it. */
export function editedYaml(doc: Document, audit: Audit): string {
  const top = doc.contents;
  if (!isMap(top)) return auditYaml(audit);
  for (const [key, value] of Object.entries(audit)) {
    if (key !== 'responses') setKept(doc, top, key, value, key === 'checklist');
  }
  let responses = doc.get('responses', true);
  if (!isMap(responses)) {
    responses = new YAMLMap();
    doc.set('responses', responses);
  }
  const answers = responses as YAMLMap;
  for (const [id, response] of Object.entries(audit.responses)) setKept(doc, answers, id, response, true);
  keepOnly(answers, Object.keys(audit.responses));
  keepOnly(top, Object.keys(audit));
  return doc.toString(TO_STRING);
}

/** Findings the tool's own validate would report for these file contents (empty: the file is valid). */
export type CheckAudit = (file: string, text: string) => Promise<readonly Finding[]>;

/** Refused before writing: the audit would not pass validate. */
export class InvalidAuditError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super(`the audit would be invalid: ${findings.map((finding) => finding.code).join(', ')}`);
  }
}

/** The one audit file a walkthrough writes, read back and edited in place when it was resumed. */
export class AuditFile {
  private readonly doc: Document | undefined;

  constructor(
    readonly file: string,
    private readonly check: CheckAudit,
    written?: string,
  ) {
    this.doc = written === undefined ? undefined : parseDocument(written, { keepSourceTokens: false });
  }

  async render(audit: Audit): Promise<string> {
    const text = this.doc ? editedYaml(this.doc, audit) : auditYaml(audit);
    const findings = await this.check(this.file, text);
    if (findings.length > 0) throw new InvalidAuditError(findings);
    return text;
  }

  /** Overwrites the audit file (it is ours: created by `create` or named by --resume / --reopen). */
  async save(audit: Audit): Promise<void> {
    await writeFileAtomic(this.file, await this.render(audit), { overwrite: true });
  }

  /** Creates the file; refuses (FileExistsError) if something is already there. */
  async create(audit: Audit): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, await this.render(audit), { overwrite: false });
  }
}

/** The first of `base.yaml`, `base-2.yaml`, ... in `dir`, in order: where same-day audits of one site go. */
export function* numberedAuditFiles(dir: string, base: string): Generator<string> {
  for (let n = 1; ; n++) yield path.join(dir, n === 1 ? `${base}.yaml` : `${base}-${n}.yaml`);
}

/**
 * Creates the first free one of `base.yaml`, `base-2.yaml`, ... in `dir`: two audits of one site on
 * one day both keep their file, and an existing audit is never overwritten.
 */
export async function createNumberedAuditFile(dir: string, base: string, audit: Audit, check: CheckAudit): Promise<AuditFile> {
  for (const file of numberedAuditFiles(dir, base)) {
    const opened = new AuditFile(file, check);
    try {
      await opened.create(audit);
      return opened;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
  throw new Error('unreachable');
}

// A write takes milliseconds: a temporary file this old was left by a killed one, not by a live writer
// (the names do not say which file they were for, so age tells them apart).
const LEFTOVER_AGE_MS = 10 * 60_000;

/**
 * Removes temporary files a killed save left beside the audit (`.svc-audit-<random>.tmp`, older than
 * any write in progress); the audit itself is whole either way, these are only litter.
 */
export async function removeLeftoverTemps(file: string, now = Date.now()): Promise<void> {
  const dir = path.dirname(file);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => TEMPORARY_NAME.test(name))
      .map(async (name) => {
        const where = path.join(dir, name);
        const info = await stat(where).catch(() => undefined);
        if (info && now - info.mtimeMs > LEFTOVER_AGE_MS) await unlink(where).catch(() => undefined);
      }),
  );
}
