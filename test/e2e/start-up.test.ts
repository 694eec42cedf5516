// What a command loads is what it pays for at start, in the main thread and again in every worker.
// TypeBox, behind the one schema definition, is some 200 modules: only `schema` and `npm run generate`
// need it; checking and scoring files run on the generated validators and model/vocabulary.ts.
// string-width (Unicode tables, large patterns) is for help and terminal tables only: it loads on first use.
// ECharts, for the HTML report's charts, loads as its one-file build: its entry point is some 700 modules.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const RECORDER = fileURLToPath(new URL('../helpers/record-modules.mjs', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-start-up-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function modulesLoadedBy(name: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string[] {
  const file = path.join(scratch, `${name}.txt`);
  const { code, stderr } = runCli(args, { env: { NODE_OPTIONS: `--import ${RECORDER}`, MODULES_LOADED_FILE: file, ...env } });
  expect(stderr).not.toContain('    at ');
  expect(code).not.toBe(2);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

const typebox = (urls: readonly string[]) => urls.filter((url) => url.includes('/@sinclair/typebox/'));
const stringWidth = (urls: readonly string[]) => urls.filter((url) => url.includes('/string-width/'));
const echarts = (urls: readonly string[]) => urls.filter((url) => url.includes('/node_modules/echarts/') || url.includes('/node_modules/zrender/'));

describe('start-up', () => {
  it.each([
    ['--version', ['--version'], {}],
    ['validate', ['validate', 'checklists', 'examples/audits'], {}],
    ['score on worker threads', ['score', '--format', 'json', 'examples/audits'], { SVC_AUDIT_THREADS: '2' }],
    ['report', ['report', 'examples/audits'], {}],
  ])('%s loads no TypeBox', (name, args, env) => {
    const loaded = modulesLoadedBy(name.replaceAll(' ', '-'), args, env);
    expect(loaded.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(typebox(loaded)).toEqual([]);
  });

  it('while `schema`, which prints the definition, does (so the recording sees it)', () => {
    expect(typebox(modulesLoadedBy('schema', ['schema', 'audit'])).length).toBeGreaterThan(0);
  });

  it.each([
    ['--version', ['--version']],
    ['validate', ['validate', 'checklists', 'examples/audits']],
    ['score as JSON', ['score', '--format', 'json', 'examples/audits']],
  ])('%s loads no string-width', (name, args) => {
    expect(stringWidth(modulesLoadedBy(`width-${name.replaceAll(' ', '-')}`, args))).toEqual([]);
  });

  it.each([
    ['a score table', ['score', 'examples/audits']],
    ['help in Chinese', ['score', '--help', '--lang', 'zh-CN']],
  ])('while %s, which measures text on a terminal, does', (name, args) => {
    expect(stringWidth(modulesLoadedBy(`width-${name.replaceAll(' ', '-')}`, args)).length).toBeGreaterThan(0);
  });

  it('an HTML report loads ECharts as one file, and a Markdown report not at all', () => {
    const html = echarts(modulesLoadedBy('echarts-html', ['report', '--format', 'html', 'examples/audits']));
    expect(html.map((url) => url.slice(url.indexOf('/node_modules/')))).toEqual(['/node_modules/echarts/dist/echarts.esm.min.mjs']);
    expect(echarts(modulesLoadedBy('echarts-markdown', ['report', 'examples/audits']))).toEqual([]);
  });
});
