// The prompt for one item. Built on @inquirer/core because the stock prompts cannot answer on a
// single key, nor offer N/A, notes, evidence, back and the stopwatch on the same screen.
//
// It has three modes: keys (one key acts: a digit answers a 1–5 item at once), edit (a line of
// text: a number, a free-text answer, a note, evidence) and stopwatch (running, shown live).
// It resolves with what the auditor did; the walkthrough records it, saves, and moves on.
import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  useEffect,
  useKeypress,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import { isScored, typeOf } from '../../model/item-types/index.js';
import { isAnswered, type AnswerValue } from '../../model/responses.js';
import { t } from '../../shared/lang.js';
import { answerText, choiceLines, headerLines, howToAnswer, keysHint, recordLines, scalePoints, screenText, shortTitle, type ItemScreen } from './item-view.js';
import { isTimeUnit, measureDoubt, measureProblem, msIn, parseMeasure, stopwatchFace, type Clock } from './measure.js';

export type ItemAction =
  | { readonly kind: 'answer'; readonly value: AnswerValue }
  | { readonly kind: 'na' }
  /** Enter on an answered item: the answer stands, go on. */
  | { readonly kind: 'keep' }
  /** A text item emptied. */
  | { readonly kind: 'clear' }
  | { readonly kind: 'note'; readonly note: string }
  | { readonly kind: 'evidence'; readonly evidence: readonly string[] }
  | { readonly kind: 'back' }
  | { readonly kind: 'next' }
  | { readonly kind: 'review' };

export interface ItemPromptConfig extends ItemScreen {
  readonly clock?: Clock;
}

type Field = 'value' | 'note' | 'evidence';
type Mode = { readonly kind: 'keys' } | { readonly kind: 'edit'; readonly field: Field } | { readonly kind: 'stopwatch'; readonly since: number };

type Readline = Parameters<Parameters<typeof useKeypress>[0]>[1];

/** Real terminals send `sequence`; @inquirer/testing sends only `name`. */
type Key = KeypressEvent & { readonly sequence?: string; readonly meta?: boolean };

/**
 * The character a key typed, if any, as a command: lower case (Caps Lock must not matter) and NFKC,
 * so the full-width `４` and `ｙ` of a Chinese input method count as `4` and `y`.
 */
function typed(key: Key): string | undefined {
  if (key.ctrl || key.meta) return undefined;
  const char = key.sequence?.length === 1 && key.sequence >= ' ' ? key.sequence : key.name?.length === 1 ? key.name : undefined;
  return char?.normalize('NFKC').toLowerCase();
}

const EVIDENCE_SEPARATOR = /[,,]/;
const REFRESH_MS = 200;

