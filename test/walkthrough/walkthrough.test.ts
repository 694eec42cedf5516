// The walkthrough driven through @inquirer/testing's screen: whole runs, from the first question to
// the end screen or an interruption, answered with the keys a supervisor would press.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { screen } from '@inquirer/testing/vitest';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/shared/user-error.js';
import { TERMINAL_PROMPTS } from '../../src/walkthrough/prompts/prompt-set.js';
import { runAudit } from '../../src/walkthrough/run-audit.js';
import type { RunOptions } from '../../src/walkthrough/setup.js';
import type { Audit } from '../../src/model/types.js';
import { auditFindings, DEMO_CHECKLIST, FIXTURES, likertChecklistYaml, recordingIo, scratchDir } from './harness.js';

// The stock prompts are wrapped by @inquirer/testing/vitest itself; the item prompt is ours.
vi.mock('../../src/walkthrough/prompts/item-prompt.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/walkthrough/prompts/item-prompt.js')>();
  return { ...actual, itemPrompt: wrapPrompt(actual.itemPrompt) };
});

const NOW = new Date(2026, 10, 23, 9, 12, 0);
const DEFAULT_FILE = 'audits/2026-11-23-store-042.yaml';
const GIVEN = { checklist: DEMO_CHECKLIST, site: 'Store 042', auditor: 'Li Wei', date: '2026-11-23' } as const;

function start(options: Partial<RunOptions> = {}, cwd = scratchDir()) {
  const io = recordingIo(cwd);
  const controller = new AbortController();
  const exit = runAudit(io, { checklists: [FIXTURES], ...options }, { prompts: TERMINAL_PROMPTS, signal: controller.signal, now: () => NOW });
  return { io, cwd, exit, controller, read: (file = DEFAULT_FILE) => parse(readFileSync(path.join(cwd, file), 'utf8')) as Audit };
}

type Key = string | { name: string; ctrl?: boolean };

/** Keys that end a prompt (an answer, a move): each waits for the next prompt to show. */
async function press(...keys: Key[]) {
  for (const key of keys) {
    screen.keypress(key);
    await screen.next();
  }
}

/** Keys that change the prompt on screen (a mode, a cursor), which redraws at once. */
function tap(...keys: Key[]) {
  for (const key of keys) screen.keypress(key);
}

/** Types a line and submits it, waiting for the next prompt. */
async function typeAndEnter(text: string) {
  screen.type(text);
  await press('enter');
}

const ctrlC = { name: 'c', ctrl: true };

afterEach(() => {
  vi.useRealTimers();
});

