import { Command } from '@commander-js/extra-typings';
import { checklistsOption } from '../options.js';

export const listCommand = new Command('list')
  .description('list the checklists found (--checklists, ./checklists/, built-in)')
  .addOption(checklistsOption());

export type ListOptions = ReturnType<typeof listCommand.opts>;
