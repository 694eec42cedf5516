// Text from files reaches a terminal without its control characters: a site name, a note, the title
// of a custom checklist, a misspelt key or a file name that carries escape sequences (clear the
// screen, set the window title, move the cursor), a lone carriage return (overwrite what was printed)
// or a bidirectional override (make text read differently from what it is) is shown as plain text.
// JSON is for programs and stays exact: the raw text, JSON-escaped.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { localize } from '../../src/shared/lang.js';
import { itemPrompt } from '../../src/walkthrough/prompts/item-prompt.js';
import { answerText, choiceLines, headerLines, howToAnswer, recordLines, shortTitle } from '../../src/walkthrough/prompts/item-view.js';
import { answerOf, currentSlot, goTo, progressOf, startSession } from '../../src/walkthrough/session.js';
import type { Checklist } from '../../src/model/types.js';
import { runCli, type CliRun } from '../helpers/cli.js';

// Everything a hostile file might carry: CSI (clear screen, colour), OSC (window title, ended by BEL
// and by ST), a lone CR, C1 CSI, NUL, DEL, bidi overrides and isolates.
const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;owned\u0007';
const HOSTILE = `${CLEAR}${TITLE}\u001b]8;;http://x\u001b\\ \rover\u202ereversed\u2066iso\u2069\u009b31m\u0000\u007f\u0085end`;
const hostile = (text: string) => `${text}${HOSTILE}`;

/** What must never reach a terminal: ESC, BEL and every other C0 but tab and LF, CR not before LF, C1, bidi controls. */
const CONTROL = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/u;

function expectPlain(run: CliRun): void {
  for (const [name, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ] as const) {
    const found = CONTROL.exec(text);
    expect(found && `${name}: ${JSON.stringify(text.slice(Math.max(0, found.index - 40), found.index + 20))}`).toBeNull();
  }
}

