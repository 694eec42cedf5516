// The prompt for one item, built on @inquirer/core because the stock prompts cannot answer on a
// single key, nor offer N/A, notes, evidence, back and stopwatches on the same screen.
//
// Every key has one meaning per input kind (input-kind.ts), and the screen says which:
//   scale, yes-no  digits / y n answer at once; ↑↓ move a highlight, Enter confirms it. A new item
//                  starts with no highlight, so Enter alone never invents an answer.
//   number         a field that takes digits, `.`, `,`, `:` (m:ss) and editing keys; shortcuts act
//                  only while it is empty.
//   text           a field; every key types into it. Enter or → on an empty field skips; Esc
//                  leaves it for the other keys.
// Notes and evidence are fields of their own (Enter saves, Esc cancels). The prompt resolves with
// what the auditor did; the walkthrough records it, saves, and moves on.
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isUpKey, useEffect, useKeypress, useState, type KeypressEvent } from '@inquirer/core';
import { isScored } from '../../model/item-types/index.js';
import { isAnswered, type AnswerValue } from '../../model/responses.js';
import { t } from '../../shared/lang.js';
import { unitName } from '../../shared/units.js';
import { inputKindOf } from './input-kind.js';
import {
  answerText,
  choiceLines,
  headerLines,
  howToAnswer,
  keyList,
  keysHint,
  recordLines,
  screenText,
  shortTitle,
  stopwatchLines,
  type Highlight,
  type ItemScreen,
  type KeysState,
  type RunningStopwatch,
} from './item-view.js';
import { fitLine, PROCESS_TERMINAL, wrapLine, wrapLines, type Terminal } from './layout.js';
import { isNumberFieldText, isTimeUnit, measureDoubt, measureProblem, msIn, parseMeasure, stopwatchFace, type Clock } from './measure.js';
import { readTyped, shownPoints } from './scale.js';

export type ItemAction =
  | { readonly kind: 'answer'; readonly value: AnswerValue }
  | { readonly kind: 'na' }
  /** Enter on the recorded answer: it stands, go on. */
  | { readonly kind: 'keep' }
  /** A text item emptied. */
  | { readonly kind: 'clear' }
  | { readonly kind: 'note'; readonly note: string }
  | { readonly kind: 'evidence'; readonly evidence: readonly string[] }
  | { readonly kind: 'back' }
  | { readonly kind: 'next' }
  | { readonly kind: 'review' }
  /** `q`: save the draft and stop, as Ctrl-C does. */
  | { readonly kind: 'quit' }
  | { readonly kind: 'start-stopwatch'; readonly at: number }
  | { readonly kind: 'cancel-stopwatch' };

/** Text in a field when the prompt was left: kept by the walkthrough if Ctrl-C or a hang-up ends it. */
export interface Typing {
  readonly field: Field;
  readonly text: string;
}

export interface ItemPromptConfig extends ItemScreen {
  readonly clock?: Clock;
  readonly terminal?: Terminal;
  /** When this item's stopwatch started (clock ms), while it runs. */
  readonly stopwatchSince?: number;
  readonly otherStopwatches?: readonly RunningStopwatch[];
  readonly onTyping?: (typing: Typing | undefined) => void;
}

type Field = 'value' | 'note' | 'evidence';
/** main: the item's own input (keys and highlight, or its field); keys: a text item's other keys. */
type Mode = 'main' | 'keys' | 'note' | 'evidence';

type Readline = Parameters<Parameters<typeof useKeypress>[0]>[1];

/** Real terminals send `sequence`; @inquirer/testing sends only `name`. */
type Key = KeypressEvent & { readonly sequence?: string; readonly meta?: boolean; readonly shift?: boolean };

/**
 * The character a key typed, if any, as a command: lower case (Caps Lock must not matter) and NFKC,
 * so the full-width `４` and `ｙ` of a Chinese input method count as `4` and `y`.
 */
function typed(key: Key): string | undefined {
  if (key.ctrl || key.meta) return undefined;
  const char = key.sequence?.length === 1 && key.sequence >= ' ' ? key.sequence : key.name?.length === 1 ? key.name : undefined;
  return char?.normalize('NFKC').toLowerCase();
}

const isEscape = (key: Key) => key.name === 'escape';
const EVIDENCE_SEPARATOR = /[,,]/;
const REFRESH_MS = 250;

