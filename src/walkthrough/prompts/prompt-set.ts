// The prompts a walkthrough asks with, passed in rather than imported where used, so that tests can
// hand in the same prompts wrapped by @inquirer/testing and drive the whole flow through one screen.
import { input, select } from '@inquirer/prompts';
import type { Lang } from '../../shared/lang.js';
import { itemPrompt } from './item-prompt.js';
import { pickPrompt } from './pick-prompt.js';

export interface PromptSet {
  readonly input: typeof input;
  readonly select: typeof select;
  readonly item: typeof itemPrompt;
  readonly pick: typeof pickPrompt;
}

export const TERMINAL_PROMPTS: PromptSet = { input, select, item: itemPrompt, pick: pickPrompt };

const KEY_WORDS_ZH: Record<string, string> = { navigate: '移动', select: '选择' };

/** The stock select in the auditor's language (its key help is English otherwise). */
export function selectTheme(lang: Lang) {
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${key} ${lang === 'zh-CN' ? (KEY_WORDS_ZH[action] ?? action) : action}`).join(' • '),
    },
  };
}
