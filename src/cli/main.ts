// The command line: parses arguments, picks language and colour, runs one command, and returns the
// exit code. Each command's module is imported only when that command runs, so `--version` and
// `validate` do not pay for the walkthrough's prompts or the report writer.
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { detectLang, LANGS, t, type Lang } from '../shared/lang.js';
import { EXIT, processIo } from './io.js';
import { UserError } from '../shared/user-error.js';
import type { CommandIo } from '../shared/io.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const collect = (value: string, previous: string[]) => [...previous, value];

interface GlobalOptions {
  lang?: Lang;
}

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
function handleStrayErrors(lang: () => Lang): void {
  if (strayErrorsHandled) return;
  strayErrorsHandled = true;
  const end = (error: unknown) => {
    // The reader of our output went away (`| head`): nothing is wrong, and nobody is left to tell.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') process.exit(EXIT_BROKEN_PIPE);
    reportUnexpected(error, lang());
    process.exit(EXIT.usage);
  };
  process.on('uncaughtException', end);
  process.on('unhandledRejection', end);
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('svc-audit');
  const lang = () => program.opts<GlobalOptions>().lang ?? detectLang(process.env);
  handleStrayErrors(lang);
  const ioFor = (command: Command): CommandIo => processIo(command.optsWithGlobals<GlobalOptions>().lang);
  const runs =
    <A extends unknown[]>(action: (io: CommandIo, ...args: A) => Promise<number>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      exitCode = await action(ioFor(command), ...(args.slice(0, -1) as A));
    };

  program
    .description('Audit customer service: find the gaps between what customers expect and what a site delivers.')
    .version(packageJson.version, '-V, --version')
    .addOption(
      new Option('--lang <lang>', 'language of messages and headings (default: from LANG/LC_ALL)').choices(LANGS),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('validate')
    .description('check checklists and audits (told apart by content); findings name file:line:column')
    .argument('<paths...>', 'files or folders (folders are searched for *.yaml and *.yml)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--checklists <dir>', 'folder of checklists to look audits up in (repeatable)', collect, [])
    .action(
      runs(async (io, paths: string[], options: { format: 'text' | 'json' | 'github'; checklists: string[] }) =>
        (await import('./commands/validate.js')).validateCommand(io, paths, options),
      ),
    );

  program
    .command('list')
    .description('list the checklists found (--checklists, ./checklists/, built-in)')
    .option('--checklists <dir>', 'folder of checklists (repeatable)', collect, [])
    .action(runs(async (io, options: { checklists: string[] }) => (await import('./commands/list.js')).listCommand(io, options)));

  program
    .command('show')
    .description('print a checklist as a tree with item types, weights and expectations')
    .argument('<checklist>', 'checklist id or path to a checklist file')
    .option('--checklists <dir>', 'folder of checklists (repeatable)', collect, [])
    .action(
      runs(async (io, reference: string, options: { checklists: string[] }) =>
        (await import('./commands/show.js')).showCommand(io, reference, options),
      ),
    );

  program
    .command('init')
    .description('write a new checklist file to edit, starting from a built-in one (never overwrites)')
    .argument('<id>', 'id of the new checklist (kebab-case); the file is ID.yaml')
    .option('--from <checklist>', 'checklist to start from (id or path)', 'service-expectations')
    .option('-o, --out <file>', 'file to write (default: ./checklists/ID.yaml)')
    .option('--checklists <dir>', 'folder of checklists (repeatable)', collect, [])
    .action(
      runs(async (io, id: string, options: { from: string; out?: string; checklists: string[] }) =>
        (await import('./commands/init.js')).initCommand(io, id, options),
      ),
    );

  program
    .command('schema')
    .description('print the JSON Schema of checklist or audit files (for editors and other tools)')
    .addArgument(new Argument('<kind>', 'checklist or audit').choices(['checklist', 'audit']))
    .action(
      runs(async (io, kind: 'checklist' | 'audit') => (await import('./commands/schema.js')).schemaCommand(io, kind)),
    );

  program
    .command('run')
    .description('walk a checklist on site, saving after every answer (Ctrl-C keeps a draft to --resume)')
    .argument('[checklist]', 'checklist id or path (asked for when left out)')
    .option('--site <site>', 'the site audited (asked for when left out; the last one is offered)')
    .option('--auditor <name>', 'who audits (asked for when left out; the last one is offered)')
    .option('--date <date>', 'date of the visit, YYYY-MM-DD (asked for, today by default)')
    .option('-o, --out <file>', 'audit file to create (default: ./audits/DATE-SITE.yaml; never overwrites)')
    .option('--resume <file>', 'continue a draft audit at its first unanswered item')
    .option('--report <file>', 'write the Markdown report of the finished audit to this file')
    .option('--checklists <dir>', 'folder of checklists (repeatable)', collect, [])
    .action(
      runs(
        async (
          io,
          checklist: string | undefined,
          options: { site?: string; auditor?: string; date?: string; out?: string; resume?: string; report?: string; checklists: string[] },
        ) => (await import('./commands/run.js')).runCommand(io, checklist, options),
      ),
    );

  program
    .command('score')
    .description('score audits (files or folders, any checklists) and compare sites; exit 1 on a bad file or a score under --fail-under')
    .argument('<paths...>', 'files or folders (folders are searched for *.yaml and *.yml; checklists among them are skipped)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .option('--fail-under <n>', 'exit 1 when any audit’s overall score is under N (0–100)', (value: string) => {
      const threshold = Number(value);
      if (value.trim() === '' || !(threshold >= 0 && threshold <= 100)) throw new InvalidArgumentError('expected a score from 0 to 100.');
      return threshold;
    })
    .option('--checklists <dir>', 'folder of checklists to look audits up in (repeatable)', collect, [])
    .action(
      runs(
        async (io, paths: string[], options: { format: 'table' | 'json' | 'csv' | 'markdown'; failUnder?: number; checklists: string[] }) =>
          (await import('./commands/score.js')).scoreCommand(io, paths, options),
      ),
    );

  program
    .command('report')
    .description('the Markdown report for a client: one audit in detail, or many compared with an appendix per audit')
    .argument('<paths...>', 'files or folders of audits (checklists among them are skipped)')
    .option('-o, --out <file>', 'file to write, replaced atomically (default: print to stdout)')
    .option('--checklists <dir>', 'folder of checklists to look audits up in (repeatable)', collect, [])
    .action(
      runs(async (io, paths: string[], options: { out?: string; checklists: string[] }) =>
        (await import('./commands/report.js')).reportCommand(io, paths, options),
      ),
    );

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
    reportUnexpected(error, lang());
    return EXIT.usage;
  }
}
