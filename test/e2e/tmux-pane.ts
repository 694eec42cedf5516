// The built binary in a real terminal: a tmux pane on a private server, driven with send-keys and
// read with capture-pane, as a supervisor's laptop would run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN } from '../helpers/cli.js';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

const SHELL_SAFE = /^[\w@%+=:,./-]+$/;
const quote = (word: string) => (SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

export class TmuxPane {
  private constructor(
    private readonly socket: string,
    readonly name: string,
    private readonly exitFile: string,
  ) {}

  /**
   * Starts `node bin/svc-audit.js ARGS` in a new session. The shell around it writes the exit status
   * to a file (tmux's own pane_dead_status races with the terminal closing), and remain-on-exit keeps
   * the last screen to read.
   */
  static start(
    socket: string,
    name: string,
    options: { cwd: string; args: readonly string[]; env?: Record<string, string>; size?: { readonly columns: number; readonly rows: number } },
  ): TmuxPane {
    const { columns, rows } = options.size ?? { columns: 200, rows: 50 };
    const env = Object.entries({ LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '1', ...options.env }).map(([key, value]) => `${key}=${value}`);
    const exitFile = path.join(tmpdir(), `${socket}-${name}.exit`);
    rmSync(exitFile, { force: true });
    const command = `${['env', ...env, process.execPath, BIN, ...options.args].map(quote).join(' ')}; echo $? > ${quote(exitFile)}`;
    execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), '-c', options.cwd, command, ';', 'set-option', '-t', name, 'remain-on-exit', 'on']);
    return new TmuxPane(socket, name, exitFile);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** What the terminal shows now, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name);
  }

  /** Everything the terminal showed, scrolled-off lines included, as the terminal drew it (a line wrapped by the terminal is joined). */
  history(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.name);
  }

  /** Resizes the window, as dragging a terminal's corner does. */
  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /** Keys by tmux name: `4`, `Enter`, `C-c`, `Left`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Text typed as it is. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** The pid of the CLI process (the child of the pane's shell), once it has started. */
  async pid(): Promise<number> {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    return this.waitFor('the CLI to start', () => {
      const child = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim();
      return child ? Number(child.split('\n')[0]) : undefined;
    });
  }

  /** The exit status once the CLI has ended (128 + n when signal n ended it), else undefined. */
  exitStatus(): number | undefined {
    const written = existsSync(this.exitFile) ? readFileSync(this.exitFile, 'utf8').trim() : '';
    return written === '' ? undefined : Number(written);
  }

  async waitFor<T>(what: string, check: (screen: string) => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check(this.screen());
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  waitForText(text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor(JSON.stringify(text), (screen) => (screen.includes(text) ? screen : undefined), timeoutMs);
  }

  waitForExit(timeoutMs?: number): Promise<number> {
    return this.waitFor('the process to exit', () => this.exitStatus(), timeoutMs);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-session', '-t', this.name]);
    rmSync(this.exitFile, { force: true });
  }
}

export function killTmuxServer(socket: string): void {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
}
