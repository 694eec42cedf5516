import { Command } from '@commander-js/extra-typings';
import { checklistsOption } from '../options.js';

export const showCommand = new Command('show')
  .description('print a checklist as a tree with item types, weights and expectations')
  .argument('<checklist>', 'checklist id or path to a checklist file')
  .addOption(checklistsOption());

export type ShowOptions = ReturnType<typeof showCommand.opts>;
