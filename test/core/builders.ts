// Plain-object checklists and audits for hand-computed tests: ids double as titles and texts.
import type { Audit, Checklist, Factor, Item, Section } from '../../src/model/types.js';

type Extra<T> = Partial<Omit<T, 'id'>>;

export const likert = (id: string, extra: Extra<Item> = {}): Item => ({ id, text: id, ...extra });
export const check = (id: string, extra: Extra<Item> = {}): Item => ({ id, text: id, type: 'check', ...extra });
export const textItem = (id: string): Item => ({ id, text: id, type: 'text' });
export const measure = (id: string, better: 'lower' | 'higher', target: number, limit: number, extra: Extra<Item> = {}): Item => ({
  id,
  text: id,
  type: 'measure',
  better,
  target,
  limit,
  ...extra,
});

export const factor = (id: string, items: Item[], extra: Extra<Factor> = {}): Factor => ({ id, title: id, items, ...extra });
export const section = (id: string, factors: Factor[], extra: Extra<Section> = {}): Section => ({ id, title: id, factors, ...extra });

export const checklistOf = (sections: Section[], extra: Partial<Checklist> = {}): Checklist => ({
  id: 'test-checklist',
  version: '1.0.0',
  title: 'Test checklist',
  scale: { min: 1, max: 5 },
  sections,
  ...extra,
});

export const auditOf = (responses: Audit['responses'], extra: Partial<Audit> = {}): Audit => ({
  checklist: { id: 'test-checklist', version: '1.0.0' },
  site: 'Store 042',
  auditor: 'Li Wei',
  date: '2026-11-23',
  status: 'complete',
  responses,
  ...extra,
});

/** A one-section, one-factor checklist around the given items. */
export const checklistWithItems = (items: Item[], extra: Partial<Checklist> = {}): Checklist =>
  checklistOf([section('s', [factor('f', items)])], extra);
