import { Command } from '@commander-js/extra-typings';
import { AUDIT_CHECKLISTS, checklistsOption } from '../options.js';

export const reportCommand = new Command('report')
  .description('the Markdown report for a client: one audit in detail, or many compared with an appendix per audit')
  .argument('<paths...>', 'files or folders of audits (checklists among them are skipped)')
  .option('-o, --out <file>', 'file to write, replaced atomically (default: print to stdout)')
  .addOption(checklistsOption(AUDIT_CHECKLISTS));

export type ReportOptions = ReturnType<typeof reportCommand.opts>;
