import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { FORMATS } from '../../format/registry.js';
import { AUDIT_CHECKLISTS, checklistsOption } from '../options.js';

function scoreThreshold(value: string): number {
  const threshold = Number(value);
  if (value.trim() === '' || !(threshold >= 0 && threshold <= 100)) throw new InvalidArgumentError('expected a score from 0 to 100.');
  return threshold;
}

export const scoreCommand = new Command('score')
  .description('score audits (files or folders, any checklists) and compare sites; exit 1 on a bad file, or with --fail-under on a low score or a critical failure')
  .argument('<paths...>', 'files or folders (folders are searched for *.yaml and *.yml; checklists among them are skipped)')
  .addOption(new Option('--format <format>', 'output format').choices(FORMATS.score).default('table' as const))
  .option('--fail-under <n>', 'exit 1 when any audit’s overall score is under N (0–100) or an audit fails a critical item', scoreThreshold)
  .option('--include-drafts', 'count drafts in summaries and rankings (they are always shown, marked)', false)
  .addOption(checklistsOption(AUDIT_CHECKLISTS));

export type ScoreOptions = ReturnType<typeof scoreCommand.opts>;
