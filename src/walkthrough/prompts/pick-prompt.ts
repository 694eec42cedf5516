// A list to pick one entry from, for the review screen and the questions around an audit (resume
// this draft?). Unlike the stock select it can be left with Esc, and its lines fit the terminal.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useEffect, useKeypress, usePagination, useState } from '@inquirer/core';
import type { ChalkInstance } from 'chalk';
import { t, type Lang } from '../../shared/lang.js';
import { fitLine, PROCESS_TERMINAL, wrapLine, type Terminal } from './layout.js';

export interface PickConfig {
  readonly lang: Lang;
  readonly colour: ChalkInstance;
  readonly message: string;
  readonly choices: readonly string[];
  /** Index of the entry the highlight starts on. */
  readonly start?: number;
  /** What Esc means here, shown with the keys ("back to item 12"); without it Esc does nothing. */
  readonly escape?: string;
  readonly terminal?: Terminal;
}

/** The index of the chosen entry, or `undefined` when the auditor pressed Esc. */
export const pickPrompt = createPrompt<number | undefined, PickConfig>((config, done) => {
  const { colour, lang, choices } = config;
  const terminal = config.terminal ?? PROCESS_TERMINAL;
  const [active, setActive] = useState(Math.max(0, Math.min(config.start ?? 0, choices.length - 1)));
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [, setTick] = useState(0);
  useEffect(() => terminal.onResize(() => setTick((n) => n + 1)), []);

  useKeypress((key) => {
    if (picked !== undefined) return;
    if (isUpKey(key)) setActive(Math.max(0, active - 1));
    else if (isDownKey(key)) setActive(Math.min(choices.length - 1, active + 1));
    else if (isEnterKey(key) && choices[active]) {
      setPicked(choices[active]);
      done(active);
    } else if (key.name === 'escape' && config.escape !== undefined) {
      setPicked(config.escape);
      done(undefined);
    }
  });

  const width = terminal.columns();
  const message = wrapLine(`${colour.green('?')} ${colour.bold(config.message)}`, width, '  ').join('\n');
  // Once chosen, one line says what was chosen (the question above it is gone with the list).
  if (picked !== undefined) return fitLine(colour.dim(`» ${picked}`), width);
  // Room for the message and the keys line on a 24-line terminal.
  const pageSize = Math.max(3, Math.min(choices.length, (process.stdout.rows || 24) - 8));
  const page = usePagination({
    items: choices,
    active,
    pageSize,
    loop: false,
    renderItem: ({ item, isActive }) => fitLine(isActive ? colour.cyan(`❯ ${item}`) : `  ${item}`, width),
  });
  const keys = [
    `↑↓ ${t(lang, '移动', 'move')}`,
    `Enter ${t(lang, '选择', 'choose')}`,
    ...(config.escape !== undefined ? [`Esc ${config.escape}`] : []),
    `Ctrl-C ${t(lang, '保存并退出', 'save & quit')}`,
  ];
  return [`${message}\n${page}`, wrapLine(colour.dim(keys.join(' · ')), width).join('\n')];
});
