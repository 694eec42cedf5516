// The words of score tables and reports in both languages, kept together so the terminal table, the
// Markdown output and the report call the same thing by the same name.
import type { Lang } from '../shared/lang.js';

const WORDS = {
  section: { 'zh-CN': '部分', en: 'Section' },
  factor: { 'zh-CN': '因素', en: 'Factor' },
  item: { 'zh-CN': '题目', en: 'Item' },
  score: { 'zh-CN': '得分', en: 'Score' },
  expected: { 'zh-CN': '期望', en: 'Expected' },
  gap: { 'zh-CN': '差距', en: 'Gap' },
  n: { 'zh-CN': '次数', en: 'n' },
  mean: { 'zh-CN': '平均', en: 'Mean' },
  min: { 'zh-CN': '最低', en: 'Min' },
  max: { 'zh-CN': '最高', en: 'Max' },
  rank: { 'zh-CN': '名次', en: '#' },
  site: { 'zh-CN': '门店', en: 'Site' },
  sites: { 'zh-CN': '门店数', en: 'Sites' },
  audits: { 'zh-CN': '审核次数', en: 'Audits' },
  date: { 'zh-CN': '日期', en: 'Date' },
  lastVisit: { 'zh-CN': '最近一次', en: 'Last visit' },
  auditor: { 'zh-CN': '审核人', en: 'Auditor' },
  checklist: { 'zh-CN': '清单', en: 'Checklist' },
  status: { 'zh-CN': '状态', en: 'Status' },
  file: { 'zh-CN': '文件', en: 'File' },
  result: { 'zh-CN': '结果', en: 'Result' },
  failedAudits: { 'zh-CN': '关键项未达标', en: 'Failed' },
  auditsFailed: { 'zh-CN': '关键项未达标的审核', en: 'Audits failing a critical item' },
  meanScore: { 'zh-CN': '平均得分', en: 'Mean score' },
  scoreRange: { 'zh-CN': '得分范围', en: 'Score range' },
  priority: { 'zh-CN': '优先度', en: 'Priority' },
  answer: { 'zh-CN': '回答', en: 'Answer' },
  note: { 'zh-CN': '备注', en: 'Note' },
  evidence: { 'zh-CN': '证据', en: 'Evidence' },
  pass: { 'zh-CN': '通过', en: 'pass' },
  fail: { 'zh-CN': '不通过', en: 'fail' },
  complete: { 'zh-CN': '已完成', en: 'complete' },
  draft: { 'zh-CN': '草稿', en: 'draft' },
  yes: { 'zh-CN': '是', en: 'yes' },
  no: { 'zh-CN': '否', en: 'no' },
  na: { 'zh-CN': '不适用', en: 'N/A' },
  unanswered: { 'zh-CN': '未回答', en: 'not answered' },
  sections: { 'zh-CN': '各部分差距', en: 'Gaps by section' },
  worstFactors: { 'zh-CN': '差距最大的因素', en: 'Worst factors' },
  factors: { 'zh-CN': '各因素差距', en: 'Gaps by factor' },
  criticalFailures: { 'zh-CN': '关键项未达标', en: 'Critical failures' },
  fixFirst: { 'zh-CN': '优先改进', en: 'Fix first' },
  ranking: { 'zh-CN': '门店排名', en: 'Site ranking' },
  sectionSummary: { 'zh-CN': '各部分汇总', en: 'Sections across audits' },
  worstFactorsAcrossSites: { 'zh-CN': '各门店差距最大的因素', en: 'Worst factors across sites' },
  criticalFailuresBySite: { 'zh-CN': '各门店关键项未达标', en: 'Critical failures by site' },
  chart: { 'zh-CN': '各部分得分与期望', en: 'Score vs expected by section' },
  items: { 'zh-CN': '题目、备注与证据', en: 'Items, notes and evidence' },
  overall: { 'zh-CN': '总体', en: 'Overall' },
  noAudits: { 'zh-CN': '没有可计分的审核记录。', en: 'No audits were scored.' },
  noCriticalFailures: { 'zh-CN': '没有关键项未达标。', en: 'No critical item fell short.' },
  nothingToFix: { 'zh-CN': '每个因素都达到了期望。', en: 'Every factor meets its expectation.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof WORDS;

export type Words = Readonly<Record<Word, string>>;

export function wordsIn(lang: Lang): Words {
  return Object.fromEntries(Object.entries(WORDS).map(([key, phrasing]) => [key, phrasing[lang]])) as Words;
}
