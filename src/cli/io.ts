// What a command needs from the outside world, gathered in one place so commands stay thin and
// the CLI layer alone decides language, colour and where text goes.
import { Chalk, type ChalkInstance } from 'chalk';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { nameFromBytes } from '../fs/file-names.js';
import { DEFAULT_MAX_FILE_BYTES } from '../fs/read-file.js';
import type { CommandIo, Settings } from '../shared/io.js';
import { detectLang, type Lang } from '../shared/lang.js';



export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

function positiveWholeNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * $XDG_CONFIG_HOME/svc-audit/, else ~/.config/svc-audit/. A relative XDG_CONFIG_HOME is ignored, as
 * the XDG base directory specification asks: it would put the file in whatever folder a run starts in.
 */
function configDirFrom(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || homedir(), '.config');
  return path.join(base, 'svc-audit');
}

/** Everything the tool takes from its environment, read in this one place. */
export function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const threads = positiveWholeNumber(env.SVC_AUDIT_THREADS);
  return {
    maxFileBytes: positiveWholeNumber(env.SVC_AUDIT_MAX_FILE_BYTES) ?? DEFAULT_MAX_FILE_BYTES,
    ...(threads !== undefined && { threads }),
    configDir: configDirFrom(env),
  };
}

/**
 * PATH arguments as the bytes the shell passed: Node decodes arguments as UTF-8, so a Latin-1 or GBK
 * name (`score caf*.yaml`) arrives with U+FFFD in place of its odd bytes and opens nothing. Linux
 * keeps the bytes in /proc/self/cmdline; each mangled argument is matched to the raw one it decodes
 * from and carried in the escaped form fs/file-names.ts opens. Elsewhere arguments stay as they are.
 */
export function pathArguments(paths: readonly string[]): string[] {
  if (!paths.some((given) => given.includes('\uFFFD'))) return [...paths];
  let raw: Buffer[];
  try {
    const cmdline = readFileSync('/proc/self/cmdline');
    raw = [];
    for (let start = 0, end = cmdline.indexOf(0); end !== -1; start = end + 1, end = cmdline.indexOf(0, start)) raw.push(cmdline.subarray(start, end));
  } catch {
    return [...paths];
  }
  const unused = raw.slice(1);
  return paths.map((given) => {
    if (!given.includes('\uFFFD')) return given;
    const at = unused.findIndex((bytes) => bytes.toString('utf8') === given);
    return at === -1 ? given : nameFromBytes(unused.splice(at, 1)[0]!);
  });
}

export function processIo(lang: Lang | undefined): CommandIo {
  const env = process.env;
  return {
    lang: lang ?? detectLang(env),
    cwd: process.cwd(),
    settings: settingsFrom(env),
    // chalk looks at stdout being a terminal and at FORCE_COLOR, but not at NO_COLOR (no-color.org).
    colour: env.NO_COLOR ? new Chalk({ level: 0 }) : new Chalk(),
    stdout: (text) => void process.stdout.write(text),
    // A reader that goes away makes stdout fail rather than drain; main.ts ends the process on that error.
    stdoutReady: () =>
      process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve(),
    stderr: (text) => void process.stderr.write(text),
  };
}
