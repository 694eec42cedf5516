import { Command } from '@commander-js/extra-typings';
import { checklistsOption } from '../options.js';

export const runCommand = new Command('run')
  .description('walk a checklist on site, saving after every answer (Ctrl-C keeps a draft to --resume)')
  .argument('[checklist]', 'checklist id or path (asked for when left out)')
  .option('--site <site>', 'the site audited (asked for when left out; the last one is offered)')
  .option('--auditor <name>', 'who audits (asked for when left out; the last one is offered)')
  .option('--date <date>', 'date of the visit, YYYY-MM-DD (asked for, today by default)')
  .option('-o, --out <file>', 'audit file to create (default: ./audits/DATE-SITE.yaml, offering a draft of that site and day; never overwrites)')
  .option('--resume <file>', 'continue a draft audit at its first unanswered item')
  .option('--reopen <file>', 'open a complete audit again to correct it (keeps its answers, records when)')
  .option('--report <file>', 'write the Markdown report of the finished audit to this file')
  .addOption(checklistsOption());

export type RunCommandOptions = ReturnType<typeof runCommand.opts>;
