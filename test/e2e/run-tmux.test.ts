// `svc-audit run` in a real terminal (tmux) at 80×24 and 120×40, in English and Chinese: a text item
// skipped and the next answered by digit, letters in a number, arrows and Enter, a critical failure
// asking for a note, a stopwatch left running across two items and a Ctrl-C, the printed resume
// command run as printed (in the same language), and an end screen whose every line fits.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO_CHECKLIST, FIXTURES, scratchDir } from '../walkthrough/harness.js';
import { HAS_TMUX, killTmuxServer, TmuxPane } from './tmux-pane.js';

const SOCKET = `svc-audit-run-${process.pid}`;
afterAll(() => killTmuxServer(SOCKET));

const CHECKLIST = path.join(FIXTURES, 'walk-terminal.yaml');

const WORDS = {
  en: {
    locale: 'en_US.UTF-8',
    item: (n: number) => `item ${n}/6`,
    critical: 'Critical item failed',
    evidence: 'Evidence:',
    notANumber: 'a number takes digits',
    notFinite: 'type a number in s',
    field: '› value (s): 4',
    running: 'running',
    other: 'item 4: Time to first response',
    review: 'Every item is answered',
    end: ['Gaps by section', 'Worst factors', 'Critical failures', 'Fix first', 'Score:'],
  },
  'zh-CN': {
    locale: 'zh_CN.UTF-8',
    item: (n: number) => `第 ${n}/6 题`,
    critical: '关键项未达标',
    evidence: '证据:',
    notANumber: '数值只能包含数字',
    notFinite: '请输入以 秒 为单位的数字',
    field: '› 数值 (秒): 4',
    running: '计时中',
    other: '第 4 题: 首次响应时间',
    review: '所有题目都已作答',
    end: ['各部分差距', '差距最大的因素', '关键项未达标', '优先改进', '得分'],
  },
} as const;

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
] as const;

/** Lines wider than the terminal, by display width (a CJK character is two columns). */
const tooWide = (screen: string, columns: number) => screen.split('\n').filter((line) => stringWidth(line) > columns);

