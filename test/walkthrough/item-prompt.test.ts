// One item prompt on its own (@inquirer/testing's render): every key of every input kind, and what
// the auditor sees when a key means nothing here. `type` is text a terminal types into readline's
// line; `keypress` is a key event alone.
import { readFileSync } from 'node:fs';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/shared/lang.js';
import { itemPrompt, type ItemPromptConfig, type Typing } from '../../src/walkthrough/prompts/item-prompt.js';
import { answer, answerNotApplicable, answerOf, currentSlot, goTo, progressOf, setNote, startSession, type Session } from '../../src/walkthrough/session.js';
import type { Checklist, Item, Scale } from '../../src/model/types.js';
import { DEMO_CHECKLIST } from './harness.js';

const checklist = parse(readFileSync(DEMO_CHECKLIST, 'utf8')) as Checklist;
const header = { checklist: { id: 'walk-demo', version: '1.2.0' }, site: 'S', auditor: 'A', date: '2026-11-23' };

function show(session: Session, { lang = 'en' as Lang, scale = checklist.scale, ...more }: { lang?: Lang; scale?: Scale | undefined } & Partial<ItemPromptConfig> = {}) {
  const slot = currentSlot(session)!;
  const recorded = answerOf(session, slot.item.id);
  return render(itemPrompt, {
    lang,
    colour: new Chalk({ level: 0 }),
    title: 'Demo',
    slot,
    checklist: session.checklist,
    progress: progressOf(session),
    ...(scale && { scale }),
    ...(recorded && { answer: recorded }),
    canGoBack: session.position > 0,
    ...more,
  });
}

const at = (position: number, responses = {}) => goTo(startSession(checklist, header, responses), position);
const LIKERT = 0;
const CHECK = 1;
const MEASURE = 2;
const TEXT = 5;

/** A checklist of one item, for units and scales the demo does not have. */
function only(item: Partial<Item>, scale?: Scale): Session {
  return startSession(
    { ...checklist, ...(scale && { scale }), sections: [{ id: 's', title: 'S', factors: [{ id: 'f', title: 'F', items: [{ id: 'only', text: 'The item', ...item } as Item] }] }] },
    header,
  );
}

describe('a scale item', () => {
  it('answers on a digit at once, a full-width one too', async () => {
    const digit = await show(at(LIKERT));
    digit.events.keypress('4');
    expect(await digit.answer).toEqual({ kind: 'answer', value: 4 });
    const wide = await show(at(LIKERT));
    wide.events.keypress('４');
    expect(await wide.answer).toEqual({ kind: 'answer', value: 4 });
  });

  it('answers a 0–10 scale at once when one digit can only mean one point, else on the second digit or Enter', async () => {
    const scale: Scale = { min: 0, max: 10 };
    const seven = await show(at(LIKERT), { scale });
    expect(seven.getScreen()).toContain(' 0   1   2 ');
    seven.events.keypress('7');
    expect(await seven.answer).toEqual({ kind: 'answer', value: 7 });

    const ten = await show(at(LIKERT), { scale });
    ten.events.type('1');
    expect(ten.getScreen()).toContain('› answer: 1');
    ten.events.type('0');
    expect(await ten.answer).toEqual({ kind: 'answer', value: 10 });

    const one = await show(at(LIKERT), { scale });
    one.events.type('1');
    one.events.keypress('enter');
    expect(await one.answer).toEqual({ kind: 'answer', value: 1 });
  });

  it('never takes a letter among digits as a command', async () => {
    const prompt = await show(at(LIKERT), { scale: { min: 0, max: 10 } });
    prompt.events.type('1');
    prompt.events.type('a');
    expect(prompt.getScreen()).toContain('type a whole number from 0 to 10');
    expect(prompt.getScreen()).toContain('› answer: 1');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 1 });
  });

  it('moves a highlight with ↑/↓ and answers with Enter; a new item starts on nothing, so Enter alone answers nothing', async () => {
    const prompt = await show(at(LIKERT));
    expect(prompt.getScreen()).not.toContain('❯');
    prompt.events.keypress('enter');
    expect(prompt.getScreen()).toContain('press 1–5 to answer, or ↑↓ then Enter, or a for N/A');
    prompt.events.keypress('down');
    expect(prompt.getScreen()).toContain('❯ 1  very poor');
    prompt.events.keypress('down');
    prompt.events.keypress('down');
    prompt.events.keypress('up');
    expect(prompt.getScreen()).toContain('❯ 2  poor');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 2 });

    const fromTop = await show(at(LIKERT));
    fromTop.events.keypress('up');
    fromTop.events.keypress('enter');
    expect(await fromTop.answer).toEqual({ kind: 'answer', value: 5 });
  });

  it('starts a revisited item on its answer: Enter keeps it, ↓ Enter changes it', async () => {
    const kept = await show(at(LIKERT, { 'greets-promptly': 4 }));
    expect(kept.getScreen()).toContain('❯ 4  good');
    kept.events.keypress('enter');
    expect(await kept.answer).toEqual({ kind: 'keep' });
    const changed = await show(at(LIKERT, { 'greets-promptly': 4 }));
    changed.events.keypress('down');
    changed.events.keypress('enter');
    expect(await changed.answer).toEqual({ kind: 'answer', value: 5 });
  });

  it('never lists a scale of a billion points: the range is shown, digits and ↑/↓ still answer', async () => {
    const huge: Scale = { min: 1, max: 1_000_000_000, labels: { '1': 'none', '1000000000': 'all' } };
    const prompt = await show(only({}, huge), { scale: huge });
    const screen = prompt.getScreen();
    expect(screen).toContain('1  none');
    expect(screen).toContain('1000000000  all');
    expect(screen).toContain('(1 lowest, 1000000000 highest)');
    expect(screen.split('\n').length).toBeLessThan(30);
    prompt.events.type('537');
    expect(prompt.getScreen()).toContain('› answer: 537');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 537 });

    const unlabelled: Scale = { min: -1_000_000_000, max: 1_000_000_000 };
    const counted = await show(only({}, unlabelled), { scale: unlabelled });
    expect(counted.getScreen()).toContain('a whole number from -1000000000 to 1000000000');
    counted.events.keypress('down');
    counted.events.keypress('down');
    expect(counted.getScreen()).toContain('[-999999999]');
    counted.events.keypress('enter');
    expect(await counted.answer).toEqual({ kind: 'answer', value: -999_999_999 });
  });

  it('says which keys answer when another is pressed, and that the first item has nothing before it', async () => {
    const prompt = await show(at(LIKERT));
    prompt.events.keypress('x');
    expect(prompt.getScreen()).toContain('press 1–5 to answer');
    prompt.events.keypress('b');
    expect(prompt.getScreen()).toContain('this is the first item');
    prompt.events.keypress('8');
    expect(prompt.getScreen()).toContain('press 1–5');
  });
});

