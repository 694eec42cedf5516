// How one item looks on screen, as pure functions of what is known about it: where the auditor is
// (title, progress bar, section and factor), what to look at (text, guidance), how to answer (the
// scale with its labels, yes/no, a number in a unit), and what is already recorded.
import type { ChalkInstance } from 'chalk';
import { isScored, typeOf } from '../../model/item-types/index.js';
import type { Answer } from '../../model/responses.js';
import { plainLine, plainText } from '../../shared/plain-text.js';
import { localize, t, type Lang } from '../../shared/lang.js';
import type { Scale } from '../../model/types.js';
import type { Progress, Slot } from '../session.js';
import { isTimeUnit } from './measure.js';

export interface ItemScreen {
  readonly lang: Lang;
  readonly colour: ChalkInstance;
  /** The audit at a glance: checklist title, site, date. */
  readonly title: string;
  readonly slot: Slot;
  readonly progress: Progress;
  /** The item's likert scale (its own or the checklist's). */
  readonly scale?: Scale;
  readonly answer?: Answer;
  /** False on the first item. */
  readonly canGoBack: boolean;
}

/**
 * Text from a checklist or a resumed audit file (titles, units, labels, the site) as it may reach the
 * screen: no escape sequences or other control characters (`plainText`, which the longer texts —
 * wording, guidance, notes — go through too), and on one line, since a line break inside a title or
 * a choice would tear the prompt's layout.
 */
export function screenText(text: string): string {
  return plainLine(text);
}

const BAR_WIDTH = 24;

export function progressBar({ answered, scored }: Progress, colour: ChalkInstance): string {
  const filled = scored === 0 ? BAR_WIDTH : Math.round((answered / scored) * BAR_WIDTH);
  return colour.green('█'.repeat(filled)) + colour.dim('░'.repeat(BAR_WIDTH - filled));
}

export function progressLabel(progress: Progress, lang: Lang): string {
  return t(
    lang,
    `第 ${progress.item}/${progress.items} 题 · 第 ${progress.section}/${progress.sections} 部分 · 已答 ${progress.answered}/${progress.scored}`,
    `item ${progress.item}/${progress.items} · section ${progress.section}/${progress.sections} · ${progress.answered}/${progress.scored} answered`,
  );
}

export function scaleLabel(scale: Scale | undefined, point: number, lang: Lang): string | undefined {
  const label = scale?.labels?.[String(point)];
  return label === undefined ? undefined : screenText(localize(label, lang));
}

export function scalePoints(scale: Scale): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
}

/** An answer as the auditor reads it back: `4 good`, `yes`, `45 s`, `N/A`, the text. */
export function answerText(screen: Pick<ItemScreen, 'slot' | 'scale' | 'lang'>, answer: Answer | undefined): string | undefined {
  if (answer?.na) return t(screen.lang, '不适用', 'N/A');
  const value = answer?.value;
  if (value === undefined) return undefined;
  switch (typeOf(screen.slot.item).name) {
    case 'likert': {
      const label = scaleLabel(screen.scale, Number(value), screen.lang);
      return label ? `${value} ${label}` : String(value);
    }
    case 'check':
      return value === true ? t(screen.lang, '是', 'yes') : t(screen.lang, '否', 'no');
    case 'measure':
      return `${value} ${screenText(screen.slot.item.unit ?? '')}`.trim();
    case 'text':
      return screenText(String(value));
  }
}

/** The choices of a likert or check item, the recorded one marked, so the eye finds it at once. */
export function choiceLines(screen: ItemScreen): string[] {
  const { colour, lang, answer, scale } = screen;
  const mark = (chosen: boolean, key: string, label: string) =>
    chosen ? colour.cyan(`❯ ${colour.bold(key)}  ${label}`) : `  ${colour.bold(key)}  ${label}`;
  switch (typeOf(screen.slot.item).name) {
    case 'likert': {
      if (!scale) return [];
      const points = scalePoints(scale);
      if (points.every((point) => scaleLabel(scale, point, lang) === undefined)) {
        const row = points.map((point) => (answer?.value === point ? colour.cyan.bold(`[${point}]`) : ` ${point} `)).join(' ');
        return [`  ${row}   ${colour.dim(t(lang, `(${scale.min} 最低,${scale.max} 最高)`, `(${scale.min} lowest, ${scale.max} highest)`))}`];
      }
      return points.map((point) => mark(answer?.value === point, String(point), scaleLabel(scale, point, lang) ?? ''));
    }
    case 'check':
      return [mark(answer?.value === true, 'y', t(lang, '是', 'yes')), mark(answer?.value === false, 'n', t(lang, '否', 'no'))];
    default:
      return [];
  }
}

