// Audit files as the walkthrough writes them: SPEC §3's shape, sortable names, never overwriting.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileExistsError } from '../../src/shared/write-errors.js';
import { recall, remember } from '../../src/walkthrough/remember.js';
import { settingsFrom } from '../../src/cli/io.js';
import { auditFileBase, auditYaml } from '../../src/fs/audit-file.js';
import { AuditFile, createNumberedAuditFile, InvalidAuditError, removeLeftoverTemps, type CheckAudit } from '../../src/walkthrough/save.js';
import { AuditLockedError, lockAudit, lockFileOf } from '../../src/walkthrough/lock.js';
import { findingAt, FILE_START } from '../../src/shared/findings.js';
import type { Audit } from '../../src/model/types.js';
import { scratchDir } from './harness.js';

const audit: Audit = {
  checklist: { id: 'walk-demo', version: '1.2.0' },
  site: '042',
  auditor: 'Li Wei',
  date: '2026-11-23',
  status: 'draft',
  started: '2026-11-23T09:12:00+08:00',
  responses: { 'greets-promptly': 4, smiles: { value: true, note: 'a long note, with: colons and "quotes" that goes on past eighty characters easily' }, 'price-clear': 'na' },
};

const valid: CheckAudit = async () => [];

describe('saving audits', () => {
  it('writes the YAML of SPEC §3, one response per line', () => {
    expect(auditYaml(audit)).toBe(
      [
        'checklist: {id: walk-demo, version: 1.2.0}',
        'site: "042"',
        'auditor: Li Wei',
        'date: 2026-11-23',
        'status: draft',
        'started: 2026-11-23T09:12:00+08:00',
        'responses:',
        '  greets-promptly: 4',
        `  smiles: {value: true, note: 'a long note, with: colons and "quotes" that goes on past eighty characters easily'}`,
        '  price-clear: na',
        '',
      ].join('\n'),
    );
  });

  it('names files by date then site, in any script', () => {
    expect(auditFileBase('2026-11-23', 'Store 042 · Nanjing Rd')).toBe('2026-11-23-store-042-nanjing-rd');
    expect(auditFileBase('2026-11-23', '南京路 旗舰店')).toBe('2026-11-23-南京路-旗舰店');
    expect(auditFileBase('2026-11-23', '///')).toBe('2026-11-23');
  });

  it('never overwrites: a new audit takes the next free number', async () => {
    const dir = scratchDir();
    const first = await createNumberedAuditFile(path.join(dir, 'audits'), '2026-11-23-x', audit, valid);
    const second = await createNumberedAuditFile(path.join(dir, 'audits'), '2026-11-23-x', audit, valid);
    expect([first, second].map(({ file }) => path.basename(file))).toEqual(['2026-11-23-x.yaml', '2026-11-23-x-2.yaml']);
    await expect(new AuditFile(first.file, valid).create(audit)).rejects.toBeInstanceOf(FileExistsError);
    await first.save({ ...audit, status: 'complete' });
    expect(readFileSync(first.file, 'utf8')).toContain('status: complete');
  });

  it('edits a file read back in place: comments, key order and untouched entries stay as written', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'a.yaml');
    // The header as the user wrote it, which the save must leave alone but for yaml's spacing before a comment.
    const header = [
      '# visit of the 23rd',
      'checklist: {id: walk-demo, version: 1.2.0}',
      'site: "042" # the flagship',
      'auditor: Li Wei',
      'date: 2026-11-23',
      'status: draft',
      'started: 2026-11-23T09:12:00+08:00',
      'finished: 2026-11-23T09:40:00+08:00',
      'responses:',
      '  # seen twice',
    ];
    const written = [...header, '  smiles: {value: true, note: "kept"}', '  greets-promptly: 4 # at once', ''].join('\n');
    writeFileSync(file, written);
    const edited = new AuditFile(file, valid, written);
    const { responses: _, ...head } = audit;
    await edited.save({
      ...head,
      finished: '2026-11-23T09:40:00+08:00',
      responses: { 'greets-promptly': 4, smiles: { value: true, note: 'kept' }, 'price-clear': 'na' },
    });
    // Responses in checklist order, each with its comment, the new one added.
    expect(readFileSync(file, 'utf8')).toBe([...header, '  greets-promptly: 4 # at once', '  smiles: {value: true, note: "kept"}', '  price-clear: na', ''].join('\n'));
  });

  it('writes nothing that validate would refuse', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'a.yaml');
    const refusing: CheckAudit = async (name) => [findingAt(name, FILE_START, 'unknown-kind')];
    await expect(new AuditFile(file, refusing).create(audit)).rejects.toBeInstanceOf(InvalidAuditError);
    expect(existsSync(file)).toBe(false);
  });

  it('clears the temporary files a killed save leaves behind, and only those', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, 'x');
    writeFileSync(path.join(dir, '.svc-audit-0a1b2c3d4e5f.tmp'), 'half');
    writeFileSync(path.join(dir, '.svc-audit-notours.tmp'), 'someone else’s');
    writeFileSync(path.join(dir, '.a.yaml.swp'), 'an editor’s');
    // Just written: it may be a save still in progress, so it stays.
    await removeLeftoverTemps(file);
    expect(readdirSync(dir).sort()).toEqual(['.a.yaml.swp', '.svc-audit-0a1b2c3d4e5f.tmp', '.svc-audit-notours.tmp', 'a.yaml']);
    // An hour later it can only be a killed save's.
    await removeLeftoverTemps(file, Date.now() + 3_600_000);
    expect(readdirSync(dir).sort()).toEqual(['.a.yaml.swp', '.svc-audit-notours.tmp', 'a.yaml']);
  });
});

