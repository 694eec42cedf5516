// `svc-audit run` in a real terminal (tmux): a few answers, Ctrl-C, the draft and exit 130, the
// printed resume command run as printed, the rest answered, and a complete audit that validates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO_CHECKLIST, scratchDir } from '../walkthrough/harness.js';
import { HAS_TMUX, killTmuxServer, TmuxPane } from './tmux-pane.js';

const SOCKET = `svc-audit-run-${process.pid}`;
afterAll(() => killTmuxServer(SOCKET));

describe.skipIf(!HAS_TMUX)('run in a terminal', () => {
  it('keeps a draft on Ctrl-C, resumes with the printed command, and finishes a valid audit', async () => {
    const cwd = scratchDir();
    const env = { XDG_CONFIG_HOME: path.join(cwd, 'config') };
    const first = TmuxPane.start(SOCKET, 'first', { cwd, env, args: ['run', DEMO_CHECKLIST, '--site', 'Store 042', '--auditor', 'Li Wei'] });
    await first.waitForText('? Date (');
    first.keys('Enter');
    await first.waitForText('item 1/6');
    first.keys('4');
    await first.waitForText('item 2/6');
    first.keys('y');
    await first.waitForText('item 3/6');
    first.type('45');
    first.keys('Enter');
    await first.waitForText('item 4/6');
    first.keys('C-c');
    expect(await first.waitForExit()).toBe(130);

    const shown = first.screen();
    const command = /^\s*(svc-audit run --resume (\S+))\s*$/m.exec(shown);
    expect(command, shown).not.toBeNull();
    const file = path.join(cwd, command![2]!);
    expect(path.relative(cwd, file)).toMatch(/^audits\/\d{4}-\d\d-\d\d-store-042\.yaml$/);
    const draft = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(draft).toMatchObject({ status: 'draft', responses: { 'greets-promptly': 4, smiles: true, 'first-response': 45 } });
    expect(runCli(['validate', file]).code).toBe(0);

    // The printed command, as printed (only `svc-audit` stands for the built binary).
    const second = TmuxPane.start(SOCKET, 'second', { cwd, env, args: command![1]!.split(' ').slice(1) });
    await second.waitForText('item 4/6 · section 2/2 · 3/5 answered');
    second.keys('3');
    await second.waitForText('item 5/6');
    second.keys('a');
    await second.waitForText('item 6/6');
    second.type('tidy, 整洁');
    second.keys('Enter');
    await second.waitForText('Finish the audit?');
    second.keys('Enter');
    expect(await second.waitForExit()).toBe(0);
    expect(second.screen()).toContain('Gaps by section');

    const complete = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(complete).toMatchObject({
      status: 'complete',
      responses: { 'greets-promptly': 4, smiles: true, 'first-response': 45, 'matches-need': 3, 'price-clear': 'na', comments: 'tidy, 整洁' },
    });
    const validated = runCli(['validate', file]);
    expect(validated.stdout).toContain('no problems');
    expect(validated.code).toBe(0);
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
    expect(pane.screen()).toContain('svc-audit run --resume signalled.yaml');
    expect(parse(readFileSync(path.join(cwd, 'signalled.yaml'), 'utf8'))).toMatchObject({ status: 'draft', responses: { 'greets-promptly': 5 } });
  });

  it('says it needs a terminal and exits 2 when stdin is not one', () => {
    const run = runCli(['run', DEMO_CHECKLIST]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a terminal (stdin is not a TTY)');
  });
});