describe('a walkthrough from start to finish', () => {
  it('answers every item type, then saves a complete audit that validates, and shows the gaps', async () => {
    const run = start({ ...GIVEN, report: 'report.md' });
    await screen.next();
    expect(screen.getScreen()).toContain('item 1/6 · section 1/2 · 0/5 answered');
    expect(screen.getScreen()).toContain('1. Welcome › Greeting');
    expect(screen.getScreen()).toContain('? Greets customers promptly [critical]');
    expect(screen.getScreen()).toContain('Watch the entrance for five minutes');
    expect(screen.getScreen()).toContain('4  good');
    await press('2', 'y');
    await typeAndEnter('45');
    await press('3', '5');
    expect(screen.getScreen()).toContain('? Other remarks');
    await typeAndEnter('tidy shop, 店面整洁');
    expect(screen.getScreen()).toContain('Every item is answered. Finish the audit?');
    screen.keypress('enter');
    expect(await run.exit).toBe('finished');

    const audit = run.read();
    expect(audit).toEqual({
      // Named by a path outside the working folder: an absolute path.
      checklist: DEMO_CHECKLIST,
      site: 'Store 042',
      auditor: 'Li Wei',
      date: '2026-11-23',
      status: 'complete',
      started: expect.stringMatching(/^2026-11-23T09:12:00[+-]\d\d:\d\d$/) as string,
      finished: expect.stringMatching(/^2026-11-23T09:12:00/) as string,
      responses: { 'greets-promptly': 2, smiles: true, 'first-response': 45, 'matches-need': 3, 'price-clear': 5, comments: 'tidy shop, 店面整洁' },
    });
    expect(await auditFindings(path.join(run.cwd, DEFAULT_FILE))).toEqual([]);
    const printed = run.io.out.join('');
    expect(printed).toContain(`✔ audit complete, saved: ${DEFAULT_FILE}`);
    expect(printed).toMatch(/Welcome\s*│\s*72\.9\s*│\s*93\.8\s*│\s*-20\.8/);
    expect(printed).toContain('Greets customers promptly');
    expect(printed).toContain('report: report.md');
    expect(readFileSync(path.join(run.cwd, 'report.md'), 'utf8')).toContain('Store 042');
  });

  it('takes 55 keys for a 54-item likert audit: one digit per item, Enter to finish', async () => {
    const cwd = scratchDir();
    writeFileSync(path.join(cwd, 'likert-54.yaml'), likertChecklistYaml('likert-54'));
    const run = start({ ...GIVEN, checklist: 'likert-54.yaml' }, cwd);
    await screen.next();
    let keys = 0;
    for (let item = 0; item < 54; item++, keys++) await press(String(1 + (item % 5)));
    expect(screen.getScreen()).toContain('Every item is answered');
    screen.keypress('enter');
    keys++;
    expect(await run.exit).toBe('finished');
    expect(keys).toBe(55);
    const audit = run.read();
    expect(audit.status).toBe('complete');
    expect(Object.keys(audit.responses)).toHaveLength(54);
    expect(audit.checklist).toBe('../likert-54.yaml');
  });

  it('asks for what the command line left out and offers the last site and auditor next time', async () => {
    const first = start({ checklist: DEMO_CHECKLIST });
    await screen.next();
    expect(screen.getScreen()).toBe('? Site');
    await typeAndEnter('Store 042');
    await typeAndEnter('Li Wei');
    expect(screen.getScreen()).toBe('? Date (2026-11-23)');
    await press('enter');
    expect(screen.getScreen()).toContain('Walkthrough demo · Store 042 · 2026-11-23');
    screen.keypress(ctrlC);
    expect(await first.exit).toBe('interrupted');

    // Same folder, same config: the checklist is picked from a list with the last one first, the rest is offered.
    mkdirSync(path.join(first.cwd, 'checklists'));
    writeFileSync(path.join(first.cwd, 'checklists/other.yaml'), readFileSync(DEMO_CHECKLIST, 'utf8').replace('id: walk-demo', 'id: other-demo'));
    const second = start({}, first.cwd);
    await screen.next();
    expect(screen.getScreen()).toContain('Checklist');
    expect(screen.getScreen()).toContain('Walkthrough demo');
    await press('enter');
    expect(screen.getScreen()).toBe('? Site (Store 042)');
    await press('enter', 'enter', 'enter');
    screen.keypress(ctrlC);
    expect(await second.exit).toBe('interrupted');
    // The same site on the same day: a second file, the first one untouched.
    expect(existsSync(path.join(first.cwd, 'audits/2026-11-23-store-042-2.yaml'))).toBe(true);
    expect(second.read('audits/2026-11-23-store-042-2.yaml').checklist).toEqual({ id: 'walk-demo', version: '1.2.0' });
  });

  it('refuses to start over an existing --out file', async () => {
    const cwd = scratchDir();
    writeFileSync(path.join(cwd, 'mine.yaml'), 'keep me');
    await expect(start({ ...GIVEN, out: 'mine.yaml' }, cwd).exit).rejects.toThrow(
      'mine.yaml already exists and is never overwritten; to continue a draft use svc-audit run --resume mine.yaml',
    );
    expect(readFileSync(path.join(cwd, 'mine.yaml'), 'utf8')).toBe('keep me');
  });
});

