// One item prompt on its own (@inquirer/testing's render): the keys of each item type, and what the
// auditor sees when a key means nothing here.
import { readFileSync } from 'node:fs';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/shared/lang.js';
import { itemPrompt } from '../../src/walkthrough/prompts/item-prompt.js';
import { answer, answerOf, currentSlot, goTo, progressOf, startSession, type Session } from '../../src/walkthrough/session.js';
import type { Checklist, Scale } from '../../src/model/types.js';
import { DEMO_CHECKLIST } from './harness.js';

const checklist = parse(readFileSync(DEMO_CHECKLIST, 'utf8')) as Checklist;
const header = { checklist: { id: 'walk-demo', version: '1.2.0' }, site: 'S', auditor: 'A', date: '2026-11-23' };

function show(session: Session, { lang = 'en' as Lang, scale = checklist.scale } = {}) {
  const slot = currentSlot(session)!;
  const recorded = answerOf(session, slot.item.id);
  return render(itemPrompt, {
    lang,
    colour: new Chalk({ level: 0 }),
    title: 'Demo',
    slot,
    progress: progressOf(session),
    ...(scale && { scale }),
    ...(recorded && { answer: recorded }),
    canGoBack: session.position > 0,
  });
}

const at = (position: number, responses = {}) => goTo(startSession(checklist, header, responses), position);

describe('the item prompt', () => {
  it('answers a 0–10 scale at once when one digit can only mean one point, else on the second digit', async () => {
    const scale: Scale = { min: 0, max: 10 };
    const seven = await show(at(0), { scale });
    expect(seven.getScreen()).toContain(' 0   1   2 ');
    seven.events.keypress('7');
    expect(await seven.answer).toEqual({ kind: 'answer', value: 7 });

    const ten = await show(at(0), { scale });
    ten.events.type('1');
    expect(ten.getScreen()).toContain('› answer: 1');
    ten.events.type('0');
    expect(await ten.answer).toEqual({ kind: 'answer', value: 10 });

    const one = await show(at(0), { scale });
    one.events.type('1');
    one.events.keypress('enter');
    expect(await one.answer).toEqual({ kind: 'answer', value: 1 });
  });

  it('says which keys answer when another is pressed, and that the first item has nothing before it', async () => {
    const check = await show(at(0));
    check.events.keypress('x');
    expect(check.getScreen()).toContain('press 1–5 to answer, or a for N/A');
    check.events.keypress('b');
    expect(check.getScreen()).toContain('this is the first item');
    check.events.keypress('8');
    expect(check.getScreen()).toContain('press 1–5');
    check.events.keypress('enter');
    expect(check.getScreen()).toContain('press 1–5 to answer');
  });

  it('takes the full-width digits of a Chinese input method, and capitals', async () => {
    const likert = await show(at(0));
    likert.events.keypress('４');
    expect(await likert.answer).toEqual({ kind: 'answer', value: 4 });
    const check = await show(at(1));
    // What a real terminal sends for Y (@inquirer/testing's own events carry no sequence).
    const capitalY = { name: 'y', shift: true, sequence: 'Y' };
    check.events.keypress(capitalY);
    expect(await check.answer).toEqual({ kind: 'answer', value: true });
    const measure = await show(at(2));
    measure.events.type('４５');
    measure.events.keypress('enter');
    expect(await measure.answer).toEqual({ kind: 'answer', value: 45 });
  });

  it('keeps a recorded answer on Enter and marks it on the scale', async () => {
    const prompt = await show(at(1, { smiles: false }));
    expect(prompt.getScreen()).toContain('❯ n  no');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'keep' });
  });

  it('opens a text item ready to type, with its text, and skips it on an empty Enter', async () => {
    const filled = await show(answer(at(5), 'comments', 'tidy'));
    expect(filled.getScreen()).toContain('› answer: tidy');
    const empty = await show(at(5));
    empty.events.keypress('enter');
    expect(await empty.answer).toEqual({ kind: 'next' });
  });

  it('cancels the stopwatch with c, and offers it only for times', async () => {
    const timed = await show(at(2));
    expect(timed.getScreen()).toContain('s stopwatch');
    timed.events.keypress('s');
    expect(timed.getScreen()).toContain('running');
    timed.events.keypress('c');
    expect(timed.getScreen()).toContain('› value (s):');
    const share = await show(startSession({ ...checklist, sections: [{ id: 's', title: 'S', factors: [{ id: 'f', title: 'F', items: [{ id: 'p', text: 'Share', type: 'measure', unit: '%', target: 90, limit: 50, better: 'higher' }] }] }] }, header));
    expect(share.getScreen()).not.toContain('stopwatch');
    share.events.keypress('s');
    expect(share.getScreen()).not.toContain('running');
  });

  it('keeps a doubtful measure when Enter is pressed again on it', async () => {
    const prompt = await show(at(2));
    prompt.events.type('4500');
    prompt.events.keypress('enter');
    expect(prompt.getScreen()).toContain('press Enter again to keep it');
    expect(prompt.getScreen()).toContain('› value (s): 4500');
    prompt.events.keypress('enter');
    expect(await prompt.answer).toEqual({ kind: 'answer', value: 4500 });
  });

  it('speaks Chinese', async () => {
    const prompt = await show(at(0), { lang: 'zh-CN' });
    const shown = prompt.getScreen();
    expect(shown).toContain('第 1/6 题 · 第 1/2 部分 · 已答 0/5');
    expect(shown).toContain('1. 接待 › 问候');
    expect(shown).toContain('? 顾客进门后及时问候 [关键]');
    expect(shown).toContain('4  好');
    expect(shown).toContain('a 不适用');
  });
});
