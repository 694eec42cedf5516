// Interruptions: Ctrl-C at a prompt (inquirer rejects with ExitPromptError) and SIGINT, SIGTERM or
// SIGHUP from outside (a closed terminal, `kill`), which abort the prompt through an AbortSignal.
// Either way the walkthrough saves its draft and ends with exit code 130.

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function isInterruption(error: unknown): boolean {
  // By name: the error classes may come from more than one copy of @inquirer/core.
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/**
 * Turns the signals into an abort for as long as the walkthrough runs. Having our own listeners also
 * stops signal-exit (inside @inquirer/core) from re-raising the signal and killing the process
 * before the draft is saved.
 */
export function abortOnSignals(): { readonly signal: AbortSignal; readonly release: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => controller.abort(name);
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    release: () => {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}