describe('answering', () => {
  it('takes N/A, a note and evidence, each saved at once', async () => {
    const run = start(GIVEN);
    await screen.next();
    tap('o');
    expect(screen.getScreen()).toContain('› note:');
    await typeAndEnter('nobody at the door');
    expect(run.read().responses).toEqual({ 'greets-promptly': { note: 'nobody at the door' } });
    expect(screen.getScreen()).toContain('note: nobody at the door');
    await press('a');
    tap('e');
    await typeAndEnter('photos/014.jpg, https://example.test/clip');
    expect(screen.getScreen()).toContain('evidence: photos/014.jpg, https://example.test/clip');
    await press('n');
    expect(run.read().responses).toEqual({
      'greets-promptly': { na: true, note: 'nobody at the door' },
      smiles: { value: false, evidence: ['photos/014.jpg', 'https://example.test/clip'] },
    });
    screen.keypress(ctrlC);
    expect(await run.exit).toBe('interrupted');
  });

  it('checks measures: a negative time is refused, a slip is questioned, m:ss is read as seconds', async () => {
    const run = start(GIVEN);
    await screen.next();
    await press('4', 'y');
    screen.type('-5');
    tap('enter');
    expect(screen.getScreen()).toContain('cannot be negative');
    tap('backspace', 'backspace');
    // A slip of an extra digit or two is asked about once, then kept if the auditor insists.
    screen.type('4500');
    tap('enter');
    expect(screen.getScreen()).toContain('4500 s is far beyond the limit of 120 s; press Enter again to keep it');
    tap('backspace', 'backspace', 'backspace', 'backspace');
    await typeAndEnter('1:30');
    expect(screen.getScreen()).toContain('item 4/6');
    expect(run.read().responses['first-response']).toBe(90);
    screen.keypress(ctrlC);
    await run.exit;
  });

  it('times a wait with the stopwatch, shown live', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const run = start(GIVEN);
    await screen.next();
    await press('4', 'y');
    tap('s');
    expect(screen.getScreen()).toContain('⏱  0:00  running…');
    vi.advanceTimersByTime(42_300);
    expect(screen.getScreen()).toContain('⏱  0:42  running…');
    await press('s');
    expect(screen.getScreen()).toContain('item 4/6');
    expect(run.read().responses['first-response']).toBe(42);
    screen.keypress(ctrlC);
    await run.exit;
  });
});

describe('moving around', () => {
  it('goes back to change an answer and returns to where the auditor was', async () => {
    const run = start(GIVEN);
    await screen.next();
    expect(screen.getScreen()).not.toContain('back');
    await press('4', 'y');
    await typeAndEnter('20');
    await press('b', 'left');
    expect(screen.getScreen()).toContain('? Staff smile');
    expect(screen.getScreen()).toContain('❯ y  yes');
    await press('n');
    expect(screen.getScreen()).toContain('? The solution matches the need');
    await press('left', 'enter');
    expect(screen.getScreen()).toContain('? The solution matches the need');
    expect(run.read().responses).toEqual({ 'greets-promptly': 4, smiles: false, 'first-response': 20 });
    screen.keypress(ctrlC);
    await run.exit;
  });

  it('jumps to the review of unanswered items and from there to one of them', async () => {
    const run = start(GIVEN);
    await screen.next();
    await press('4', 'r');
    expect(screen.getScreen()).toContain('4 items have no answer yet');
    // Left from item 2, which is listed anyway: no separate way back.
    expect(screen.getScreen()).not.toContain('← back');
    expect(screen.getScreen()).toContain('❯ 2/6  Staff smile');
    tap('down', 'down', 'down');
    expect(screen.getScreen()).toContain('❯ 5/6  Prices are clear');
    await press('enter');
    expect(screen.getScreen()).toContain('? Prices are clear');
    await press('5');
    // The text item after it is open; Tab leaves typing for the keys, → moves on.
    expect(screen.getScreen()).toContain('? Other remarks');
    tap('tab');
    await press('right');
    expect(screen.getScreen()).toContain('3 items have no answer yet');
    expect(screen.getScreen()).toContain('← back to 6/6');
    screen.keypress(ctrlC);
    expect(await run.exit).toBe('interrupted');
    expect(run.read().responses).toEqual({ 'greets-promptly': 4, 'price-clear': 5 });
  });
});

