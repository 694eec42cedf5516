// The walkthrough driven through @inquirer/testing's screen: whole runs, from the first question to
// the end screen or an interruption, answered with the keys a supervisor would press.
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
vi.mock('../../src/walkthrough/prompts/pick-prompt.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/walkthrough/prompts/pick-prompt.js')>();
  return { ...actual, pickPrompt: wrapPrompt(actual.pickPrompt) };
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

/** The UTC offset localTimestamp writes for NOW (`+08:00`), whatever zone the tests run in. */
function localOffset(): string {
  const offset = -NOW.getTimezoneOffset();
  const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${two(Math.abs(offset) / 60)}:${two(Math.abs(offset) % 60)}`;
}

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
    // 2 of 5 fails the critical item: its note is asked for at once, then evidence.
    await press('2');
    expect(screen.getScreen()).toContain('Critical item failed; the answer is saved. Note what you saw');
    expect(run.read().responses).toEqual({ 'greets-promptly': 2 });
    await typeAndEnter('nobody at the door');
    expect(screen.getScreen()).toContain('Evidence: photo paths or URLs');
    await typeAndEnter('photos/door.jpg');
    await press('y');
    await typeAndEnter('45');
    await press('3', '5');
    expect(screen.getScreen()).toContain('? Other remarks');
    await typeAndEnter('tidy shop, 店面整洁');
    expect(screen.getScreen()).toContain('Every item is answered. Finish the audit');
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
      responses: { 'greets-promptly': { value: 2, note: 'nobody at the door', evidence: ['photos/door.jpg'] }, smiles: true, 'first-response': 45, 'matches-need': 3, 'price-clear': 5, comments: 'tidy shop, 店面整洁' },
    });
    expect(await auditFindings(path.join(run.cwd, DEFAULT_FILE))).toEqual([]);
    const printed = run.io.out.join('');
    expect(printed).toContain(`✔ audit complete, saved: ${DEFAULT_FILE}`);
    expect(printed).toMatch(/Welcome\s*│\s*72\.9\s*│\s*93\.8\s*│\s*-20\.8/);
    expect(printed).toContain('Greets customers promptly');
    expect(printed).toContain('report: report.md');
    for (const heading of ['Gaps by section', 'Worst factors', 'Critical failures', 'Fix first', 'Score: ']) expect(printed).toContain(heading);
    expect(printed.split('\n').filter((line) => line.length > 80)).toEqual([]);
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
    // The same checklist, site and day: the draft is offered; a new audit is one ↓ away.
    expect(screen.getScreen()).toContain('A draft of this site and day exists');
    expect(screen.getScreen()).toContain('❯ continue audits/2026-11-23-store-042.yaml (0/5 answered)');
    tap('down');
    await press('enter');
    screen.keypress(ctrlC);
    expect(await second.exit).toBe('interrupted');
    // The same site on the same day: a second file, the first one untouched.
    expect(existsSync(path.join(first.cwd, 'audits/2026-11-23-store-042-2.yaml'))).toBe(true);
    expect(second.read('audits/2026-11-23-store-042-2.yaml').checklist).toEqual({ id: 'walk-demo', version: '1.2.0' });
  });

  it('checks --out before any question: an existing file, a draft, a folder, a folder it cannot write to', async () => {
    const cwd = scratchDir();
    writeFileSync(path.join(cwd, 'mine.yaml'), 'keep me');
    const asked = { checklist: DEMO_CHECKLIST };
    await expect(start({ ...asked, out: 'mine.yaml' }, cwd).exit).rejects.toThrow('mine.yaml already exists and is never overwritten; choose another --out FILE');
    expect(readFileSync(path.join(cwd, 'mine.yaml'), 'utf8')).toBe('keep me');
    writeFileSync(path.join(cwd, 'draft.yaml'), 'checklist: {id: walk-demo, version: 1.2.0}\nsite: S\nauditor: A\ndate: 2026-11-22\nstatus: draft\nresponses: {}\n');
    await expect(start({ ...asked, out: 'draft.yaml' }, cwd).exit).rejects.toThrow('to continue that draft use svc-audit run --resume draft.yaml');
    mkdirSync(path.join(cwd, 'audits'));
    const folder = start({ ...asked, out: 'audits' }, cwd).exit;
    await expect(folder).rejects.toThrow('--out audits is a folder; name the audit file in it, e.g. audits/audit.yaml');
    await expect(folder).rejects.not.toThrow('--resume');
    writeFileSync(path.join(cwd, 'plain'), '');
    await expect(start({ ...asked, out: 'plain/q.yaml' }, cwd).exit).rejects.toThrow('cannot write plain/q.yaml: part of');
  });

  it('makes the folders an --out file needs', async () => {
    const cwd = scratchDir();
    const run = start({ ...GIVEN, out: 'new/folder/a.yaml' }, cwd);
    await screen.next();
    await press('4');
    screen.keypress(ctrlC);
    expect(await run.exit).toBe('interrupted');
    expect(run.read('new/folder/a.yaml').responses).toEqual({ 'greets-promptly': 4 });
  });

  it('refuses a --report that is the audit itself, by real path, before anything is written', async () => {
    const cwd = scratchDir();
    mkdirSync(path.join(cwd, 'd'));
    await expect(start({ ...GIVEN, out: 'y.yaml', report: './d/../y.yaml' }, cwd).exit).rejects.toThrow('the output ./d/../y.yaml is the input y.yaml; nothing was written');
    expect(existsSync(path.join(cwd, 'y.yaml'))).toBe(false);
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

  it('runs a stopwatch in the background: start it, answer other items, come back and stop it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const run = start(GIVEN);
    await screen.next();
    await press('4', 'y', 's');
    expect(screen.getScreen()).toContain('⏱  0:00  running');
    // The start is in the draft at once, so Ctrl-C, a crash or a resume lose nothing.
    expect(Object.keys((run.read() as Record<string, unknown>)['x-stopwatch'] as object)).toEqual(['first-response']);
    await press('right');
    vi.advanceTimersByTime(20_000);
    expect(screen.getScreen()).toContain('⏱ 0:20  item 3: Time to first response');
    await press('3', 'b', 'b');
    vi.advanceTimersByTime(22_300);
    expect(screen.getScreen()).toContain('⏱  0:42  running');
    await press('s');
    expect(screen.getScreen()).toContain('item 5/6');
    const saved = run.read() as Record<string, unknown>;
    expect(saved.responses).toEqual({ 'greets-promptly': 4, smiles: true, 'first-response': 42, 'matches-need': 3 });
    expect(saved).not.toHaveProperty('x-stopwatch');
    screen.keypress(ctrlC);
    await run.exit;
  });

  it('keeps a running stopwatch across Ctrl-C and resume', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const first = start(GIVEN);
    await screen.next();
    await press('4', 'y', 's', 'right');
    screen.keypress(ctrlC);
    expect(await first.exit).toBe('interrupted');
    vi.advanceTimersByTime(65_000);
    const second = start({ resume: DEFAULT_FILE }, first.cwd);
    await screen.next();
    expect(screen.getScreen()).toContain('? Time to first response');
    expect(screen.getScreen()).toContain('⏱  1:05  running');
    await press('s');
    expect(second.read().responses['first-response']).toBe(65);
    screen.keypress(ctrlC);
    await second.exit;
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
    expect(screen.getScreen()).toContain('Esc back to item 2');
    expect(screen.getScreen()).toContain('❯ 2/6  Staff smile');
    tap('down', 'down', 'down');
    expect(screen.getScreen()).toContain('❯ 5/6  Prices are clear');
    await press('enter');
    expect(screen.getScreen()).toContain('? Prices are clear');
    await press('5');
    // The text item after it is open; → on its empty field moves on.
    expect(screen.getScreen()).toContain('? Other remarks');
    await press('right');
    expect(screen.getScreen()).toContain('3 items have no answer yet');
    // Esc leaves the review for the item the auditor came from.
    await press('escape');
    expect(screen.getScreen()).toContain('? Other remarks');
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
      `\ndraft saved: ${DEFAULT_FILE} (1/5 answered). To continue:\n  svc-audit run --resume ${DEFAULT_FILE} --lang en --checklists ${FIXTURES}\n`,
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
    const leftover = path.join(cwd, 'audits/.svc-audit-0a1b2c3d4e5f.tmp');
    writeFileSync(leftover, 'left by a kill');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(leftover, anHourAgo, anHourAgo);
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
    expect(existsSync(leftover)).toBe(false);
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
    writeFileSync(path.join(cwd, 'full.yaml'), JSON.stringify({ ...complete, responses: { 'greets-promptly': 4, smiles: true, 'first-response': 30, 'matches-need': 3, 'price-clear': 'na' } }));
    await expect(start({ resume: 'full.yaml' }, cwd).exit).rejects.toThrow('full.yaml is a complete audit; to correct it use svc-audit run --reopen full.yaml');
  });

  it('keeps the text being typed when Ctrl-C comes', async () => {
    const cwd = scratchDir();
    const run = start({ ...GIVEN, out: 'a.yaml' }, cwd);
    await screen.next();
    await press('4', 'y', 'right', '3', '5');
    screen.type('half a remark');
    screen.keypress(ctrlC);
    expect(await run.exit).toBe('interrupted');
    expect(run.read('a.yaml').responses.comments).toBe('half a remark');
  });

  it('keeps the text being typed when the terminal closes (SIGHUP aborts the prompt)', async () => {
    const cwd = scratchDir();
    const run = start({ ...GIVEN, out: 'a.yaml' }, cwd);
    await screen.next();
    await press('4');
    tap('o');
    screen.type('the door was locked');
    run.controller.abort('SIGHUP');
    expect(await run.exit).toBe('interrupted');
    expect(run.read('a.yaml').responses).toEqual({ 'greets-promptly': 4, smiles: { note: 'the door was locked' } });
  });

  it('says why a save failed, in the words of describeWriteError, and keeps the answers saved before', async () => {
    const cwd = scratchDir();
    const run = start({ ...GIVEN, out: 'a.yaml' }, cwd);
    await screen.next();
    await press('4');
    // Something takes the audit's place: the next save cannot replace it.
    rmSync(path.join(cwd, 'a.yaml'));
    mkdirSync(path.join(cwd, 'a.yaml'));
    screen.keypress('y');
    await expect(run.exit).rejects.toThrow('cannot write a.yaml: a folder of that name is in the way (EISDIR); any previous file is unchanged');
    expect(existsSync(path.join(cwd, '.a.yaml.lock'))).toBe(false);
  });

  it('re-opens a complete audit for correction at the list of answers, keeping them and recording when', async () => {
    const cwd = scratchDir();
    const complete = [
      '# corrected later',
      'checklist: {id: walk-demo, version: 1.2.0}',
      'site: S',
      'auditor: A',
      'date: 2026-11-22',
      'status: complete',
      'finished: 2026-11-22T17:00:00+08:00',
      'responses: {greets-promptly: 4, smiles: true, first-response: 30, matches-need: 3, price-clear: na}',
      '',
    ].join('\n');
    writeFileSync(path.join(cwd, 'done.yaml'), complete);
    const run = start({ reopen: 'done.yaml' }, cwd);
    await Promise.race([screen.next(), run.exit]);
    expect(screen.getScreen()).toContain('Every item is answered. Finish the audit, or pick an item to change it');
    expect(screen.getScreen()).toContain('2/6  Staff smile  → yes');
    tap('down', 'down');
    await press('enter');
    expect(screen.getScreen()).toContain('? Staff smile');
    await press('n');
    expect(run.read('done.yaml')).toMatchObject({ status: 'draft', 'x-reopened': ['2026-11-23T09:12:00' + localOffset()] });
    // The next open item is the remark left empty; → passes it, and the list's first entry finishes.
    expect(screen.getScreen()).toContain('? Other remarks');
    await press('right');
    expect(screen.getScreen()).toContain('❯ ✔ Finish and score');
    screen.keypress('enter');
    expect(await run.exit).toBe('finished');
    const text = readFileSync(path.join(cwd, 'done.yaml'), 'utf8');
    expect(text).toContain('# corrected later');
    expect(parse(text)).toMatchObject({ status: 'complete', responses: { smiles: false, 'greets-promptly': 4 }, 'x-reopened': [expect.any(String)] });
    expect(await auditFindings(path.join(cwd, 'done.yaml'))).toEqual([]);
  });

  it('refuses a second run on an audit that is open in a live run', async () => {
    const cwd = scratchDir();
    const first = start({ ...GIVEN, out: 'a.yaml' }, cwd);
    await screen.next();
    await press('4');
    const io = recordingIo(cwd);
    const second = runAudit(io, { checklists: [FIXTURES], resume: 'a.yaml' }, { prompts: TERMINAL_PROMPTS, signal: new AbortController().signal, now: () => NOW });
    await expect(second).rejects.toThrow(/a\.yaml is open in another svc-audit run \(process \d+\)/);
    screen.keypress(ctrlC);
    expect(await first.exit).toBe('interrupted');
    expect(existsSync(path.join(cwd, '.a.yaml.lock'))).toBe(false);
  });
});
