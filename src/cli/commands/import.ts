import { Command } from '@commander-js/extra-typings';
import { checklistsOption } from '../options.js';

export const importCommand = new Command('import')
  .description('audit files from a survey or spreadsheet export (CSV, TSV, XLSX), one per data row, as a map says; exit 1 when a row could not be read (the others are written)')
  .argument('<file>', 'the export: CSV or TSV (delimiter detected; UTF-8, or UTF-16 with a byte order mark) or XLSX')
  .option('--map <map>', 'the map file (YAML) saying which column holds what')
  .option('--out <dir>', 'folder to write the audits to (default: ./audits/; files are never overwritten)')
  .option('--encoding <encoding>', 'text encoding of a CSV without a byte order mark: gb18030, gbk, big5, shift_jis, cp949, windows-1252, …')
  .option('--sheet <sheet>', 'XLSX sheet, by name or number (default: the first)')
  .option('--init', 'write a starting map instead, matching the headers to the item texts of --checklist')
  .option('--checklist <checklist>', 'with --init: the checklist the survey measures (id or path)')
  .option('-o, --output <map>', 'with --init: the map file to write (default: FILE’s name with .map.yaml; never overwrites)')
  .addOption(checklistsOption());

export type ImportOptions = ReturnType<typeof importCommand.opts>;