describe('the keys every item shares', () => {
  it.each([
    ['a', { kind: 'na' }],
    ['b', { kind: 'back' }],
    ['left', { kind: 'back' }],
    ['right', { kind: 'next' }],
    ['r', { kind: 'review' }],
    ['q', { kind: 'quit' }],
  ] as const)('%s on a scale, a yes/no and an empty number item', async (key, action) => {
    for (const position of [LIKERT + 3, CHECK, MEASURE]) {
      const prompt = await show(at(position));
      prompt.events.keypress(key);
      expect(await prompt.answer).toEqual(action);
    }
  });

  it('o writes a note (Enter saves it, Esc leaves it as it was), e the evidence', async () => {
    const note = await show(at(CHECK));
    note.events.keypress('o');
    expect(note.getScreen()).toContain('› note:');
    expect(note.getScreen()).toContain('Enter record · Esc clear');
    note.events.type('y n a 4');
    expect(note.getScreen()).toContain('› note: y n a 4');
    note.events.keypress('enter');
    expect(await note.answer).toEqual({ kind: 'note', note: 'y n a 4' });

    const cancelled = await show(setNote(at(CHECK), 'smiles', 'kept'));
    cancelled.events.keypress('o');
    expect(cancelled.getScreen()).toContain('› note: kept');
    cancelled.events.keypress('escape');
    expect(cancelled.getScreen()).not.toContain('› note');
    cancelled.events.keypress('y');
    expect(await cancelled.answer).toEqual({ kind: 'answer', value: true });

    const evidence = await show(at(CHECK));
    evidence.events.keypress('e');
    evidence.events.type('a.jpg, b.jpg,c.jpg');
    evidence.events.keypress('enter');
    expect(await evidence.answer).toEqual({ kind: 'evidence', evidence: ['a.jpg', ' b.jpg', 'c.jpg'] });
  });

  it('? shows every key with what it does', async () => {
    const prompt = await show(at(MEASURE));
    prompt.events.keypress('?');
    const screen = prompt.getScreen();
    for (const line of ['digits', 's          start a stopwatch', 'a          N/A', 'o          note', 'q          save & quit']) expect(screen).toContain(line);
    prompt.events.keypress('?');
    expect(prompt.getScreen()).not.toContain('a          N/A');
  });
});

