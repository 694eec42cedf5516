// What a command needs from the outside world, gathered in one place so commands stay thin and
// the CLI layer alone decides language, colour and where text goes.
import { Chalk, type ChalkInstance } from 'chalk';
import { detectLang, type Lang } from '../i18n/lang.js';

export interface CommandIo {
  readonly lang: Lang;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Colours for text meant for a person; level 0 when stdout is not a terminal or NO_COLOR is set. */
  readonly colour: ChalkInstance;
  readonly stdout: (text: string) => void;
  /** Resolves when stdout can take more: a command streaming a large output waits on it between pieces. */
  readonly stdoutReady: () => Promise<void>;
  readonly stderr: (text: string) => void;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** A mistake in how the command was called: reported in one line, exit 2. */
export class UsageError extends Error {}


export function processIo(lang: Lang | undefined): CommandIo {
  const env = process.env;
  return {
    lang: lang ?? detectLang(env),
    cwd: process.cwd(),
    env,
    // chalk looks at stdout being a terminal and at FORCE_COLOR, but not at NO_COLOR (no-color.org).
    colour: env.NO_COLOR ? new Chalk({ level: 0 }) : new Chalk(),
    stdout: (text) => void process.stdout.write(text),
    // A reader that goes away makes stdout fail rather than drain; main.ts ends the process on that error.
    stdoutReady: () =>
      process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve(),
    stderr: (text) => void process.stderr.write(text),
  };
}
