// Option pieces several commands share, declared once.
import { Option } from '@commander-js/extra-typings';

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--checklists DIR`, repeatable: folders searched for checklists before ./checklists/ and the built-in ones. */
export const checklistsOption = (description = 'folder of checklists (repeatable)') =>
  new Option('--checklists <dir>', description).argParser(collect).default([] as string[]);

export const AUDIT_CHECKLISTS = 'folder of checklists to look audits up in (repeatable)';
