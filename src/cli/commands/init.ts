import { Command } from '@commander-js/extra-typings';
import { checklistsOption } from '../options.js';

export const initCommand = new Command('init')
  .description('write a new checklist file to edit, starting from a built-in one (never overwrites)')
  .argument('<id>', 'id of the new checklist (kebab-case); the file is ID.yaml')
  .option('--from <checklist>', 'checklist to start from (id or path)', 'service-expectations')
  .option('-o, --out <file>', 'file to write (default: ./checklists/ID.yaml)')
  .addOption(checklistsOption());

export type InitOptions = ReturnType<typeof initCommand.opts>;
