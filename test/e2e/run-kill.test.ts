// `kill -9` at random moments of a scripted walkthrough, many times: whenever the process dies, the
// audit file on disk must parse, validate, and hold every answer saved before that run began.
// The moments come from seeded generators, and the whole test is bounded in time.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { isAnswered, toAnswer } from '../../src/model/responses.js';
import { testLibrary } from '../helpers/library.js';
import { loadFile } from '../../src/load/load-file.js';
import type { Audit } from '../../src/model/types.js';
import { likertChecklistYaml, scratchDir } from '../walkthrough/harness.js';
import { HAS_TMUX, killTmuxServer, TmuxPane } from './tmux-pane.js';

const SOCKET = `svc-audit-kill-${process.pid}`;
afterAll(() => killTmuxServer(SOCKET));

// Each kill costs a process start (about a second, mostly loading the validator), so two lanes of
// audits run side by side; the time budget ends the test first on a slow machine.
const LANES = 2;
const KILLS_PER_LANE = 20;
const TIME_BUDGET_MS = 35_000;
const AT_LEAST = 30;
// One kill in five lands while the process starts (opening, resuming, creating the file); the others
// land among the answers, up to this long after the first item is on screen.
const STARTUP_SHARE = 0.2;
const STARTUP_KILL_MS = 900;
const ANSWERING_KILL_MS = 500;
const FIRST_ITEM_TIMEOUT_MS = 10_000;

/** mulberry32: small, seeded, the same moments on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const answeredIn = (audit: Audit) => Object.values(audit.responses).filter((response) => isAnswered(toAnswer(response))).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stats {
  kills: number;
  midSave: number;
  answersSaved: number;
  completed: number;
}

/**
 * One audit after another in its own folder: start or resume, answer each item as it appears, die
 * by SIGKILL at the lane's next moment, then check the file. A completed audit makes room for the next.
 */
async function lane(cwd: string, seed: number, deadline: number, stats: Stats): Promise<void> {
  const library = testLibrary({ cwd });
  // Two sequences, so the moments stay the same however many keys a slower machine gets to press.
  const moments = seeded(seed);
  const answers = seeded(seed + 1);
  const tempsSeen = new Set<string>();
  let auditNumber = 1;
  let before = 0;
  for (let run = 0; run < KILLS_PER_LANE && Date.now() < deadline; run++) {
    const file = path.join(cwd, 'audits', `kill-${auditNumber}.yaml`);
    const args = existsSync(file)
      ? ['run', '--resume', path.relative(cwd, file)]
      : ['run', 'checklists/kill-54.yaml', '--site', 'S', '--auditor', 'A', '--date', '2026-11-23', '--out', path.relative(cwd, file)];
    const pane = TmuxPane.start(SOCKET, `lane-${seed}-${run}`, { cwd, env: { XDG_CONFIG_HOME: path.join(cwd, 'config') }, args });
    const pid = await pane.pid();
    const duringStartup = moments() < STARTUP_SHARE;
    const answeringFor = moments() * ANSWERING_KILL_MS;
    let killAt = duringStartup ? Date.now() + moments() * STARTUP_KILL_MS : Date.now() + FIRST_ITEM_TIMEOUT_MS;
    let answering = false;
    // Answer each item as it appears (again if a key went missing), and finish when asked.
    let shown = '';
    let sentAt = 0;
    while (Date.now() < killAt && pane.exitStatus() === undefined) {
      const screen = pane.screen();
      const now = screen.includes('Finish the audit') ? 'finish' : (/item (\d+)\/54/.exec(screen)?.[1] ?? '');
      if (now && !duringStartup && !answering) [answering, killAt] = [true, Date.now() + answeringFor];
      if (now && (now !== shown || Date.now() - sentAt > 300)) {
        pane.keys(now === 'finish' ? 'Enter' : String(1 + Math.floor(answers() * 5)));
        [shown, sentAt] = [now, Date.now()];
      }
      await sleep(5);
    }
    expect(duringStartup || answering || pane.exitStatus() !== undefined, `no item on screen:\n${pane.screen()}`).toBe(true);
    try {
      process.kill(pid, 'SIGKILL');
      stats.kills++;
    } catch {
      // It finished before its moment came.
    }
    await pane.waitForExit();
    pane.close();

    if (!existsSync(file)) continue;
    // A new temporary file left beside the audit means the kill landed inside a save.
    const temps = readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp') && !tempsSeen.has(name));
    temps.forEach((name) => tempsSeen.add(name));
    stats.midSave += temps.length > 0 ? 1 : 0;
    const text = readFileSync(file, 'utf8');
    const result = await loadFile(file, library);
    expect(result.findings, `${file} after a kill:\n${text}`).toEqual([]);
    const audit = parse(text) as Audit;
    const answered = answeredIn(audit);
    expect(answered, 'answers saved before this run are all still there').toBeGreaterThanOrEqual(before);
    stats.answersSaved += answered - before;
    before = answered;
    if (audit.status === 'complete') {
      stats.completed++;
      auditNumber++;
      before = 0;
    }
  }
}

describe.skipIf(!HAS_TMUX)('kill -9 during a walkthrough', () => {
  it(`leaves a whole, valid audit file every time (${LANES * KILLS_PER_LANE} kills)`, { timeout: 60_000 }, async () => {
    const began = Date.now();
    const stats: Stats = { kills: 0, midSave: 0, answersSaved: 0, completed: 0 };
    const lanes = Array.from({ length: LANES }, (_, index) => {
      const cwd = scratchDir();
      mkdirSync(path.join(cwd, 'checklists'));
      writeFileSync(path.join(cwd, 'checklists/kill-54.yaml'), likertChecklistYaml('kill-54'));
      return lane(cwd, 20261123 + 100 * index, began + TIME_BUDGET_MS, stats);
    });
    await Promise.all(lanes);

    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    console.log(
      `kill test: ${stats.kills} SIGKILLs in ${seconds} s, ${stats.midSave} inside a save, ${stats.answersSaved} answers saved, ${stats.completed} audits completed; every file valid`,
    );
    expect(stats.kills).toBeGreaterThanOrEqual(AT_LEAST);
  });
});
