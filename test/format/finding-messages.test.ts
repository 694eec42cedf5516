// Messages that say what to write: the words a check answer takes, the key a misspelt one was meant
// to be, and numbers YAML reads as infinite — through the loader, as a user's file meets them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFinding } from '../../src/format/finding-messages.js';
import { loadFile } from '../../src/load/load-file.js';
import { ROOT } from '../helpers/cli.js';
import { testLibrary } from '../helpers/library.js';

const library = () => testLibrary({ dirs: [path.join(ROOT, 'test/fixtures/rules/checklists')] });
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-messages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const AUDIT_HEAD = 'checklist: {id: rules-base, version: 1.2.0}\nsite: Store 1\nauditor: Li Wei\ndate: 2026-11-23\nstatus: draft\n';

/** The messages of a file's findings in both languages. */
async function messagesOf(file: string): Promise<{ en: string[]; zh: string[] }> {
  const { findings } = await loadFile(file, library());
  return { en: findings.map((f) => describeFinding(f, 'en')), zh: findings.map((f) => describeFinding(f, 'zh-CN')) };
}

async function auditMessages(responses: string): Promise<{ en: string[]; zh: string[] }> {
  const file = path.join(scratch, `audit-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `${AUDIT_HEAD}responses:\n${responses}`);
  return messagesOf(file);
}

describe('finding messages', () => {
  it('tells someone who wrote yes for a check item to write true or false', async () => {
    const { en, zh } = await auditMessages('  smiles: yes\n');
    expect(en).toEqual(['"yes" is not a valid answer to smiles; write true for yes or false for no, or na']);
    expect(zh).toEqual(['题目 smiles 的答案 “yes” 无效;请写 true(是)或 false(否),或 na']);
  });

  it('suggests the allowed key nearest to a misspelt one', async () => {
    const { en, zh } = await messagesOf(path.join(ROOT, 'test/fixtures/rules/misspelt-key.yaml'));
    expect(en).toHaveLength(1);
    expect(en[0]).toMatch(/^unknown key "gudance"; did you mean "guidance"\? Allowed: id, text, type, /);
    expect(zh[0]).toMatch(/^未知的键 “gudance”;是否想写 “guidance”\?允许的键:id、text、/);
  });

  it('suggests nothing when no allowed key is near', async () => {
    const { en } = await auditMessages('  greets: 4\nnotes: the manager was away\n');
    expect(en).toEqual(['unknown key "notes"; allowed: checklist, site, auditor, date, status, started, finished, responses, x-…']);
  });

  it.each(['.inf', '-.inf', '.nan', '1e400'])('calls %s what it is, not "a number"', async (value) => {
    const { en, zh } = await auditMessages(`  wait: ${value}\n`);
    expect(en).toEqual(['wrong type: expected a finite number or true/false or text, found .inf, .nan or a number too large to hold (like 1e400)']);
    expect(zh).toEqual(['类型错误:应为有限的数字或true/false或文本,实际为.inf、.nan 或大到无法表示的数(如 1e400)']);
  });

  it('names a measure item\'s unit in the reader\'s language', async () => {
    const { en, zh } = await auditMessages('  wait: soon\n');
    expect(en).toEqual(['"soon" is not a valid answer to wait; allowed: a number in s, or na']);
    expect(zh).toEqual(['题目 wait 的答案 “soon” 无效;允许:以秒为单位的数字,或 na']);
  });
});
