// `svc-audit run`: the interactive walkthrough (SPEC §6). Thin: it refuses to run without a
// terminal, turns signals into an orderly save, and hands the rest to src/walkthrough/.
import { t } from '../../shared/lang.js';
import { abortOnSignals } from '../../walkthrough/interrupt.js';
import { TERMINAL_PROMPTS } from '../../walkthrough/prompts/prompt-set.js';
import { runAudit } from '../../walkthrough/run-audit.js';
import type { RunCommandOptions } from '../commands/run.js';
import { EXIT } from '../io.js';
import type { CommandIo } from '../../shared/io.js';

export async function run(io: CommandIo, checklist: string | undefined, options: RunCommandOptions): Promise<number> {
  if (!process.stdin.isTTY) {
    io.stderr(
      t(
        io.lang,
        'svc-audit: run 需要在终端中交互使用(标准输入不是终端);批量评分请用 svc-audit score\n',
        'svc-audit: run is interactive and needs a terminal (stdin is not a TTY); to score audit files use svc-audit score\n',
      ),
    );
    return EXIT.usage;
  }
  // After a hang-up the terminal cannot be written to; the draft is saved all the same.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const { signal, release } = abortOnSignals();
  try {
    const outcome = await runAudit(io, { ...options, ...(checklist !== undefined && { checklist }) }, { prompts: TERMINAL_PROMPTS, signal, now: () => new Date() });
    return outcome === 'finished' ? EXIT.ok : EXIT.interrupted;
  } finally {
    release();
  }
}
