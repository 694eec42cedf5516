// The tool speaks the user's language from the first word: help and commander's own usage errors
// in Chinese under `--lang zh-CN` or a zh locale, through the built binary.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const COMMANDS = ['validate', 'list', 'show', 'init', 'schema', 'run', 'score', 'report', 'import'];
const ZH_LOCALE = { env: { LANG: 'zh_CN.UTF-8' } };

/** English left in help: three English words in a row (commands, flags and placeholders are fine). */
const ENGLISH_PROSE = /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/i;

describe('help in Chinese', () => {
  it('prints the program help in Chinese under a zh locale', () => {
    const run = runCli(['--help'], ZH_LOCALE);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^用法: svc-audit \[选项\] \[命令\]\n\n审核客户服务:/);
    expect(run.stdout).toContain('\n选项:\n');
    expect(run.stdout).toContain('\n命令:\n');
    expect(run.stdout).toMatch(/-V, --version +显示版本号/);
    expect(run.stdout).toMatch(/help \[命令\] +显示命令的帮助/);
    expect(run.stdout).not.toMatch(ENGLISH_PROSE);
  });

  it.each(COMMANDS)('prints the help of %s in Chinese, with --lang among its options', (command) => {
    for (const run of [runCli([command, '--help'], ZH_LOCALE), runCli(['--lang', 'zh-CN', command, '--help']), runCli([command, '--help', '--lang=zh-CN'])]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^用法: svc-audit ${command} `));
      expect(run.stdout).toMatch(/\n全局选项:\n(.*\n)*  --lang <lang> +消息与标题的语言/);
      expect(run.stdout).not.toMatch(ENGLISH_PROSE);
    }
  });

  it('wraps Chinese help within 80 columns, counting a Chinese character as two', () => {
    const run = runCli(['score', '--help'], ZH_LOCALE);
    const width = (line: string) => [...line].reduce((sum, char) => sum + (/[\u3000-\u9fff]/.test(char) ? 2 : 1), 0);
    expect(Math.max(...run.stdout.split('\n').map(width))).toBeLessThanOrEqual(80);
    expect(run.stdout).toMatch(/--format <format> +输出格式\(可选:"table"、"json"、"csv"、"markdown";默认:\n +"table"\)/);
  });

  it('keeps English help in English, listing --lang under each command', () => {
    const root = runCli(['--help']);
    expect(root.stdout).toMatch(/^Usage: svc-audit \[options\] \[command\]\n\nAudit customer service:/);
    const score = runCli(['score', '--help']);
    expect(score.stdout).toMatch(/^Usage: svc-audit score \[options\] <paths\.\.\.>\n/);
    expect(score.stdout).toContain('\nGlobal Options:\n  -V, --version       output the version number\n  --lang <lang>       language of messages');
    expect(runCli(['score', '--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).not.toBe(score.stdout);
    expect(runCli(['score', '--help', '--lang', 'en'], ZH_LOCALE).stdout).toBe(score.stdout);
  });
});

describe("commander's errors in Chinese", () => {
  const HINT = '(运行时加上 --help 可查看用法)\n';
  it.each([
    [['--bogus'], "错误:未知的选项 '--bogus'\n"],
    [['score', '--fromat', 'json', 'x'], "错误:未知的选项 '--fromat'\n(是否想输入 --format?)\n"],
    [['score'], "错误:缺少必需的参数 'paths'\n"],
    [['score', '--fail-under', 'abc', 'x'], "错误:选项 '--fail-under <n>' 的值 'abc' 无效。应为 0 到 100 之间的分数。\n"],
    [['score', '--fail-under'], "错误:选项 '--fail-under <n>' 缺少值\n"],
    [['score', '--format', 'xml', 'x'], "错误:选项 '--format <format>' 的值 'xml' 无效。可选值:table、json、csv、markdown。\n"],
    [['schema', 'foo'], "错误:参数 'kind' 的值 'foo' 无效。可选值:checklist、audit、map。\n"],
    [['show', 'a', 'b'], "错误:'show' 的参数过多:应为 1 个,实际为 2 个。\n"],
    [['frobnicate'], "错误:未知的命令 'frobnicate'\n"],
    [['valdate', 'x'], "错误:未知的命令 'valdate'\n(是否想输入 validate?)\n"],
  ])('%j', (args, message) => {
    for (const run of [runCli(['--lang', 'zh-CN', ...args]), runCli(args, ZH_LOCALE)]) {
      expect(run.stderr).toBe(`${message}${HINT}`);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(2);
    }
  });

  it('refuses a language it does not speak in the locale\'s language', () => {
    const run = runCli(['--lang', 'fr', 'list'], ZH_LOCALE);
    expect(run.stderr).toBe(`错误:选项 '--lang <lang>' 的值 'fr' 无效。可选值:zh-CN、en。\n${HINT}`);
    expect(run.code).toBe(2);
  });

  it('keeps them in English under --lang en', () => {
    const english = runCli(['score', '--fail-under', 'abc', 'x', '--lang', 'en'], ZH_LOCALE);
    expect(english.stderr).toBe("error: option '--fail-under <n>' argument 'abc' is invalid. expected a score from 0 to 100.\n(run with --help for usage)\n");
    expect(english.code).toBe(2);
  });
});
