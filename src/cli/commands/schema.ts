import { Argument, Command } from '@commander-js/extra-typings';
import { SCHEMA_NAMES } from '../../model/vocabulary.js';

export const schemaCommand = new Command('schema')
  .description('print the JSON Schema of checklist, audit or import map files (for editors and other tools)')
  .addArgument(new Argument('<kind>', SCHEMA_NAMES.join(' or ')).choices(SCHEMA_NAMES));
