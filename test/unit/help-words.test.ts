// Every description a command's help shows has its Chinese in the catalogue, so an option added in
// English alone fails here rather than showing English on a Chinese screen.
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.js';
import { initCommand } from '../../src/cli/commands/init.js';
import { listCommand } from '../../src/cli/commands/list.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { schemaCommand } from '../../src/cli/commands/schema.js';
import { scoreCommand } from '../../src/cli/commands/score.js';
import { showCommand } from '../../src/cli/commands/show.js';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { HELP_ZH } from '../../src/cli/help-words.js';

const COMMANDS: readonly CommandUnknownOpts[] = [importCommand, initCommand, listCommand, reportCommand, runCommand, schemaCommand, scoreCommand, showCommand, validateCommand];

const descriptions = (command: CommandUnknownOpts): string[] => [
  command.description(),
  ...command.registeredArguments.map((argument) => argument.description),
  ...command.options.map((option) => option.description ?? ''),
];

describe('help catalogue', () => {
  it.each(COMMANDS.map((command) => [command.name(), command] as const))('has Chinese for every description of %s', (_, command) => {
    const missing = descriptions(command).filter((text) => text !== '' && !HELP_ZH.has(text));
    expect(missing).toEqual([]);
  });

  it('translates into Chinese, not into the same English', () => {
    for (const [english, chinese] of HELP_ZH) {
      expect(chinese, english).not.toBe(english);
      expect(chinese, english).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
