// The commands the walkthrough prints for the auditor to run next, exactly as a shell takes them:
// in the language of this run and with the checklist folders it used, so they show the same audit.
import path from 'node:path';
import type { CommandIo } from '../shared/io.js';

const SHELL_SAFE = /^[\w@%+=:,./-]+$/;
const shellWord = (word: string) => (SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

type Where = Pick<CommandIo, 'cwd' | 'lang'>;

/** The file as the auditor reaches it from here: relative below the working folder, absolute elsewhere. */
function reachable(io: Where, file: string): string {
  const shown = path.relative(io.cwd, file);
  return shown.startsWith('..') ? file : shown;
}

function command(io: Where, words: readonly string[], checklists: readonly string[]): string {
  return [...words, '--lang', io.lang, ...checklists.flatMap((dir) => ['--checklists', dir])].map(shellWord).join(' ');
}

/** `svc-audit run --resume audits/x.yaml --lang zh-CN`: continues this audit. */
export function resumeCommand(io: Where, file: string, checklists: readonly string[]): string {
  return command(io, ['svc-audit', 'run', '--resume', reachable(io, file)], checklists);
}

/** `svc-audit report audits/x.yaml -o audits/x.md --lang en`: the report of this audit, for the client. */
export function reportCommand(io: Where, file: string, checklists: readonly string[]): string {
  const audit = reachable(io, file);
  return command(io, ['svc-audit', 'report', audit, '-o', `${audit.replace(/\.ya?ml$/i, '')}.md`], checklists);
}
