// Check items: a yes/no observation; yes is what is expected.
import { t } from '../../shared/lang.js';
import { notAnAnswer, type ItemTypeSpec } from './item-type.js';

export const check: ItemTypeSpec = {
  name: 'check',
  input: 'yes-no',
  scored: true,
  ownKeys: [],
  checkItem: () => [],
  fits: (_item, _checklist, value) => typeof value === 'boolean',
  score(item, answer) {
    if (typeof answer.value !== 'boolean') notAnAnswer(item, 'check', answer.value);
    return { score: answer.value ? 100 : 0, expected: 100, adequate: 100 };
  },
  answerText: (_item, value, _checklist, lang) => (value === true ? t(lang, '是', 'yes') : t(lang, '否', 'no')),
};
