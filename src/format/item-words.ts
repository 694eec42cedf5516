// What an item's type and method are called on screen and in reports. The file keeps the keys
// (`likert`, `observe`: what authors write); English shows the keys, Chinese says them in words.
import type { ITEM_METHODS } from '../model/vocabulary.js';
import type { ItemType } from '../model/types.js';
import { t, type Lang } from '../shared/lang.js';

type ItemMethod = (typeof ITEM_METHODS)[number];

const TYPE_NAMES: Record<ItemType, string> = { likert: '评分', check: '是否', measure: '测量', text: '文字' };
const METHOD_NAMES: Record<ItemMethod, string> = { observe: '观察', ask: '询问', records: '查阅记录' };

/** `评分` or `likert`: the kind of answer an item takes. */
export function itemTypeName(type: ItemType, lang: Lang): string {
  return t(lang, TYPE_NAMES[type], type);
}

/** `观察` or `observe`: how the auditor checks the criterion. */
export function methodName(method: ItemMethod, lang: Lang): string {
  return t(lang, METHOD_NAMES[method], method);
}