export const itemPrompt = createPrompt<ItemAction, ItemPromptConfig>((config, done) => {
  const { lang, colour, slot, answer, scale, canGoBack } = config;
  const clock = config.clock ?? Date.now;
  const type = typeOf(slot.item).name;
  const answered = isScored(slot.item) ? isAnswered(answer) : answer?.value !== undefined;
  const stopwatch = type === 'measure' && isTimeUnit(slot.item.unit);

  // A text item is there to be typed into, so it opens ready to type.
  const [mode, setMode] = useState<Mode>(type === 'text' ? { kind: 'edit', field: 'value' } : { kind: 'keys' });
  const [line, setLine] = useState(type === 'text' ? String(answer?.value ?? '') : '');
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [record, setRecord] = useState<string | undefined>(undefined);
  // A measure the auditor was warned about; Enter on the same text again keeps it.
  const [doubted, setDoubted] = useState<string | undefined>(undefined);
  const [, setTick] = useState(0);

  useEffect((rl) => {
    if (type === 'text' && line) rl.write(line);
  }, []);

  useEffect(() => {
    if (mode.kind !== 'stopwatch') return;
    const timer = setInterval(() => setTick(clock()), REFRESH_MS);
    return () => clearInterval(timer);
  }, [mode.kind]);

  const title = shortTitle(config);
  const finish = (action: ItemAction, summary: string) => {
    setRecord(summary);
    done(action);
  };
  const answerWith = (value: AnswerValue) =>
    finish({ kind: 'answer', value }, `${colour.green('✔')} ${title} ${colour.dim('→')} ${colour.cyan(answerText(config, { value, na: false }) ?? '')}`);
  const moveOn = (action: ItemAction, mark: string) => finish(action, colour.dim(`${mark} ${title}`));

  const likertValues = scale ? scalePoints(scale).map(String) : [];
  /** A likert answer as soon as what was typed can mean only one point of the scale. */
  const likertAtOnce = (text: string) => likertValues.includes(text) && likertValues.filter((v) => v.startsWith(text)).length === 1;

  const startEdit = (field: Field, prefill: string, rl: Readline) => {
    rl.clearLine(0);
    rl.write(prefill);
    setLine(prefill);
    setMessage(undefined);
    setMode({ kind: 'edit', field });
  };

  const onKeys = (key: Key, rl: Readline) => {
    // Keys are commands here; readline must not collect them as a line.
    rl.clearLine(0);
    const char = typed(key);
    setMessage(undefined);
    if (type === 'likert' && char !== undefined && /[-\d]/.test(char)) {
      if (likertAtOnce(char)) answerWith(Number(char));
      else if (likertValues.some((v) => v.startsWith(char))) startEdit('value', char, rl);
      else setMessage(t(lang, `请按 ${scale?.min}–${scale?.max}`, `press ${scale?.min}–${scale?.max}`));
    } else if (type === 'check' && (char === 'y' || char === 'n')) {
      answerWith(char === 'y');
    } else if (type === 'measure' && char !== undefined && /[-\d.,]/.test(char)) {
      startEdit('value', char, rl);
    } else if (char === 's' && stopwatch) {
      setMode({ kind: 'stopwatch', since: clock() });
    } else if (char === 'a' && isScored(slot.item)) {
      finish({ kind: 'na' }, `${colour.green('✔')} ${title} ${colour.dim('→')} ${colour.cyan(t(lang, '不适用', 'N/A'))}`);
    } else if (char === 'o') {
      startEdit('note', answer?.note ?? '', rl);
    } else if (char === 'e') {
      startEdit('evidence', (answer?.evidence ?? []).join(', '), rl);
    } else if (char === 'b' || key.name === 'left') {
      if (canGoBack) moveOn({ kind: 'back' }, '↑');
      else setMessage(t(lang, '这是第一题', 'this is the first item'));
    } else if (key.name === 'right') {
      moveOn({ kind: 'next' }, '↓');
    } else if (char === 'r') {
      moveOn({ kind: 'review' }, '»');
    } else if (isEnterKey(key)) {
      if (type === 'text') startEdit('value', String(answer?.value ?? ''), rl);
      else if (answered) finish({ kind: 'keep' }, `${colour.green('✔')} ${title} ${colour.dim('→')} ${colour.cyan(answerText(config, answer) ?? '')}`);
      else setMessage(howToAnswer(config));
    } else if (char !== undefined) {
      setMessage(howToAnswer(config));
    }
  };

  const submitEdit = (field: Field, text: string, rl: Readline) => {
    const saved = (what: string) => finish(field === 'note' ? { kind: 'note', note: text.trim() } : { kind: 'evidence', evidence: text.split(EVIDENCE_SEPARATOR) }, `${colour.green('✎')} ${title} ${colour.dim(`→ ${what}`)}`);
    if (field === 'note') return saved(text.trim() ? t(lang, '备注已保存', 'note saved') : t(lang, '备注已删除', 'note removed'));
    if (field === 'evidence') return saved(t(lang, '证据已保存', 'evidence saved'));
    if (type === 'text') {
      if (text.trim()) answerWith(text.trim());
      else if (answered) finish({ kind: 'clear' }, colour.dim(`✗ ${title}`));
      else moveOn({ kind: 'next' }, '↓');
      return;
    }
    if (text.trim() === '') {
      setMode({ kind: 'keys' });
      return;
    }
    const value = text.normalize('NFKC').trim();
    const problem =
      type === 'measure'
        ? measureProblem(slot.item, value, lang)
        : likertValues.includes(value)
          ? undefined
          : t(lang, `请输入 ${scale?.min}–${scale?.max} 的整数`, `type a whole number from ${scale?.min} to ${scale?.max}`);
    const measured = type === 'measure' && !problem ? parseMeasure(value, slot.item.unit) : undefined;
    const doubt = measured !== undefined && doubted !== value ? measureDoubt(slot.item, measured, lang) : undefined;
    if (problem || doubt) {
      // readline emptied its line on Enter; put the text back so it can be corrected.
      rl.write(text);
      setMessage(problem ?? doubt);
      if (doubt) setDoubted(value);
      return;
    }
    answerWith(measured ?? Number(value));
  };

  const onEdit = (field: Field, key: Key, rl: Readline) => {
    if (isEnterKey(key)) return submitEdit(field, line, rl);
    if (key.name === 'escape' || key.name === 'tab') {
      rl.clearLine(0);
      setLine('');
      setMessage(undefined);
      setMode({ kind: 'keys' });
      return;
    }
    setLine(rl.line);
    setMessage(undefined);
    const typedValue = rl.line.normalize('NFKC').trim();
    if (field === 'value' && type === 'likert' && likertAtOnce(typedValue)) answerWith(Number(typedValue));
    else if (field === 'value' && type === 'likert' && isBackspaceKey(key) && rl.line === '') setMode({ kind: 'keys' });
  };

  const onStopwatch = (since: number, key: Key, rl: Readline) => {
    rl.clearLine(0);
    const char = typed(key);
    if (char === 's' || char === ' ' || isEnterKey(key)) answerWith(msIn(slot.item.unit!, clock() - since));
    else if (char === 'c' || key.name === 'escape') setMode({ kind: 'keys' });
  };

  useKeypress((key: Key, rl) => {
    if (record !== undefined) return;
    if (mode.kind === 'keys') onKeys(key, rl);
    else if (mode.kind === 'edit') onEdit(mode.field, key, rl);
    else onStopwatch(mode.since, key, rl);
  });

  if (record !== undefined) return record;

  const details = [...choiceLines(config), ...recordLines(config)];
  const screen = (inputLine: string | undefined, hint: string): [string, string] => [
    [headerLines(config), details, inputLine === undefined ? [] : [inputLine]]
      .filter((lines) => lines.length > 0)
      .map((lines) => lines.join('\n'))
      .join('\n\n'),
    [...(message ? [colour.yellow(screenText(message))] : []), '', colour.dim(hint)].join('\n'),
  ];
  if (mode.kind === 'stopwatch') {
    return screen(
      `  ⏱  ${colour.bold(stopwatchFace(clock() - mode.since))}  ${colour.dim(t(lang, '计时中…', 'running…'))}`,
      t(lang, 's/空格/Enter 停止并作答 · c 取消', 's/space/Enter stop and answer · c cancel'),
    );
  }
  const valueLabel = type === 'measure' ? `${t(lang, '数值', 'value')} (${screenText(slot.item.unit ?? '')})` : t(lang, '答案', 'answer');
  if (mode.kind === 'edit') {
    const labels: Record<Field, string> = {
      value: valueLabel,
      note: t(lang, '备注', 'note'),
      evidence: t(lang, '证据(文件路径或网址,用逗号分隔)', 'evidence (file paths or URLs, comma-separated)'),
    };
    const hint =
      type === 'text' && mode.field === 'value'
        ? t(lang, 'Enter 保存(留空跳过)· Tab 更多按键(备注、上一题…)', 'Enter save (empty: skip) · Tab more keys (note, back, …)')
        : t(lang, 'Enter 保存 · Tab/Esc 取消', 'Enter save · Tab/Esc cancel');
    // The line may hold a note or an answer from a resumed file: shown plain (what is saved is what was typed).
    return screen(`${colour.cyan('›')} ${labels[mode.field]}: ${screenText(line)}`, hint);
  }
  // A measure item waits for a number: show where it will appear.
  return screen(type === 'measure' ? `${colour.cyan('›')} ${valueLabel}: ` : undefined, keysHint(config));
});