describe('the lock beside an audit', () => {
  it('is taken once, refused to a second taker while its process lives, and given back', async () => {
    const file = path.join(scratchDir(), 'a.yaml');
    const release = await lockAudit(file);
    expect(readFileSync(lockFileOf(file), 'utf8')).toBe(`${process.pid}\n`);
    // Another live process holds it (pid 1 always lives).
    writeFileSync(lockFileOf(file), '1\n');
    await expect(lockAudit(file)).rejects.toBeInstanceOf(AuditLockedError);
    writeFileSync(lockFileOf(file), `${process.pid}\n`);
    await release();
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('is taken over from a process that died (a crash cannot leave an audit locked)', async () => {
    const file = path.join(scratchDir(), 'a.yaml');
    // No process has a pid this large.
    writeFileSync(lockFileOf(file), '4194999\n');
    const release = await lockAudit(file);
    expect(readFileSync(lockFileOf(file), 'utf8')).toBe(`${process.pid}\n`);
    await release();
  });
});

describe('remembering the last site and auditor', () => {
  it('keeps them under $XDG_CONFIG_HOME/svc-audit', async () => {
    const env = { XDG_CONFIG_HOME: scratchDir() };
    const { configDir } = settingsFrom(env);
    expect(await recall(configDir)).toEqual({});
    await remember(configDir, { site: 'Store 042', auditor: 'Li Wei', checklist: 'walk-demo' });
    expect(existsSync(path.join(env.XDG_CONFIG_HOME, 'svc-audit', 'last-run.json'))).toBe(true);
    expect(await recall(configDir)).toEqual({ site: 'Store 042', auditor: 'Li Wei', checklist: 'walk-demo' });
  });

  it('falls back to ~/.config and shrugs off a broken file', async () => {
    const home = scratchDir();
    const { configDir } = settingsFrom({ HOME: home });
    await remember(configDir, { site: 'A' });
    expect(existsSync(path.join(home, '.config', 'svc-audit', 'last-run.json'))).toBe(true);
    writeFileSync(path.join(home, '.config', 'svc-audit', 'last-run.json'), '{not json');
    expect(await recall(configDir)).toEqual({});
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG specification asks', () => {
    expect(settingsFrom({ XDG_CONFIG_HOME: 'conf', HOME: '/home/li' }).configDir).toBe('/home/li/.config/svc-audit');
  });
});
