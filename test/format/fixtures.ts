// Hand-built scoring results for the renderer tests: the renderers must show what they are given,
// whatever the scoring core computes.
import type { AuditResult, Summary } from '../../src/core/score-types.js';
import { checklistKey } from '../../src/core/summarize.js';
import type { Audit, Checklist } from '../../src/model/types.js';

export const checklist: Checklist = {
  id: 'shop-basics',
  version: '1.0.0',
  title: { 'zh-CN': '门店基础', en: 'Shop basics' },
  scale: { min: 1, max: 5, labels: { '5': { 'zh-CN': '很好', en: 'Excellent' } } },
  expected: 4,
  sections: [
    {
      id: 'staff',
      title: { 'zh-CN': '员工', en: 'Staff' },
      weight: 2,
      factors: [
        {
          id: 'greeting',
          title: { 'zh-CN': '问候', en: 'Greeting' },
          items: [
            { id: 'greets', text: { 'zh-CN': '主动问候', en: 'Greets every customer' } },
            { id: 'smiles', text: { 'zh-CN': '微笑', en: 'Smiles' }, type: 'check', critical: true },
          ],
        },
        {
          id: 'speed',
          title: { 'zh-CN': '速度', en: 'Speed' },
          items: [{ id: 'wait', text: { 'zh-CN': '等候时间', en: 'Waiting time' }, type: 'measure', unit: 's', better: 'lower', target: 30, limit: 120 }],
        },
      ],
    },
    {
      id: 'place',
      title: { 'zh-CN': '环境', en: 'Place' },
      factors: [
        {
          id: 'cleanliness',
          title: { 'zh-CN': '整洁', en: 'Cleanliness' },
          items: [
            { id: 'floor-clean', text: { 'zh-CN': '地面干净', en: 'Floor is clean' }, expected: 5 },
            { id: 'remarks', text: { 'zh-CN': '其他意见', en: 'Other remarks' }, type: 'text' },
          ],
        },
      ],
    },
  ],
};

export const checklists: ReadonlyMap<string, Checklist> = new Map([[checklistKey(checklist.id, checklist.version), checklist]]);

const key = { id: checklist.id, version: checklist.version };

/** A passing audit; its place section is 30 points short, staff 5 points over. */
export const passing: AuditResult = {
  file: 'audits/store-a.yaml',
  checklist: key,
  site: 'Store A',
  auditor: 'Li Wei',
  date: '2026-11-20',
  status: 'complete',
  result: 'pass',
  score: 80.04,
  expected: 88.333333333333,
  gap: -8.293333333333,
  criticalFailures: [],
  sections: [
    {
      id: 'staff',
      score: 92.5,
      expected: 87.5,
      gap: 5,
      factors: [
        {
          id: 'greeting',
          score: 87.5,
          expected: 87.5,
          gap: 0,
          items: [
            { id: 'greets', value: 4, score: 75, expected: 75, gap: 0 },
            { id: 'smiles', value: true, score: 100, expected: 100, gap: 0 },
          ],
        },
        { id: 'speed', score: 97.5, expected: 87.5, gap: 10, items: [{ id: 'wait', value: 32, score: 97.5, expected: 100, gap: -2.5 }] },
      ],
    },
    {
      id: 'place',
      score: 70,
      expected: 100,
      gap: -30,
      factors: [{ id: 'cleanliness', score: 70, expected: 100, gap: -30, items: [{ id: 'floor-clean', value: 3, score: 50, expected: 100, gap: -50 }] }],
    },
  ],
};

/** A site name and notes full of Markdown and CSV syntax. */
export const HOSTILE_SITE = 'Store B, <b>Nanjing</b> | "East" *1* _2_ [x](y) `z` ~3~ $4$ #5 \\6\nsecond line\u0007';

/** A failing audit of a site whose name is hostile to every format; `greets` is `na`, the place section unscored. */
export const failing: AuditResult = {
  file: 'audits/store-b.yaml',
  checklist: key,
  site: HOSTILE_SITE,
  auditor: '王芳',
  date: '2026-11-21',
  status: 'draft',
  result: 'fail',
  score: 13.75,
  expected: 100,
  gap: -86.25,
  criticalFailures: [{ section: 'staff', factor: 'greeting', item: 'smiles', score: 0, expected: 100, gap: -100 }],
  sections: [
    {
      id: 'staff',
      score: 13.75,
      expected: 100,
      gap: -86.25,
      factors: [
        {
          id: 'greeting',
          score: 0,
          expected: 100,
          gap: -100,
          items: [
            { id: 'greets', na: true },
            { id: 'smiles', value: false, score: 0, expected: 100, gap: -100 },
          ],
        },
        { id: 'speed', score: 27.5, expected: 100, gap: -72.5, items: [{ id: 'wait', value: 95.25, score: 27.5, expected: 100, gap: -72.5 }] },
      ],
    },
  ],
};

/** The audit file behind `failing`, for the report's answers, notes and evidence. */
export const failingAudit: Audit = {
  checklist: key,
  site: HOSTILE_SITE,
  auditor: '王芳',
  date: '2026-11-21',
  status: 'draft',
  responses: {
    greets: { na: true, note: 'Looked away | *twice*\nthen <left>', evidence: ['photos/door 1.jpg', 'https://example.com/a(1)|b.jpg', 'javascript:alert(1)'] },
    smiles: false,
    wait: 95.25,
    'floor-clean': 'na',
    remarks: '`rm -rf /` [click](http://evil.example)',
  },
};

export const passingAudit: Audit = {
  checklist: key,
  site: 'Store A',
  auditor: 'Li Wei',
  date: '2026-11-20',
  status: 'complete',
  responses: { greets: 4, smiles: true, wait: 32, 'floor-clean': 3, remarks: '' },
};

/** A second visit to Store A, so the ranking has a site with two audits. */
export const passingAgain: AuditResult = { ...passing, file: 'audits/store-a-2.yaml', date: '2026-11-27', score: 90, expected: 90, gap: 0 };

export const summary: Summary = {
  checklist: key,
  n: 3,
  score: 63.3,
  expected: 90.7,
  gap: -27.4,
  min: 20,
  max: 90,
  sections: [
    {
      id: 'staff',
      n: 3,
      score: 68.3,
      expected: 89.6,
      gap: -21.3,
      min: 20,
      max: 92.5,
      factors: [
        { id: 'greeting', n: 3, score: 62.5, expected: 87.5, gap: -25, min: 12.5, max: 87.5 },
        { id: 'speed', n: 3, score: 74.2, expected: 91.7, gap: -17.5, min: 27.5, max: 97.5 },
      ],
    },
    { id: 'place', n: 2, score: 70, expected: 100, gap: -30, min: 70, max: 70, factors: [{ id: 'cleanliness', n: 2, score: 70, expected: 100, gap: -30, min: 70, max: 70 }] },
  ],
  priorities: [
    { section: 'staff', factor: 'greeting', priority: 8.3 },
    { section: 'place', factor: 'cleanliness', priority: 10 },
    { section: 'staff', factor: 'speed', priority: 0 },
  ].sort((a, b) => b.priority - a.priority),
};