describe('a yes/no item', () => {
  it.each([
    ['y', true],
    ['n', false],
  ] as const)('answers %s at once, and a capital too', async (key, value) => {
    const small = await show(at(CHECK));
    small.events.keypress(key);
    expect(await small.answer).toEqual({ kind: 'answer', value });
    const capital = await show(at(CHECK));
    // What a real terminal sends for Y (@inquirer/testing's own events carry no sequence).
    capital.events.keypress({ name: key, shift: true, sequence: key.toUpperCase() } as never);
    expect(await capital.answer).toEqual({ kind: 'answer', value });
  });

  it('moves between yes and no with ↑/↓, and Enter answers only once something is highlighted', async () => {
    const prompt = await show(at(CHECK));
    prompt.events.keypress('enter');
    expect(prompt.getScreen()).toContain('press y (yes) or n (no), or a for N/A');
    prompt.events.keypress('down');
    expect(prompt.getScreen()).toContain('❯ y  yes');
    prompt.events.keypress('down');
    expect(prompt.getScreen()).toContain('❯ n  no');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: false });
  });

  it('keeps a recorded answer on Enter and marks it', async () => {
    const prompt = await show(at(CHECK, { smiles: false }));
    expect(prompt.getScreen()).toContain('❯ n  no');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'keep' });
  });

  it('starts on nothing after N/A', async () => {
    const prompt = await show(answerNotApplicable(at(CHECK), 'smiles'));
    expect(prompt.getScreen()).not.toContain('❯');
    expect(prompt.getScreen()).toContain('answer: N/A');
  });
});

describe('a number item', () => {
  it('takes digits, a decimal point and m:ss', async () => {
    for (const [typed, value] of [
      ['45', 45],
      ['４５', 45],
      ['1:30', 90],
      ['12.5', 12.5],
      ['12,5', 12.5],
    ] as const) {
      const prompt = await show(at(MEASURE));
      prompt.events.type(typed);
      prompt.events.keypress('enter');
      expect(await prompt.answer).toEqual({ kind: 'answer', value });
    }
  });

  it('never takes a letter typed inside a number as a command: abc after 4 leaves 4', async () => {
    const prompt = await show(at(MEASURE));
    prompt.events.type('4');
    for (const letter of ['a', 'b', 'c', 'q', 'r']) prompt.events.type(letter);
    expect(prompt.getScreen()).toContain('› value (s): 4');
    expect(prompt.getScreen()).toContain('a number takes digits, a decimal point and : (m:ss) only');
    prompt.events.type('5');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 45 });
  });

  it('moves the cursor with ←/→ inside a number, and goes back only when the field is empty', async () => {
    const prompt = await show(at(MEASURE));
    prompt.events.type('45');
    prompt.events.keypress('left');
    prompt.events.keypress('right');
    expect(prompt.getScreen()).toContain('› value (s): 45');
    prompt.events.keypress('escape');
    expect(prompt.getScreen()).toMatch(/› value \(s\):\s*\n/);
    prompt.events.keypress('left');
    expect(await prompt.answer).toEqual({ kind: 'back' });
  });

  it('refuses a number too large to be finite (400 digits), so no `.inf` is ever written', async () => {
    const prompt = await show(at(MEASURE));
    prompt.events.type('9'.repeat(400));
    prompt.events.keypress('enter');
    expect(prompt.getScreen()).toContain('type a number in s (e.g. 45 or 1:30)');
    prompt.events.keypress('escape');
    prompt.events.type('30');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 30 });
  });

  it('keeps a recorded answer on Enter in an empty field; Enter on a new empty field says how to answer', async () => {
    const kept = await show(at(MEASURE, { 'first-response': 45 }));
    expect(kept.getScreen()).toContain('answer: 45 s');
    kept.events.keypress('enter');
    expect(await kept.answer).toEqual({ kind: 'keep' });
    const fresh = await show(at(MEASURE));
    fresh.events.keypress('enter');
    expect(fresh.getScreen()).toContain('type the value in s and press Enter, or a for N/A');
  });

  it('keeps a doubtful measure when Enter is pressed again on it', async () => {
    const prompt = await show(at(MEASURE));
    prompt.events.type('4500');
    prompt.events.keypress('enter');
    expect(prompt.getScreen()).toContain('press Enter again to keep it');
    expect(prompt.getScreen()).toContain('› value (s): 4500');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 4500 });
  });
});

