// What a command or the walkthrough needs from the outside world, so that they stay free of the
// process: the CLI makes one from the real terminal (cli/io.ts), tests make their own.
import type { ChalkInstance } from 'chalk';
import type { Lang } from './lang.js';

/** What the environment says, read once by the CLI (cli/io.ts) rather than deep inside the layers. */
export interface Settings {
  /** The reader's size limit (SVC_AUDIT_MAX_FILE_BYTES). */
  readonly maxFileBytes: number;
  /** Worker threads for loading many files (SVC_AUDIT_THREADS, 1 for none); undefined: chosen by the bytes to parse. */
  readonly threads?: number;
  /** Where the walkthrough remembers the last site and auditor. */
  readonly configDir: string;
}

export interface CommandIo {
  readonly lang: Lang;
  readonly cwd: string;
  readonly settings: Settings;
  /** Colours for text meant for a person; level 0 when stdout is not a terminal or NO_COLOR is set. */
  readonly colour: ChalkInstance;
  readonly stdout: (text: string | Uint8Array) => void;
  /** Resolves when stdout can take more: a command streaming a large output waits on it between pieces. */
  readonly stdoutReady: () => Promise<void>;
  readonly stderr: (text: string) => void;
}