describe.skipIf(!HAS_TMUX)('run in a terminal', () => {
  describe.each(SIZES)('at $columns×$rows', (size) => {
    it.each(['en', 'zh-CN'] as const)('in %s: every kind of key, Ctrl-C with a stopwatch running, the printed resume, an end screen that fits', async (lang) => {
      const words = WORDS[lang];
      const cwd = scratchDir();
      const env = { XDG_CONFIG_HOME: path.join(cwd, 'config'), LANG: words.locale };
      const name = `${lang}-${size.columns}`;
      const first = TmuxPane.start(SOCKET, `${name}-a`, {
        cwd,
        env,
        size,
        args: ['run', CHECKLIST, '--site', 'Store 042', '--auditor', 'Li Wei', '--date', '2026-11-23', '--out', 'audit.yaml'],
      });
      const file = path.join(cwd, 'audit.yaml');
      const saved = () => parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { responses: Record<string, unknown> };

      // A text item skipped with →, the next answered by its digit: the digit is not typed into the text.
      await first.waitForText(words.item(1));
      first.keys('Right');
      await first.waitForText(words.item(2));
      first.keys('4');
      await first.waitForText(words.item(3));
      expect(saved().responses).toEqual({ greets: 4 });

      // A failed critical item asks for a note at once, then evidence; the answer is already saved.
      first.keys('n');
      await first.waitForText(words.critical);
      expect(saved().responses['price-tags']).toBe(false);
      first.type('no tag on shelf 3');
      first.keys('Enter');
      await first.waitForText(words.evidence);
      first.type('shelf3.jpg');
      first.keys('Enter');
      await first.waitForText(words.item(4));

      // 400 digits are not a number (YAML would write .inf, which validate refuses), letters inside a
      // number are refused, not taken as N/A; the empty field's s starts a stopwatch.
      first.type('9'.repeat(400));
      first.keys('Enter');
      await first.waitForText(words.notFinite);
      first.keys('Escape');
      await first.waitFor('the field emptied', (screen) => (screen.includes('999') ? undefined : screen));
      first.type('4abc');
      await first.waitForText(words.notANumber);
      expect(first.screen()).toContain(words.field);
      first.keys('BSpace');
      await first.waitFor('the empty field', (screen) => (screen.includes(words.field) ? undefined : screen));
      first.keys('s');
      await first.waitForText(words.running);
      expect(Object.keys(saved()['x-stopwatch'] as object)).toEqual(['first-response']);

      // On to the next item while it runs; arrows and Enter answer it, and the running stopwatch is shown.
      first.keys('Right');
      await first.waitForText(words.item(5));
      expect(first.screen()).toContain(words.other);
      first.keys('Down', 'Down', 'Down');
      await first.waitForText('❯ 3');
      first.keys('Enter');
      await first.waitForText(words.item(6));
      first.keys('C-c');
      expect(await first.waitForExit()).toBe(130);

      const printed = /^\s*(svc-audit run --resume audit\.yaml --lang (\S+))\s*$/m.exec(first.history());
      expect(printed, first.history()).not.toBeNull();
      expect(printed![2]).toBe(lang);
      expect(saved()).toMatchObject({ status: 'draft', 'x-stopwatch': { 'first-response': expect.any(String) } });
      expect(runCli(['validate', file]).code).toBe(0);

      // The printed command, as printed, from a shell in another language: the audit goes on in its own.
      const second = TmuxPane.start(SOCKET, `${name}-b`, { cwd, env: { ...env, LANG: 'en_US.UTF-8' }, size, args: printed![1]!.split(' ').slice(1) });
      // It opens at the first open item, the text skipped before, and → steps on to the stopwatch.
      await second.waitForText(words.item(1));
      for (const item of [2, 3, 4]) {
        second.keys('Right');
        await second.waitForText(words.item(item));
      }
      expect(second.screen()).toContain(words.running);
      second.keys('s');
      await second.waitForText(words.item(6));
      second.type('12');
      second.keys('Enter');
      await second.waitForText(words.review);
      second.keys('Enter');
      expect(await second.waitForExit()).toBe(0);

      const end = second.history();
      for (const heading of words.end) expect(end).toContain(heading);
      expect(end).toContain(`svc-audit report audit.yaml -o audit.md --lang ${lang}`);
      expect(tooWide(end, size.columns)).toEqual([]);
      const audit = saved();
      expect(audit.status).toBe('complete');
      expect(audit).not.toHaveProperty('x-stopwatch');
      expect(audit.responses).toMatchObject({
        greets: 4,
        'price-tags': { value: false, note: 'no tag on shelf 3', evidence: ['shelf3.jpg'] },
        'matches-need': 3,
        'solution-time': 12,
      });
      expect(audit.responses).not.toHaveProperty('impressions');
      expect(audit.responses['first-response']).toBeGreaterThanOrEqual(1);
      expect(runCli(['validate', file]).stdout).toContain('no problems');
    });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('saves a draft and exits 130 on %s from outside', async (signal) => {
    const cwd = scratchDir();
    const pane = TmuxPane.start(SOCKET, signal, {
      cwd,
      env: { XDG_CONFIG_HOME: path.join(cwd, 'config') },
      args: ['run', DEMO_CHECKLIST, '--site', 'S', '--auditor', 'A', '--date', '2026-11-23', '--out', 'signalled.yaml'],
    });
    await pane.waitForText('item 1/6');
    pane.keys('5');
    await pane.waitForText('item 2/6');
    process.kill(await pane.pid(), signal);
    expect(await pane.waitForExit()).toBe(130);
    expect(pane.screen()).toContain('svc-audit run --resume signalled.yaml --lang en');
    expect(parse(readFileSync(path.join(cwd, 'signalled.yaml'), 'utf8'))).toMatchObject({ status: 'draft', responses: { 'greets-promptly': 5 } });
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('ends at once on %s while it is still starting, before its first prompt', async (signal) => {
    const cwd = scratchDir();
    const pane = TmuxPane.start(SOCKET, `early-${signal}`, { cwd, env: { XDG_CONFIG_HOME: path.join(cwd, 'config') }, args: ['run', DEMO_CHECKLIST] });
    process.kill(await pane.pid(), signal);
    const status = await pane.waitForExit(3000);
    // Killed by the signal (128 + n) before our handlers exist, or ended by them (130): never left waiting.
    expect([130, 128 + (signal === 'SIGTERM' ? 15 : 1)]).toContain(status);
    expect(pane.screen()).not.toContain('? Site');
  });

  it('refuses a --report that is the audit it writes, before any question, exit 2', async () => {
    const cwd = scratchDir();
    const pane = TmuxPane.start(SOCKET, 'same-report', { cwd, env: { XDG_CONFIG_HOME: path.join(cwd, 'config') }, args: ['run', DEMO_CHECKLIST, '--out', 'y.yaml', '--report', './y.yaml'] });
    expect(await pane.waitForExit()).toBe(2);
    expect(pane.history()).toContain('the output ./y.yaml is the input y.yaml; nothing was written');
    expect(existsSync(path.join(cwd, 'y.yaml'))).toBe(false);
  });

  it('says it needs a terminal and exits 2 when stdin is not one', () => {
    const run = runCli(['run', DEMO_CHECKLIST]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a terminal (stdin is not a TTY)');
  });
});