describe('a stopwatch', () => {
  it('starts with s, leaving the item so others can be answered while it runs', async () => {
    const prompt = await show(at(MEASURE), { clock: () => 1_000 });
    expect(prompt.getScreen()).toContain('s start a stopwatch');
    prompt.events.keypress('s');
    expect(await prompt.answer).toEqual({ kind: 'start-stopwatch', at: 1_000 });
  });

  it('shows the time running on its item; s stops it and records whole seconds, c cancels', async () => {
    let now = 100_000;
    const clock = () => now;
    const running = await show(at(MEASURE), { clock, stopwatchSince: 58_200 });
    expect(running.getScreen()).toContain('⏱  0:41  running');
    now += 1_000;
    running.events.keypress('s');
    expect(await running.answer).toEqual({ kind: 'answer', value: 43 });
    const cancelled = await show(at(MEASURE), { clock, stopwatchSince: 58_200 });
    cancelled.events.keypress('c');
    expect(await cancelled.answer).toEqual({ kind: 'cancel-stopwatch' });
  });

  it('records minutes with two decimals, and is offered only for times', async () => {
    const minutes = await show(only({ type: 'measure', unit: 'min', target: 5, limit: 20 }), { clock: () => 90_000 + 7 * 60_000, stopwatchSince: 0 });
    expect(minutes.getScreen()).toContain('⏱  8:30');
    minutes.events.keypress('s');
    expect(await minutes.answer).toEqual({ kind: 'answer', value: 8.5 });
    const share = await show(only({ type: 'measure', unit: '%', target: 90, limit: 50, better: 'higher' }));
    expect(share.getScreen()).not.toContain('stopwatch');
    share.events.keypress('s');
    expect(share.getScreen()).toContain('type the value in %');
  });

  it('shows the stopwatches running on other items', async () => {
    const prompt = await show(at(LIKERT), { clock: () => 75_000, otherStopwatches: [{ itemNumber: 3, title: 'Time to first response', since: 0 }] });
    expect(prompt.getScreen()).toContain('⏱ 1:15  item 3: Time to first response');
  });
});

describe('a text item', () => {
  it('is a field from the start: every key types, digits and shortcuts included', async () => {
    const typing: (Typing | undefined)[] = [];
    const prompt = await show(at(TEXT), { onTyping: (now) => typing.push(now) });
    prompt.events.type('4 3 3 y a q ? r');
    expect(prompt.getScreen()).toContain('› answer: 4 3 3 y a q ? r');
    expect(typing.at(-1)).toEqual({ field: 'value', text: '4 3 3 y a q ? r' });
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: '4 3 3 y a q ? r' });
  });

  it('skips on Enter or → in an empty field', async () => {
    for (const key of ['enter', 'right']) {
      const prompt = await show(at(TEXT));
      prompt.events.keypress(key);
      expect(await prompt.answer).toEqual({ kind: 'next' });
    }
  });

  it('opens with its text; emptied, it is cleared', async () => {
    const filled = await show(answer(at(TEXT), 'comments', 'tidy'));
    expect(filled.getScreen()).toContain('› answer: tidy');
    for (let i = 0; i < 4; i++) filled.events.keypress('backspace');
    filled.events.keypress('enter');
    expect(await filled.answer).toEqual({ kind: 'clear' });
  });

  it('leaves the field with Esc for the other keys, and goes back into it with Enter', async () => {
    const prompt = await show(at(TEXT));
    prompt.events.type('half');
    prompt.events.keypress('escape');
    expect(prompt.getScreen()).toContain('o note');
    prompt.events.keypress('x');
    expect(prompt.getScreen()).toContain('press Enter to type');
    prompt.events.keypress('enter');
    prompt.events.type(' done');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 'half done' });

    const back = await show(at(TEXT));
    back.events.keypress('escape');
    back.events.keypress('b');
    expect(await back.answer).toEqual({ kind: 'back' });
  });
});

describe('layout', () => {
  const narrow = (columns: number) => ({ columns: () => columns, onResize: () => () => undefined });

  it('wraps the wording at word boundaries within the terminal width', async () => {
    const long = 'The staff member greets every customer within ten seconds of entering, looking up from any paperwork';
    const prompt = await show(only({ text: long, guidance: 'Watch the entrance from outside for five minutes, without being seen' }), { terminal: narrow(40) });
    const lines = prompt.getScreen().split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    const words = long.split(' ');
    const shown = lines.join(' ');
    for (const word of words) expect(shown).toContain(word);
  });

  it('speaks Chinese, two columns a character', async () => {
    const prompt = await show(at(LIKERT), { lang: 'zh-CN' });
    const shown = prompt.getScreen();
    expect(shown).toContain('第 1/6 题 · 第 1/2 部分 · 已答 0/5');
    expect(shown).toContain('1. 接待 › 问候');
    expect(shown).toContain('? 顾客进门后及时问候 [关键]');
    expect(shown).toContain('4  好');
    expect(shown).toContain('a 不适用');
  });
});
