// Findings as text for people, JSON for scripts, and GitHub workflow commands for annotations.
import { describeFinding } from './finding-messages.js';
import { t, type Lang } from '../shared/lang.js';
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../shared/findings.js';
import { plainLine } from '../shared/plain-text.js';

import type { FindingFormat } from './registry.js';

export type { FindingFormat };

export interface FindingSummary {
  readonly files: number;
  readonly findings: readonly Finding[];
}

export function findingToJson(finding: Finding, lang: Lang) {
  const { file, line, column, code } = finding;
  return { file, line, column, code, message: describeFinding(finding, lang) };
}

// GitHub reads `::error file=…::message` lines; these characters would end or split the command.
function escapeGithubData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}
function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

// The text format is read on a terminal: a file name may carry escape sequences or line breaks too
// (a folder unpacked from anywhere), so it is shown as plain text on one line like the message.
const shownFile = plainLine;

export function renderFindings(summary: FindingSummary, format: FindingFormat, lang: Lang): string {
  const { findings } = summary;
  switch (format) {
    case 'json':
      return `${JSON.stringify({ files: summary.files, findings: findings.map((f) => findingToJson(f, lang)) }, null, 2)}\n`;
    case 'github':
      return findings
        .map(
          (f) =>
            `::error file=${escapeGithubProperty(f.file)},line=${f.line},col=${f.column},title=${escapeGithubProperty(f.code)}::${escapeGithubData(describeFinding(f, lang))}\n`,
        )
        .join('');
    case 'text':
      return findings.map((f) => `${shownFile(f.file)}:${f.line}:${f.column}: ${describeFinding(f, lang)} [${f.code}]\n`).join('');
  }
}

export function renderFindingsSummary({ files, findings }: FindingSummary, lang: Lang, colour: ChalkInstance): string {
  if (findings.length === 0) {
    return `${colour.green(t(lang, `✔ 已检查 ${files} 个文件,没有问题`, `✔ ${files} file${files === 1 ? '' : 's'} checked, no problems`))}\n`;
  }
  const bad = new Set(findings.map((f) => f.file)).size;
  return `${colour.red(
    t(
      lang,
      `✖ ${bad} 个文件共 ${findings.length} 个问题(共检查 ${files} 个文件)`,
      `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} in ${bad} of ${files} file${files === 1 ? '' : 's'}`,
    ),
  )}\n`;
}