export function headerLines(screen: ItemScreen): string[] {
  const { colour, lang, slot, progress } = screen;
  const critical = slot.item.critical ? ` ${colour.red.bold(t(lang, '[关键]', '[critical]'))}` : '';
  const guidance = plainText(localize(slot.item.guidance, lang));
  return [
    colour.bold(screenText(screen.title)),
    `${progressBar(progress, colour)}  ${colour.dim(progressLabel(progress, lang))}`,
    colour.dim(`${slot.sectionNumber}. ${screenText(localize(slot.section.title, lang))} › ${screenText(localize(slot.factor.title, lang))}`),
    '',
    `${colour.green('?')} ${colour.bold(plainText(localize(slot.item.text, lang)))}${critical}`,
    ...(guidance ? [colour.dim(`  ${guidance}`)] : []),
  ];
}

/** What is recorded besides the choice: the answer of measure and text items, the note, the evidence. */
export function recordLines(screen: ItemScreen): string[] {
  const { colour, lang, answer } = screen;
  const type = typeOf(screen.slot.item).name;
  const shown = answerText(screen, answer);
  const lines: string[] = [];
  if (shown !== undefined && (answer?.na || type === 'measure' || type === 'text')) {
    lines.push(`  ${t(lang, '答案', 'answer')}: ${colour.cyan(shown)}`);
  }
  if (answer?.note) lines.push(`  ${t(lang, '备注', 'note')}: ${plainText(answer.note)}`);
  if (answer?.evidence?.length) lines.push(`  ${t(lang, '证据', 'evidence')}: ${answer.evidence.map(screenText).join(', ')}`);
  return lines;
}

/** The item in one line, for the record left on screen once the auditor moves on. */
export function shortTitle(screen: Pick<ItemScreen, 'slot' | 'lang'>, width = 48): string {
  const text = screenText(localize(screen.slot.item.text, screen.lang));
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text;
}

/** Two lines under every item: how to answer it, then how to move. */
export function keysHint({ slot, scale, lang, canGoBack }: ItemScreen): string {
  const type = typeOf(slot.item).name;
  const answerKeys: Record<typeof type, string> = {
    likert: scale ? `${scale.min}–${scale.max} ${t(lang, '作答', 'answer')}` : '',
    check: `y/n ${t(lang, '是/否', 'yes/no')}`,
    measure: `${t(lang, '输入数字后按 Enter', 'type a number, Enter')}${isTimeUnit(slot.item.unit) ? ` · s ${t(lang, '秒表', 'stopwatch')}` : ''}`,
    text: `Enter ${t(lang, '输入文字', 'type text')}`,
  };
  const answering = [
    answerKeys[type],
    isScored(slot.item) ? `a ${t(lang, '不适用', 'N/A')}` : '',
    `o ${t(lang, '备注', 'note')}`,
    `e ${t(lang, '证据', 'evidence')}`,
  ];
  const moving = [
    canGoBack ? `b/← ${t(lang, '上一题', 'back')}` : '',
    `→ ${t(lang, '下一题', 'next')}`,
    `r ${t(lang, '检查未答', 'review')}`,
    `Ctrl-C ${t(lang, '保存并退出', 'save & quit')}`,
  ];
  return [answering, moving].map((keys) => keys.filter(Boolean).join(' · ')).join('\n');
}

/** Said when a key means nothing on this item. */
export function howToAnswer({ slot, scale, lang }: ItemScreen): string {
  const na = isScored(slot.item) ? t(lang, ',或按 a 表示不适用', ', or a for N/A') : '';
  switch (typeOf(slot.item).name) {
    case 'likert':
      return t(lang, `按 ${scale?.min}–${scale?.max} 作答${na}`, `press ${scale?.min}–${scale?.max} to answer${na}`);
    case 'check':
      return t(lang, `按 y(是)或 n(否)${na}`, `press y (yes) or n (no)${na}`);
    case 'measure':
      return t(lang, `输入以 ${screenText(String(slot.item.unit))} 为单位的数值并按 Enter${na}`, `type the value in ${screenText(String(slot.item.unit))} and press Enter${na}`);
    case 'text':
      return t(lang, '按 Enter 输入文字', 'press Enter to type');
  }
}
