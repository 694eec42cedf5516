// A checklist as an indented tree for people: what each item asks, its type, how it is checked, its
// weight and expectation.
import type { ChalkInstance } from 'chalk';
import { itemScale, weightOf } from '../model/checklist.js';
import { typeOf } from '../model/item-types/index.js';
import { localize, t, type Lang } from '../shared/lang.js';
import type { Checklist, Item } from '../model/types.js';
import { plainLine } from '../shared/plain-text.js';
import { unitName } from '../shared/units.js';
import { itemTypeName, methodName } from './item-words.js';

// Titles, wording and units come from checklist files anyone may have written.
const shown = plainLine;

function itemDetails(item: Item, checklist: Checklist, lang: Lang): string {
  const type = typeOf(item).name;
  const parts: string[] = [itemTypeName(type, lang)];
  if (type === 'likert') {
    const scale = itemScale(item, checklist);
    if (scale) parts.push(`${scale.min}–${scale.max}`, `${t(lang, '期望', 'expect')} ${item.expected ?? checklist.expected ?? scale.max}`);
  }
  if (type === 'measure') {
    const sign = item.better === 'lower' ? '≤' : '≥';
    const unit = shown(unitName(item.unit, lang));
    parts.push(`${t(lang, '目标', 'target')} ${sign} ${item.target} ${unit}`.trimEnd(), `${t(lang, '界限', 'limit')} ${item.limit} ${unit}`.trimEnd());
  }
  if (item.method !== undefined) parts.push(methodName(item.method, lang));
  if (item.weight !== undefined) parts.push(`${t(lang, '权重', 'weight')} ${item.weight}`);
  if (item.critical) parts.push(t(lang, '关键', 'critical'));
  return parts.join(' · ');
}

export function renderChecklistTree(checklist: Checklist, lang: Lang, colour: ChalkInstance): string {
  const lines: string[] = [];
  lines.push(`${colour.bold(shown(localize(checklist.title, lang)))}  ${colour.dim(`${checklist.id} ${checklist.version}`)}`);
  if (checklist.scale) {
    lines.push(
      colour.dim(
        `${t(lang, '量表', 'scale')} ${checklist.scale.min}–${checklist.scale.max} · ${t(lang, '默认期望', 'default expectation')} ${checklist.expected ?? checklist.scale.max}`,
      ),
    );
  }
  const branch = (last: boolean) => (last ? '└─ ' : '├─ ');
  const stem = (last: boolean) => (last ? '   ' : '│  ');
  checklist.sections.forEach((section, s) => {
    const lastSection = s === checklist.sections.length - 1;
    lines.push(
      `${branch(lastSection)}${colour.bold(shown(localize(section.title, lang)))} ${colour.dim(`[${section.id}] ${t(lang, '权重', 'weight')} ${weightOf(section)}`)}`,
    );
    section.factors.forEach((factor, f) => {
      const lastFactor = f === section.factors.length - 1;
      lines.push(
        `${stem(lastSection)}${branch(lastFactor)}${shown(localize(factor.title, lang))} ${colour.dim(`[${factor.id}] ${t(lang, '权重', 'weight')} ${weightOf(factor)}`)}`,
      );
      factor.items.forEach((item, i) => {
        const lastItem = i === factor.items.length - 1;
        lines.push(
          `${stem(lastSection)}${stem(lastFactor)}${branch(lastItem)}${shown(localize(item.text, lang))} ${colour.dim(`[${item.id}] ${itemDetails(item, checklist, lang)}`)}`,
        );
      });
    });
  });
  const factors = checklist.sections.reduce((n, section) => n + section.factors.length, 0);
  const items = checklist.sections.reduce((n, section) => section.factors.reduce((m, factor) => m + factor.items.length, n), 0);
  lines.push(
    colour.dim(
      t(lang, `${checklist.sections.length} 个部分 · ${factors} 个因素 · ${items} 个题目`, `${checklist.sections.length} sections · ${factors} factors · ${items} items`),
    ),
  );
  return `${lines.join('\n')}\n`;
}
