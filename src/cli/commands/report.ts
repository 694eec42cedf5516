import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { FORMATS } from '../../format/registry.js';
import { AUDIT_CHECKLISTS, checklistsOption } from '../options.js';

/** An ISO calendar date (YYYY-MM-DD) that exists, as an audit's `date` is. */
function isoDate(value: string): string {
  // Date.parse takes 2026-02-30 as 2 March: the date must come back as it was written.
  const time = Date.parse(`${value}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  if (!valid) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

export const reportCommand = new Command('report')
  .description('the report for a client (Markdown, or self-contained HTML with charts): one audit in detail, or many compared with an appendix per audit')
  .argument('<paths...>', 'files or folders of audits (checklists among them are skipped)')
  .addOption(new Option('--format <format>', 'output format').choices(FORMATS.report).default('markdown' as const))
  .option('-o, --out <file>', 'file to write, replaced atomically (default: print to stdout)')
  .option('--title <title>', 'title on the cover (default: Customer service audit report)')
  .option('--since <date>', 'report visits on or after this date (YYYY-MM-DD); earlier ones give the previous period', isoDate)
  .option('--until <date>', 'report visits on or before this date (YYYY-MM-DD)', isoDate)
  .option('--no-appendix', 'leave out the appendix of each audit')
  .option('--include-drafts', 'count drafts in summaries and rankings (they are always shown, marked)', false)
  .addOption(checklistsOption(AUDIT_CHECKLISTS));

export type ReportOptions = ReturnType<typeof reportCommand.opts>;
