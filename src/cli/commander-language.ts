// commander in the user's language: help laid out and worded in Chinese or English, and commander's
// own error messages translated. The language has to be known before commander parses anything —
// its errors and `--help` happen during parsing — so it is read from argv and the locale first.
import { Help, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { detectLang, isLang, type Lang } from '../shared/lang.js';
import { displayWidth, wrapToWidth } from '../shared/text-width.js';
import { AFTER_ERROR, COMMANDER_ERRORS_ZH, HELP_LAYOUT_ZH, HELP_ZH } from './help-words.js';

/**
 * The language a run speaks, as commander will parse it: a valid `--lang X` or `--lang=X` before any
 * `--` (the last one wins, as commander has it), else the locale. An invalid value is commander's
 * to refuse, in the locale's language.
 */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  let chosen: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') chosen = argv[++i];
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
  }
  return chosen !== undefined && isLang(chosen) ? chosen : detectLang(env);
}

const chinese = (english: string): string => HELP_ZH.get(english) ?? english;

/**
 * A description with commander's `(choices: …, default: …)` after it, both in Chinese; inside the
 * description's own closing parenthesis when it ends in one, so that two do not stand side by side.
 */
function chineseWithExtras(english: string, description: string): string {
  const words = chinese(description);
  const extras = english.slice(description.length).trim();
  if (extras === '') return words;
  const inner = extras
    .slice(1, -1)
    .replaceAll('", "', '"、"')
    .replace(/, (?=default: )/, ';')
    .replace(/choices: |default: /g, (word) => HELP_LAYOUT_ZH[word] ?? word);
  return words.endsWith(')') ? `${words.slice(0, -1)};${inner})` : `${words}(${inner})`;
}

const chinesePlaceholders = (usage: string): string =>
  usage
    .split(' ')
    .map((word) => HELP_LAYOUT_ZH[word] ?? word)
    .join(' ');

// Every subcommand's help lists the program's options too (--lang, --version): they work after
// the subcommand as well, and a user reading `score --help` should learn that output can be Chinese.
const ENGLISH_HELP: Partial<Help> = { showGlobalOptions: true };

const CHINESE_HELP: Partial<Help> = {
  showGlobalOptions: true,
  styleTitle: (title) => HELP_LAYOUT_ZH[title] ?? title,
  commandUsage(this: Help, cmd) {
    return chinesePlaceholders(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd) {
    return chinesePlaceholders(Help.prototype.subcommandTerm.call(this, cmd));
  },
  commandDescription: (cmd) => chinese(cmd.description()),
  subcommandDescription: (cmd) => chinese(cmd.summary() || cmd.description()),
  optionDescription(this: Help, option) {
    return chineseWithExtras(Help.prototype.optionDescription.call(this, option), option.description ?? '');
  },
  argumentDescription(this: Help, argument) {
    return chineseWithExtras(Help.prototype.argumentDescription.call(this, argument), argument.description);
  },
  // Chinese characters take two columns and break between characters, not at spaces.
  displayWidth: (text) => displayWidth(text),
  boxWrap(this: Help, text, width) {
    return width < this.minWidthToWrap ? text : wrapToWidth(text, width);
  },
};

/** One of commander's messages in Chinese, line by line; a line we do not know stays as it is. */
function chineseError(message: string): string {
  return message
    .split('\n')
    .map((line) => {
      for (const [pattern, words] of COMMANDER_ERRORS_ZH) {
        const match = pattern.exec(line);
        if (match) return words(chineseReason, ...match.slice(1).map((part) => part ?? ''));
      }
      return line;
    })
    .join('\n');
}

/** Why an argument was refused: one of our parsers' sentences, or commander's own. */
const chineseReason = (reason: string): string => HELP_ZH.get(reason) ?? chineseError(reason);

/**
 * Help, usage errors and the hint after them in `lang`. Set on the program before its commands are
 * added: `copyInheritedSettings` hands the settings to each command.
 */
export function speakCommander(program: CommandUnknownOpts, lang: Lang): void {
  program.showHelpAfterError(AFTER_ERROR[lang]);
  if (lang === 'en') {
    program.configureHelp(ENGLISH_HELP);
    return;
  }
  program.configureHelp(CHINESE_HELP);
  program.configureOutput({ outputError: (text, write) => write(chineseError(text)) });
}