/** A YAML double-quoted scalar holding `text` exactly, whatever characters it has. */
function q(text: string): string {
  return `"${[...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (char === '"' || char === '\\') return `\\${char}`;
      return code >= 0x20 && code < 0x7f ? char : code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('')}"`;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-control-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const checklists = path.join(scratch, 'checklists');
const audits = path.join(scratch, 'audits');
const bad = path.join(scratch, 'bad');
mkdirSync(checklists);
mkdirSync(audits);
mkdirSync(bad);

const CHECKLIST = path.join(checklists, 'hostile.yaml');
writeFileSync(
  CHECKLIST,
  [
    'id: hostile-list',
    'version: 1.0.0',
    `title: {en: ${q(hostile('Hostile list'))}, zh-CN: ${q(hostile('恶意清单'))}}`,
    `description: ${q(hostile('about'))}`,
    `scale: {min: 1, max: 5, labels: {1: ${q(hostile('Poor'))}, 5: ${q(hostile('Top'))}}}`,
    'expected: 4',
    'sections:',
    '  - id: main',
    `    title: ${q(hostile('Main section'))}`,
    '    factors:',
    '      - id: staff',
    `        title: ${q(hostile('Staff'))}`,
    '        items:',
    '          - id: greets',
    `            text: ${q(hostile('Greets'))}`,
    `            guidance: ${q(hostile('Look'))}`,
    '            critical: true',
    '          - id: wait',
    '            type: measure',
    `            text: ${q(hostile('Wait'))}`,
    `            unit: ${q(hostile('s'))}`,
    '            better: lower',
    '            target: 30',
    '            limit: 120',
    '          - id: remarks',
    '            type: text',
    `            text: ${q(hostile('Remarks'))}`,
    '',
  ].join('\n'),
);

const SITE = hostile('Store 1');
const NOTE = hostile('note');
const audit = (site: string, greets: number) =>
  [
    'checklist: {id: hostile-list, version: 1.0.0}',
    `site: ${q(site)}`,
    `auditor: ${q(hostile('Auditor'))}`,
    'date: 2026-11-23',
    'status: complete',
    'responses:',
    `  greets: {value: ${greets}, note: ${q(NOTE)}, evidence: [${q(hostile('photo.jpg'))}, ${q(hostile('https://example.com/a'))}]}`,
    `  wait: {value: 45, note: ${q(NOTE)}}`,
    `  remarks: ${q(hostile('remark'))}`,
    '',
  ].join('\n');
const GOOD = path.join(audits, 'store-1.yaml');
writeFileSync(GOOD, audit(SITE, 2));
writeFileSync(path.join(audits, 'store-2.yaml'), audit(hostile('Store 2'), 5));

// Audits with every kind of finding that quotes file text back: a misspelt key, a value not allowed, a
// bad date; bad answers (one message names the unit); a misspelt response key; a YAML syntax error; a
// file whose very name carries escape sequences; and a checklist with bad ids and a misspelt key.
const MISSPELT = hostile('sit');
writeFileSync(
  path.join(bad, 'audit.yaml'),
  [
    'checklist: {id: hostile-list, version: 1.0.0}',
    `${q(MISSPELT)}: Store 3`,
    `site: ${q(SITE)}`,
    `auditor: ${q(hostile('Auditor'))}`,
    `date: ${q(hostile('2026'))}`,
    `status: ${q(hostile('done'))}`,
    'responses: {}',
    '',
  ].join('\n'),
);
writeFileSync(
  path.join(bad, 'responses.yaml'),
  [
    'checklist: {id: hostile-list, version: 1.0.0}',
    `site: ${q(SITE)}`,
    'auditor: A',
    'date: 2026-11-23',
    'status: draft',
    'responses:',
    `  greets: ${q(hostile('four'))}`,
    `  wait: ${q(hostile('forty'))}`,
    '',
  ].join('\n'),
);
writeFileSync(
  path.join(bad, 'response-key.yaml'),
  ['checklist: {id: hostile-list, version: 1.0.0}', 'site: S', 'auditor: A', 'date: 2026-11-23', 'status: draft', 'responses:', `  ${q(hostile('gr'))}: 3`, ''].join('\n'),
);
writeFileSync(
  path.join(bad, 'checklist.yaml'),
  [
    `id: ${q(hostile('Bad'))}`,
    `version: ${q(hostile('1'))}`,
    `title: ${q(hostile('t'))}`,
    `${q(hostile('titel'))}: x`,
    'scale: {min: 1, max: 5}',
    'sections:',
    `  - id: ${q(hostile('dup'))}`,
    '    title: a',
    '    factors: [{id: f, title: f, items: [{id: i, text: i}]}]',
    `  - id: ${q(hostile('dup'))}`,
    '    title: b',
    '    factors: [{id: f, title: f, items: [{id: j, text: j}]}]',
    '',
  ].join('\n'),
);
// Raw escape sequences (no NUL, which would make it a binary file) in a file that is not valid YAML.
writeFileSync(path.join(bad, 'syntax.yaml'), `site: x\n  - ${CLEAR}${TITLE}\roops\u202e: [\n`);
const BAD_NAME = path.join(bad, `${hostile('evil')}.yaml`.replace(/[\u0000/]/g, ''));
writeFileSync(BAD_NAME, 'checklist: {id: hostile-list, version: 1.0.0}\nresponses: {}\nsite: 5\n');

describe('validate, text format', () => {
  const run = runCli(['validate', '--checklists', checklists, checklists, audits, bad]);

  it('reports every finding without a control character', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[unknown-key]');
    for (const code of ['bad-value', 'bad-date', 'not-allowed', 'bad-id', 'bad-version', 'yaml-syntax', 'wrong-type']) expect(run.stdout).toContain(`[${code}]`);
    expect(run.stdout).toContain('response-key.yaml:7:3: unknown key "gr');
    expect(run.stdout).toContain('evil');
    expectPlain(run);
  });

  it('also in Chinese', () => {
    expectPlain(runCli(['validate', '--lang', 'zh-CN', '--checklists', checklists, checklists, audits, bad]));
  });

  it('keeps the raw text in JSON, JSON-escaped', () => {
    const json = runCli(['validate', '--format', 'json', '--checklists', checklists, bad]);
    expect(json.code).toBe(1);
    const { findings } = JSON.parse(json.stdout) as { findings: { file: string; code: string; message: string }[] };
    expect(findings.map((finding) => finding.file)).toContain(BAD_NAME);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });
});

