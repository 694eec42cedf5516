// How one item looks on screen, as pure functions of what is known about it: where the auditor is
// (title, progress bar, section and factor), what to look at (text, guidance), how to answer (the
// scale with its labels, yes/no, a number in a unit), what is already recorded, and which keys act.
import type { ChalkInstance } from 'chalk';
import { isScored, typeOf } from '../../model/item-types/index.js';
import type { Answer } from '../../model/responses.js';
import { plainLine, plainText } from '../../shared/plain-text.js';
import { localize, t, type Lang } from '../../shared/lang.js';
import { unitName } from '../../shared/units.js';
import { methodName } from '../../format/item-words.js';
import type { Checklist, Scale } from '../../model/types.js';
import type { Progress, Slot } from '../session.js';
import { inputKindOf, type InputKind } from './input-kind.js';
import { fitLine, packLines } from './layout.js';
import { isTimeUnit, stopwatchFace } from './measure.js';
import { DRAWN_POINTS, pointCount, shownPoints } from './scale.js';

export interface ItemScreen {
  readonly lang: Lang;
  readonly colour: ChalkInstance;
  /** The audit at a glance: checklist title, site, date. */
  readonly title: string;
  readonly slot: Slot;
  /** The checklist the item is in (its scale, for answers read back). */
  readonly checklist: Checklist;
  readonly progress: Progress;
  /** The item's likert scale (its own or the checklist's). */
  readonly scale?: Scale;
  readonly answer?: Answer;
  /** False on the first item. */
  readonly canGoBack: boolean;
}