describe('interruptions and resuming', () => {
  it('saves a draft on Ctrl-C and prints the exact command that resumes it', async () => {
    const run = start(GIVEN);
    await screen.next();
    await press('4');
    screen.keypress(ctrlC);
    expect(await run.exit).toBe('interrupted');
    expect(run.io.err.join('')).toBe(
      `\ndraft saved: ${DEFAULT_FILE} (1/5 answered). To continue:\n  svc-audit run --resume ${DEFAULT_FILE} --checklists ${FIXTURES}\n`,
    );
    expect(run.read()).toMatchObject({ status: 'draft', responses: { 'greets-promptly': 4 } });
    expect(await auditFindings(path.join(run.cwd, DEFAULT_FILE))).toEqual([]);
  });

  it('saves a draft when SIGTERM or SIGHUP aborts the prompt from outside', async () => {
    const run = start(GIVEN);
    await screen.next();
    await press('4');
    run.controller.abort('SIGTERM');
    expect(await run.exit).toBe('interrupted');
    expect(run.read()).toMatchObject({ status: 'draft', responses: { 'greets-promptly': 4 } });
  });

  it('saves nothing when interrupted before the audit began', async () => {
    const run = start({ checklist: DEMO_CHECKLIST });
    await screen.next();
    screen.keypress(ctrlC);
    expect(await run.exit).toBe('interrupted');
    expect(run.io.err.join('')).toContain('nothing was saved');
    expect(existsSync(path.join(run.cwd, 'audits'))).toBe(false);
  });

  it('resumes a draft at its first unanswered item and finishes it', async () => {
    const cwd = scratchDir();
    mkdirSync(path.join(cwd, 'audits'));
    const draft = [
      'checklist: {id: walk-demo, version: 1.2.0}',
      'site: Store 042',
      'auditor: Li Wei',
      'date: 2026-11-22',
      'status: draft',
      'started: 2026-11-22T16:00:00+08:00',
      'x-weather: rain',
      'responses:',
      '  greets-promptly: 4',
      '  smiles: {value: true, note: all smiling}',
      '',
    ].join('\n');
    writeFileSync(path.join(cwd, 'audits/draft.yaml'), draft);
    writeFileSync(path.join(cwd, 'audits/.draft.yaml.abc123.tmp'), 'left by a kill');
    const run = start({ resume: 'audits/draft.yaml' }, cwd);
    await screen.next();
    expect(screen.getScreen()).toContain('? Time to first response');
    expect(screen.getScreen()).toContain('item 3/6 · section 1/2 · 2/5 answered');
    await typeAndEnter('30');
    await press('a', '4', 'enter');
    expect(screen.getScreen()).toContain('Every item is answered');
    screen.keypress('enter');
    expect(await run.exit).toBe('finished');
    const audit = run.read('audits/draft.yaml');
    expect(audit).toMatchObject({ status: 'complete', date: '2026-11-22', started: '2026-11-22T16:00:00+08:00', 'x-weather': 'rain' });
    expect(audit.responses).toEqual({
      'greets-promptly': 4,
      smiles: { value: true, note: 'all smiling' },
      'first-response': 30,
      'matches-need': 'na',
      'price-clear': 4,
    });
    expect(existsSync(path.join(cwd, 'audits/.draft.yaml.abc123.tmp'))).toBe(false);
    expect(await auditFindings(path.join(cwd, 'audits/draft.yaml'))).toEqual([]);
  });

  it('refuses to resume a complete audit, a broken file, or with options that would change it', async () => {
    const cwd = scratchDir();
    const complete = { checklist: { id: 'walk-demo', version: '1.2.0' }, site: 'S', auditor: 'A', date: '2026-11-22', status: 'complete', responses: {} };
    writeFileSync(path.join(cwd, 'done.yaml'), JSON.stringify(complete));
    writeFileSync(path.join(cwd, 'broken.yaml'), 'checklist: {id: walk-demo, version: 1.2.0}\nsite: S\nauditor: A\ndate: 2026-11-22\nstatus: draft\nresponses: {smiles: 7}\n');
    await expect(start({ resume: 'done.yaml' }, cwd).exit).rejects.toThrow(UserError);
    const broken = start({ resume: 'broken.yaml' }, cwd);
    await expect(broken.exit).rejects.toThrow('cannot resume broken.yaml: the file has the problems above');
    expect(broken.io.err.join('')).toMatch(/^broken\.yaml:6:21: .*smiles/);
    await expect(start({ resume: 'done.yaml', site: 'Other' }, cwd).exit).rejects.toThrow('leave out --site');
  });
});