export const itemPrompt = createPrompt<ItemAction, ItemPromptConfig>((config, done) => {
  const { lang, colour, slot, answer, scale, canGoBack } = config;
  const clock = config.clock ?? Date.now;
  const terminal = config.terminal ?? PROCESS_TERMINAL;
  const kind = inputKindOf(slot.item);
  const answered = isScored(slot.item) ? isAnswered(answer) : answer?.value !== undefined;
  const timed = kind === 'number' && isTimeUnit(slot.item.unit);
  const since = config.stopwatchSince;

  const [mode, setMode] = useState<Mode>('main');
  // The text of the field in use (readline's line, mirrored so the screen can draw it).
  const [line, setLine] = useState(kind === 'text' ? String(answer?.value ?? '') : '');
  // Digits typed on a scale item that may still grow (`1` of `10`).
  const [digits, setDigits] = useState('');
  // The note or evidence being typed, apart from the item's own field, which keeps its text meanwhile.
  const [sub, setSub] = useState('');
  // A revisited item starts on its answer; a new one on nothing.
  const [highlight, setHighlight] = useState<Highlight>(answer?.na ? undefined : (answer?.value as Highlight));
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [help, setHelp] = useState(false);
  const [record, setRecord] = useState<string | undefined>(undefined);
  // A measure the auditor was warned about; Enter on the same text again keeps it.
  const [doubted, setDoubted] = useState<string | undefined>(undefined);
  const [, setTick] = useState(0);

  useEffect((rl) => {
    if (kind === 'text' && line) putLine(line, rl);
  }, []);
  useEffect(() => terminal.onResize(() => setTick((n) => n + 1)), []);
  const ticking = since !== undefined || (config.otherStopwatches?.length ?? 0) > 0;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [ticking]);

  const width = terminal.columns();
  const title = shortTitle(config, Math.max(10, width - 30));
  const finish = (action: ItemAction, summary: string) => {
    config.onTyping?.(undefined);
    setRecord(fitLine(summary, width));
    done(action);
  };
  /** The line left on screen once an answer is recorded: `✔ Staff smile → yes`. */
  const recorded = (shown: string | undefined) => `${colour.green('✔')} ${title} ${colour.dim('→')} ${colour.cyan(shown ?? '')}`;
  const answerWith = (value: AnswerValue) => finish({ kind: 'answer', value }, recorded(answerText(config, { value, na: false })));
  const keep = () => finish({ kind: 'keep' }, recorded(answerText(config, answer)));
  const moveOn = (action: ItemAction, mark: string) => finish(action, colour.dim(`${mark} ${title}`));
  const field: Field | undefined = mode === 'note' ? 'note' : mode === 'evidence' ? 'evidence' : mode === 'main' && (kind === 'number' || kind === 'text') ? 'value' : undefined;

  /** Puts text in readline's line as it is: written as keys, a control character in a note would act (Ctrl-C). */
  const putLine = (text: string, rl: Readline) => {
    rl.clearLine(0);
    rl.line = text;
    (rl as Readline & { cursor: number }).cursor = text.length;
  };
  const setField = (text: string, rl: Readline) => {
    putLine(text, rl);
    setLine(text);
  };
  const typing = (text: string, into: Field) => {
    if (into === 'value') setLine(text);
    else setSub(text);
    config.onTyping?.(text === '' ? undefined : { field: into, text });
  };
  const openField = (into: 'note' | 'evidence', rl: Readline) => {
    const text = into === 'note' ? (answer?.note ?? '') : (answer?.evidence ?? []).join(', ');
    putLine(text, rl);
    setSub(text);
    setMessage(undefined);
    setMode(into);
  };
  /** Esc in a note or evidence field: back to the item as it was (a text item's typed answer too). */
  const cancelSubField = (rl: Readline) => {
    putLine(kind === 'text' ? line : '', rl);
    if (kind === 'number') setLine('');
    setMessage(undefined);
    setMode('main');
    config.onTyping?.(kind === 'text' && line !== '' ? { field: 'value', text: line } : undefined);
  };

  /** The keys every input kind shares; false when the key is not one of them. */
  const sharedKey = (key: Key, char: string | undefined, rl: Readline): boolean => {
    if (char === 'a' && isScored(slot.item)) {
      finish({ kind: 'na' }, recorded(t(lang, '不适用', 'N/A')));
    } else if (char === 'o' || char === 'e') {
      openField(char === 'o' ? 'note' : 'evidence', rl);
    } else if (char === 'b' || key.name === 'left') {
      if (canGoBack) moveOn({ kind: 'back' }, '↑');
      else setMessage(t(lang, '这是第一题', 'this is the first item'));
    } else if (key.name === 'right') {
      moveOn({ kind: 'next' }, '↓');
    } else if (char === 'r') {
      moveOn({ kind: 'review' }, '»');
    } else if (char === 'q') {
      moveOn({ kind: 'quit' }, '■');
    } else if (char === '?') {
      setHelp(!help);
    } else {
      return false;
    }
    return true;
  };

  const confirmChoice = (value: Highlight) => {
    if (value === undefined) return setMessage(howToAnswer(config));
    if (answered && !answer?.na && answer?.value === value) return keep();
    answerWith(value);
  };

  const moveHighlight = (step: 1 | -1) => {
    if (kind === 'yes-no') {
      setHighlight(highlight === undefined ? step === 1 : !highlight);
      return;
    }
    if (!scale) return;
    const points = shownPoints(scale);
    // On a listed scale the highlight walks the list; on a long one it counts through the range.
    if (typeof highlight !== 'number') setHighlight(step === 1 ? (points[0] ?? scale.min) : (points.at(-1) ?? scale.max));
    else if (points.length > 0 && points.includes(highlight) && points.length === scale.max - scale.min + 1) {
      setHighlight(points[Math.max(0, Math.min(points.length - 1, points.indexOf(highlight) + step))]);
    } else setHighlight(Math.max(scale.min, Math.min(scale.max, highlight + step)));
  };

  const onChoiceKey = (key: Key, rl: Readline) => {
    const char = typed(key);
    setMessage(undefined);
    if (isEnterKey(key)) {
      // readline has emptied its line already: the digits typed so far are in `digits`.
      if (digits === '') return confirmChoice(highlight);
      const { point } = readTyped(scale!, digits);
      if (point !== undefined) return answerWith(point);
      return setMessage(t(lang, `请输入 ${scale?.min}–${scale?.max} 的整数`, `type a whole number from ${scale?.min} to ${scale?.max}`));
    }
    if (kind === 'scale' && scale) {
      // Digits are read from readline's line (a terminal types into it); a bare key event adds its digit.
      const entered = (rl.line !== '' ? rl.line : char !== undefined && /[-\d]/.test(char) ? digits + char : digits).normalize('NFKC');
      if (/^-?\d*$/.test(entered) && (entered !== digits || isBackspaceKey(key))) {
        const { point, partial } = readTyped(scale, entered);
        if (point !== undefined && !partial) return answerWith(point);
        if (partial || point !== undefined || entered === '') return setDigits(entered);
        setField('', rl);
        setDigits('');
        return setMessage(t(lang, `请按 ${scale.min}–${scale.max}`, `press ${scale.min}–${scale.max}`));
      }
      if (digits !== '' && char !== undefined) {
        // A letter among digits is a slip, never a command.
        putLine(digits, rl);
        return setMessage(t(lang, `请输入 ${scale.min}–${scale.max} 的整数`, `type a whole number from ${scale.min} to ${scale.max}`));
      }
    }
    rl.clearLine(0);
    if (isEscape(key)) return setDigits('');
    if (kind === 'yes-no' && (char === 'y' || char === 'n')) return answerWith(char === 'y');
    if (isUpKey(key) || isDownKey(key)) {
      setDigits('');
      return moveHighlight(isDownKey(key) ? 1 : -1);
    }
    if (digits !== '') return;
    if (sharedKey(key, char, rl)) return;
    if (char !== undefined) setMessage(howToAnswer(config));
  };

  const submitNumber = (text: string, rl: Readline) => {
    const value = text.normalize('NFKC').trim();
    if (value === '') {
      if (answered && !answer?.na) keep();
      else setMessage(howToAnswer(config));
      return;
    }
    const problem = measureProblem(slot.item, value, lang);
    const measured = problem ? undefined : parseMeasure(value, slot.item.unit);
    const doubt = measured !== undefined && doubted !== value ? measureDoubt(slot.item, measured, lang) : undefined;
    if (problem || doubt) {
      // readline emptied its line on Enter; put the text back so it can be corrected.
      setField(text, rl);
      setMessage(problem ?? doubt);
      if (doubt) setDoubted(value);
      return;
    }
    answerWith(measured!);
  };

  const onNumberKey = (key: Key, rl: Readline) => {
    const char = typed(key);
    if (isEnterKey(key)) return submitNumber(line, rl);
    if (line === '') {
      // An empty field: the keys are commands (and a digit or `.` starts the number).
      if (since !== undefined && char === 's') return answerWith(msIn(slot.item.unit!, clock() - since));
      if (since !== undefined && char === 'c') return moveOn({ kind: 'cancel-stopwatch' }, '⏱');
      if (timed && since === undefined && char === 's') return finish({ kind: 'start-stopwatch', at: clock() }, colour.dim(`⏱ ${title}`));
      if (char === undefined || !isNumberFieldText(char)) {
        rl.clearLine(0);
        setMessage(undefined);
        if (!sharedKey(key, char, rl) && char !== undefined) setMessage(howToAnswer(config));
        return;
      }
    }
    if (isEscape(key)) return setField('', rl);
    if (!isNumberFieldText(rl.line)) {
      // A letter inside a number is a slip, never a command: the number stays as it was.
      setField(line, rl);
      return setMessage(t(lang, '数值只能包含数字、小数点和 :(分:秒)', 'a number takes digits, a decimal point and : (m:ss) only'));
    }
    if (rl.line === line) return;
    setMessage(undefined);
    setLine(rl.line);
  };

  const onTextKey = (key: Key, rl: Readline) => {
    if (isEnterKey(key)) {
      const text = line.trim();
      if (text) return answerWith(text);
      if (answered) return finish({ kind: 'clear' }, colour.dim(`✗ ${title}`));
      return moveOn({ kind: 'next' }, '↓');
    }
    if (line === '' && rl.line === '' && (key.name === 'right' || key.name === 'left')) {
      sharedKey(key, undefined, rl);
      return;
    }
    if (isEscape(key) || key.name === 'tab') {
      rl.clearLine(0);
      setMessage(undefined);
      setMode('keys');
      return;
    }
    setMessage(undefined);
    typing(rl.line, 'value');
  };

  const onTextItemKeys = (key: Key, rl: Readline) => {
    rl.clearLine(0);
    const char = typed(key);
    setMessage(undefined);
    if (isEnterKey(key) || key.name === 'tab') {
      setField(line, rl);
      return setMode('main');
    }
    if (!sharedKey(key, char, rl) && char !== undefined) setMessage(howToAnswer(config));
  };

  const onSubField = (into: 'note' | 'evidence', key: Key, rl: Readline) => {
    if (isEscape(key)) return cancelSubField(rl);
    if (!isEnterKey(key)) return typing(rl.line, into);
    const text = sub;
    if (into === 'note') {
      return finish({ kind: 'note', note: text.trim() }, `${colour.green('✎')} ${title} ${colour.dim(`→ ${text.trim() ? t(lang, '备注已保存', 'note saved') : t(lang, '备注已删除', 'note removed')}`)}`);
    }
    finish({ kind: 'evidence', evidence: text.split(EVIDENCE_SEPARATOR) }, `${colour.green('✎')} ${title} ${colour.dim(`→ ${t(lang, '证据已保存', 'evidence saved')}`)}`);
  };

  useKeypress((key: Key, rl) => {
    if (record !== undefined) return;
    if (mode === 'note' || mode === 'evidence') return onSubField(mode, key, rl);
    if (mode === 'keys') return onTextItemKeys(key, rl);
    if (kind === 'number') return onNumberKey(key, rl);
    if (kind === 'text') return onTextKey(key, rl);
    onChoiceKey(key, rl);
  });

  if (record !== undefined) return record;

  const now = clock();
  const wrap = (lines: readonly string[]) => wrapLines(lines, width);
  const question = headerLines(config);
  const body = [
    ...stopwatchLines(config.otherStopwatches ?? [], now, config),
    ...question.slice(0, 4).map((text) => fitLine(text, width)),
    ...question.slice(4).flatMap((text, index) => wrapLine(text, width, index === 0 ? '  ' : '')),
  ];
  const details = wrap([...choiceLines(config, highlight), ...recordLines(config)]);
  if (since !== undefined) {
    details.push(`  ⏱  ${colour.bold(stopwatchFace(now - since))}  ${colour.dim(t(lang, '计时中(可先答其他题,回来按 s 停止)', 'running (answer other items meanwhile; come back and press s)'))}`);
  }
  const state: KeysState = {
    kind,
    typing: mode === 'note' || mode === 'evidence' || (mode === 'main' && (kind === 'text' || (kind === 'number' && line !== ''))),
    ...(timed && { stopwatch: since === undefined ? 'idle' : 'running' }),
  };
  const hint = help
    ? keyList(config, state).map(([key, what]) => `  ${colour.bold(key.padEnd(10))} ${what}`)
    : keysHint(config, state, width)
        .split('\n')
        .map((text) => colour.dim(text));
  const labels: Record<Field, string> = {
    value: kind === 'number' ? `${t(lang, '数值', 'value')} (${screenText(unitName(slot.item.unit, lang))})` : t(lang, '答案', 'answer'),
    note: t(lang, '备注', 'note'),
    evidence: t(lang, '证据(文件路径或网址,用逗号分隔)', 'evidence (file paths or URLs, comma-separated)'),
  };
  // The field is the last line, where inquirer puts the terminal's cursor; it is drawn plain
  // (what is saved is what was typed), and a scale item shows its typed digits there.
  const input =
    field !== undefined || mode === 'keys'
      ? `${colour.cyan('›')} ${labels[field ?? 'value']}: ${mode === 'keys' ? colour.dim(screenText(line)) : screenText(field === 'value' ? line : sub)}`
      : digits !== ''
        ? `${colour.cyan('›')} ${labels.value}: ${digits}`
        : undefined;
  const content = [body, details, input === undefined ? [] : [input]]
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  const bottom = [...(message ? wrapLine(colour.yellow(screenText(message)), width) : []), '', ...hint].join('\n');
  return [content, bottom];
});