describe('score, table format', () => {
  it('shows one audit in detail without a control character', () => {
    const run = runCli(['score', '--checklists', checklists, GOOD]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Store 1');
    expect(run.stdout).toContain('Main section');
    expectPlain(run);
  });

  it('shows many audits, and the files that are not valid, without a control character', () => {
    const run = runCli(['score', '--checklists', checklists, audits, bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Store 2');
    expect(run.stderr).toContain('[unknown-key]');
    expectPlain(run);
    expectPlain(runCli(['score', '--lang', 'zh-CN', '--checklists', checklists, audits, bad]));
  });

  it('keeps the raw text in JSON, JSON-escaped', () => {
    const run = runCli(['score', '--format', 'json', '--checklists', checklists, GOOD]);
    expect(run.code).toBe(0);
    const { audits: results } = JSON.parse(run.stdout) as { audits: { site: string; auditor: string }[] };
    expect(results[0]!.site).toBe(SITE);
    expect(results[0]!.auditor).toBe(hostile('Auditor'));
    expect(run.stdout).toContain(JSON.stringify(SITE));
  });
});

describe('show and list', () => {
  it('draw a custom checklist without a control character', () => {
    const show = runCli(['show', '--checklists', checklists, 'hostile-list']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Greets');
    expectPlain(show);
    expectPlain(runCli(['show', '--lang', 'zh-CN', CHECKLIST]));
    const list = runCli(['list', '--checklists', checklists]);
    expect(list.stdout).toContain('Hostile list');
    expectPlain(list);
  });
});

// The walkthrough draws its screens in-process (a terminal is needed to run it end to end): each
// screen of a custom checklist with hostile wording, resumed from an audit with hostile notes.
describe('run, the walkthrough screens', () => {
  const checklist = parse(readFileSync(CHECKLIST, 'utf8')) as Checklist;
  const header = { checklist: { id: 'hostile-list', version: '1.0.0' }, site: SITE, auditor: 'A', date: '2026-11-23' };
  const responses = { greets: { value: 5, note: NOTE, evidence: [hostile('photo.jpg')] }, wait: { value: 45, note: NOTE }, remarks: hostile('remark') };
  /** What a terminal would show besides the prompt library's own cursor movements. */
  const leaks = (screen: string) => /\u001b\[2J|\u001b\]|\u0007|\u009b|[\u202a-\u202e\u2066-\u2069]|\r(?!\n)|\u0000|\u007f/u.exec(screen)?.[0];

  it.each([0, 1, 2])('item %i, and after keys that show a message, a note being edited and a recorded answer', async (position) => {
    const session = goTo(startSession(checklist, header, responses), position);
    const slot = currentSlot(session)!;
    const recorded = answerOf(session, slot.item.id);
    const config = {
      lang: 'en' as const,
      colour: new Chalk({ level: 0 }),
      title: `${localize(checklist.title, 'en')} · ${SITE} · 2026-11-23`,
      slot,
      checklist,
      progress: progressOf(session),
      ...(checklist.scale && { scale: checklist.scale }),
      ...(recorded && { answer: recorded }),
      canGoBack: position > 0,
    };
    const prompt = await render(itemPrompt, config);
    const screens = [prompt.getScreen({ raw: true })];
    if (position !== 2) {
      prompt.events.keypress('x');
      screens.push(prompt.getScreen({ raw: true }));
      prompt.events.keypress('o');
      screens.push(prompt.getScreen({ raw: true }));
    }
    for (const screen of screens) expect(leaks(screen)).toBeUndefined();
    expect(screens[0]).toContain(position === 2 ? 'Remarks' : position === 1 ? 'Wait' : 'Greets');
    const lines = [...headerLines(config), ...choiceLines(config), ...recordLines(config), shortTitle(config), howToAnswer(config), answerText(config, recorded) ?? ''];
    expect(lines.filter((line) => CONTROL.test(line))).toEqual([]);
  });
});
