import { Command, Option } from '@commander-js/extra-typings';
import { FORMATS } from '../../format/registry.js';
import { AUDIT_CHECKLISTS, checklistsOption } from '../options.js';

export const validateCommand = new Command('validate')
  .description('check checklists and audits (told apart by content); findings name file:line:column')
  .argument('<paths...>', 'files or folders (folders are searched for *.yaml and *.yml)')
  .addOption(new Option('--format <format>', 'output format').choices(FORMATS.validate).default('text' as const))
  .addOption(checklistsOption(AUDIT_CHECKLISTS));

export type ValidateOptions = ReturnType<typeof validateCommand.opts>;