/** A stopwatch left running on another item, shown so that it is not forgotten. */
export interface RunningStopwatch {
  readonly itemNumber: number;
  readonly title: string;
  readonly since: number;
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

export function progressBar({ answered, scored }: Progress, colour: ChalkInstance, width = BAR_WIDTH): string {
  const filled = scored === 0 ? width : Math.round((answered / scored) * width);
  return colour.green('█'.repeat(filled)) + colour.dim('░'.repeat(width - filled));
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

/** An answer as the auditor reads it back (the item type's own wording: `4 (good)`, `yes`, `45 s`), or N/A. */
export function answerText(screen: Pick<ItemScreen, 'slot' | 'checklist' | 'lang'>, answer: Answer | undefined): string | undefined {
  if (answer?.na) return t(screen.lang, '不适用', 'N/A');
  if (answer?.value === undefined) return undefined;
  const { item } = screen.slot;
  return screenText(typeOf(item).answerText(item, answer.value, screen.checklist, screen.lang));
}

/** The choice the highlight is on: a scale point, or yes/no. */
export type Highlight = number | boolean | undefined;

/**
 * The choices of a scale or yes/no item: the highlighted one marked `❯`, so ↑/↓ and Enter are seen
 * to work. A long scale is never listed point by point: its labelled points and the range are shown.
 */
export function choiceLines(screen: ItemScreen, highlight: Highlight = screen.answer?.value as Highlight): string[] {
  const { colour, lang, scale } = screen;
  const mark = (on: boolean, key: string, label: string) => (on ? colour.cyan(`❯ ${colour.bold(key)}  ${label}`) : `  ${colour.bold(key)}  ${label}`);
  switch (inputKindOf(screen.slot.item)) {
    case 'scale': {
      if (!scale) return [];
      const points = shownPoints(scale);
      const range = colour.dim(t(lang, `(${scale.min} 最低,${scale.max} 最高)`, `(${scale.min} lowest, ${scale.max} highest)`));
      if (points.length > 0 && points.some((point) => scaleLabel(scale, point, lang) !== undefined)) {
        const lines = points.map((point) => mark(highlight === point, String(point), scaleLabel(scale, point, lang) ?? ''));
        const between = typeof highlight === 'number' && !points.includes(highlight) ? [mark(true, String(highlight), '')] : [];
        return pointCount(scale) > DRAWN_POINTS ? [...lines, ...between, `  ${range}`] : lines;
      }
      if (pointCount(scale) <= DRAWN_POINTS) {
        const row = points.map((point) => (highlight === point ? colour.cyan.bold(`[${point}]`) : ` ${point} `)).join(' ');
        return [`  ${row}   ${range}`];
      }
      return [`  ${t(lang, `${scale.min}–${scale.max} 之间的整数`, `a whole number from ${scale.min} to ${scale.max}`)}${typeof highlight === 'number' ? `  ${colour.cyan.bold(`[${highlight}]`)}` : ''}`];
    }
    case 'yes-no':
      return [mark(highlight === true, 'y', t(lang, '是', 'yes')), mark(highlight === false, 'n', t(lang, '否', 'no'))];
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
    colour.dim(
      `${slot.sectionNumber}. ${screenText(localize(slot.section.title, lang))} › ${screenText(localize(slot.factor.title, lang))}${slot.item.method ? ` · ${methodName(slot.item.method, lang)}` : ''}`,
    ),
    '',
    `${colour.green('?')} ${colour.bold(plainText(localize(slot.item.text, lang)))}${critical}`,
    ...guidance.split('\n').filter(Boolean).map((line) => colour.dim(`  ${line}`)),
  ];
}

/** What is recorded besides the choice: the answer of number and text items, the note, the evidence. */
export function recordLines(screen: ItemScreen): string[] {
  const { colour, lang, answer } = screen;
  const kind = inputKindOf(screen.slot.item);
  const shown = answerText(screen, answer);
  const lines: string[] = [];
  if (shown !== undefined && (answer?.na || kind === 'number' || kind === 'text')) {
    lines.push(`  ${t(lang, '答案', 'answer')}: ${colour.cyan(shown)}`);
  }
  if (answer?.note) lines.push(`  ${t(lang, '备注', 'note')}: ${plainText(answer.note)}`);
  if (answer?.evidence?.length) lines.push(`  ${t(lang, '证据', 'evidence')}: ${answer.evidence.map(screenText).join(', ')}`);
  return lines;
}

/** Stopwatches running on other items, one line each. */
export function stopwatchLines(running: readonly RunningStopwatch[], now: number, { colour, lang }: Pick<ItemScreen, 'colour' | 'lang'>): string[] {
  return running.map(({ itemNumber, title, since }) =>
    colour.yellow(`⏱ ${stopwatchFace(now - since)}  ${t(lang, `第 ${itemNumber} 题`, `item ${itemNumber}`)}: ${title}`),
  );
}

/** The item in one line, for the record left on screen once the auditor moves on. */
export function shortTitle(screen: Pick<ItemScreen, 'slot' | 'lang'>, width = 48): string {
  return fitLine(screenText(localize(screen.slot.item.text, screen.lang)), width);
}

/** Where the auditor is typing: in the item's own field, or nowhere (keys act). */
export interface KeysState {
  readonly kind: InputKind;
  /** A field holds text: only editing keys, Enter and Esc act. */
  readonly typing: boolean;
  readonly stopwatch?: 'idle' | 'running';
}

/** Every key and what it does on this item now; the short form is shown, `?` shows the long one. */
export function keyList(screen: ItemScreen, state: KeysState): [key: string, what: string][] {
  const { slot, scale, lang, canGoBack } = screen;
  const word = (zh: string, en: string) => t(lang, zh, en);
  const scored = isScored(slot.item);
  if (state.typing) {
    return [
      ['Enter', state.kind === 'text' ? word('保存(留空则跳过)', 'save (empty: skip)') : word('记录', 'record')],
      ['Esc', state.kind === 'text' ? word('其他按键(备注、上一题…)', 'other keys (note, back, …)') : word('清空', 'clear')],
    ];
  }
  const answering: Record<InputKind, [string, string][]> = {
    scale: scale
      ? [
          [`${scale.min}–${scale.max}`, word('作答', 'answer')],
          ['↑↓ Enter', word('选择并确认', 'choose, confirm')],
        ]
      : [],
    'yes-no': [
      ['y/n', word('是/否', 'yes/no')],
      ['↑↓ Enter', word('选择并确认', 'choose, confirm')],
    ],
    number: [
      [word('数字', 'digits'), isTimeUnit(slot.item.unit) ? word('数值或 分:秒,Enter 记录', 'number or m:ss, Enter') : word('数值,Enter 记录', 'number, Enter')],
      ...(state.stopwatch === 'running'
        ? ([
            ['s', word('停止秒表并记录', 'stop the stopwatch, record')],
            ['c', word('取消秒表', 'cancel the stopwatch')],
          ] as [string, string][])
        : state.stopwatch === 'idle'
          ? ([['s', word('开始秒表(可先答其他题)', 'start a stopwatch (answer others meanwhile)')]] as [string, string][])
          : []),
    ],
    text: [['Enter', word('输入文字', 'type text')]],
  };
  return [
    ...answering[state.kind],
    ...(scored ? ([['a', word('不适用', 'N/A')]] as [string, string][]) : []),
    ['o', word('备注', 'note')],
    ['e', word('证据', 'evidence')],
    ...(canGoBack ? ([['b/←', word('上一题', 'back')]] as [string, string][]) : []),
    ['→', word('跳过', 'skip')],
    ['r', word('未答列表', 'review')],
    ['q', word('保存并退出', 'save & quit')],
    ['?', word('按键说明', 'keys')],
  ];
}

/** The keys as the lines under every item show them, ` · ` between them, fitted to `width`. */
export function keysHint(screen: ItemScreen, state: KeysState = { kind: inputKindOf(screen.slot.item), typing: false }, width = 80): string {
  return packLines(
    keyList(screen, state).map(([key, what]) => `${key} ${what}`),
    width,
  ).join('\n');
}

/** Said when a key means nothing on this item. */
export function howToAnswer({ slot, scale, lang }: ItemScreen): string {
  const na = isScored(slot.item) ? t(lang, ',或按 a 表示不适用', ', or a for N/A') : '';
  switch (inputKindOf(slot.item)) {
    case 'scale':
      return t(lang, `按 ${scale?.min}–${scale?.max} 作答,或用 ↑↓ 选择后按 Enter${na}`, `press ${scale?.min}–${scale?.max} to answer, or ↑↓ then Enter${na}`);
    case 'yes-no':
      return t(lang, `按 y(是)或 n(否)${na}`, `press y (yes) or n (no)${na}`);
    case 'number':
      return t(lang, `输入以 ${screenText(unitName(slot.item.unit, lang))} 为单位的数值并按 Enter${na}`, `type the value in ${screenText(unitName(slot.item.unit, lang))} and press Enter${na}`);
    case 'text':
      return t(lang, '按 Enter 输入文字', 'press Enter to type');
  }
}
