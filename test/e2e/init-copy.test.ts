// `svc-audit init` through the built binary: the copy is a new checklist, not the shipped one under
// another name — no header about the original's sources, one schema line, the new id in its title,
// and everything else exactly as the original has it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The lines from the title's last line on: what the copy must keep unchanged. */
const afterTitle = (text: string) => text.slice(text.indexOf('\n', text.indexOf('\n  en: ', text.indexOf('\ntitle:')) + 1));

describe.each([
  ['service-expectations', 'my-store', '服务期望的基本因素', 'Basic factors of service expectation'],
  ['customer-service-traits', 'my-traits', '客户服务特征与 SERVICE 服务行为', 'Characteristics of customer service and SERVICE behaviours'],
])('init --from %s', (from, id, zhTitle, enTitle) => {
  const run = runCli(['init', id, '--from', from], { cwd: scratch });
  const file = path.join(scratch, 'checklists', `${id}.yaml`);
  const copy = readFileSync(file, 'utf8');
  const original = readFileSync(path.join(ROOT, 'checklists', `${from}.yaml`), 'utf8');

  it('says what it made', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`created checklists/${id}.yaml (from ${from})\nedit it, then run: svc-audit validate checklists/${id}.yaml\n`);
  });

  it('opens with one schema line pointing at the installed schema, and where it came from', () => {
    const schema = path.relative(path.dirname(file), path.join(ROOT, 'schema/checklist.schema.json'));
    expect(copy.startsWith(`# yaml-language-server: $schema=${schema}\n# Made with \`svc-audit init\` from ${from} 1.0.0.\nid: ${id}\nversion: 0.1.0\n`)).toBe(true);
    expect(copy.match(/yaml-language-server/g)).toHaveLength(1);
    expect(copy).not.toContain('Source:');
  });

  it('names the new id in the title in both languages, and keeps the rest as it was', () => {
    expect(copy).toContain(`\ntitle:\n  zh-CN: ${id}(基于“${zhTitle}”)\n  en: ${id} (based on "${enTitle}")\n`);
    expect(afterTitle(copy)).toBe(afterTitle(original));
  });

  it('is a valid checklist that list tells apart from the original', () => {
    expect(runCli(['validate', file]).code).toBe(0);
    expect(runCli(['list'], { cwd: scratch }).stdout).toContain(`${id} 0.1.0  ${id} (based on "${enTitle}")`);
  });
});
