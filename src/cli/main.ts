// The command line: parses arguments, picks language and colour, runs one command, and returns the
// exit code. Each command is declared, with its typed options, in commands/; what it does is in
// actions/, imported only when that command runs, so `--version` and `validate` do not pay for the
// walkthrough's prompts or the report writer.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { LANGS, t, type Lang } from '../shared/lang.js';
import { langOf, speakCommander } from './commander-language.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { scoreCommand } from './commands/score.js';
import { showCommand } from './commands/show.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, processIo } from './io.js';
import { UserError } from '../shared/user-error.js';
import { describeStdoutError } from '../shared/write-errors.js';
import type { CommandIo } from '../shared/io.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** One line and where to report it, never a stack: users can act on neither, and a stack shows private paths. */
function reportUnexpected(error: unknown, lang: Lang): void {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(
    t(
      lang,
      `svc-audit: 意外错误:${detail}\n这是 svc-audit 的缺陷;请连同所运行的命令一起报告。\n`,
      `svc-audit: unexpected error: ${detail}\nThis is a bug in svc-audit; please report it with the command you ran.\n`,
    ),
  );
}

// Shells report a writer ended by a closed pipe as 128 + SIGPIPE (13); Node ignores the signal instead.
const EXIT_BROKEN_PIPE = 141;
let strayErrorsHandled = false;

/**
 * Errors outside the command's own promise (a callback that throws, a promise nobody awaits, stdout
 * closed under us) would make Node print a stack. They end the same way as errors inside it, but
 * at once: nothing after an uncaught error can be trusted.
 */
function handleStrayErrors(lang: Lang): void {
  if (strayErrorsHandled) return;
  strayErrorsHandled = true;
  const end = (error: unknown) => {
    // The reader of our output went away (`| head`): nothing is wrong, and nobody is left to tell.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') process.exit(EXIT_BROKEN_PIPE);
    reportUnexpected(error, lang);
    process.exit(EXIT.usage);
  };
  process.on('uncaughtException', end);
  process.on('unhandledRejection', end);
  // Stdout that cannot take the output (`> /dev/full`) says so after the write: the user's disk, not a bug.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_BROKEN_PIPE);
    process.stderr.write(`svc-audit: ${describeStdoutError(error, lang)}\n`);
    process.exit(EXIT.usage);
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('svc-audit')
    .description('Audit customer service: find the gaps between what customers expect and what a site delivers.')
    .version(packageJson.version, '-V, --version')
    .addOption(new Option('--lang <lang>', 'language of messages and headings (default: from LANG/LC_ALL)').choices(LANGS))
    .exitOverride();
  const lang = langOf(argv.slice(2), process.env);
  speakCommander(program, lang);
  handleStrayErrors(lang);
  /** The command's action, given the io of this run and what commander parsed; its result is the exit code. */
  const runs =
    <A extends unknown[]>(action: (io: CommandIo, ...args: A) => Promise<number>) =>
    async (...args: A) => {
      exitCode = await action(processIo(lang), ...args);
    };
  const commands = [
    validateCommand.action(runs(async (io, paths, options) => (await import('./actions/validate.js')).validate(io, paths, options))),
    listCommand.action(runs(async (io, options) => (await import('./actions/list.js')).list(io, options))),
    showCommand.action(runs(async (io, reference, options) => (await import('./actions/show.js')).show(io, reference, options))),
    initCommand.action(runs(async (io, id, options) => (await import('./actions/init.js')).init(io, id, options))),
    schemaCommand.action(runs(async (io, kind) => (await import('./actions/schema.js')).schema(io, kind))),
    runCommand.action(runs(async (io, checklist, options) => (await import('./actions/run.js')).run(io, checklist, options))),
    scoreCommand.action(runs(async (io, paths, options) => (await import('./actions/score.js')).score(io, paths, options))),
    reportCommand.action(runs(async (io, paths, options) => (await import('./actions/report.js')).report(io, paths, options))),
    importCommand.action(runs(async (io, file, options) => (await import('./actions/import.js')).importSurvey(io, file, options))),
  ];
  // Commands declared on their own take the program's settings (exit override, help after errors) here.
  for (const command of commands) program.addCommand(command.copyInheritedSettings(program));

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      process.stderr.write(`svc-audit: ${error.message}\n`);
      return EXIT.usage;
    }
    reportUnexpected(error, lang);
    return EXIT.usage;
  }
}
