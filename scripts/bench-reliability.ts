// npm run bench -- --only reliability: odd files that once stalled the tool (issue 16, cases 6 and 7),
// each run through the built CLI and held to a generous bound. A miss prints ✗ and ends the run with
// exit 1; a case that runs three times its bound is stopped, so a regression to a hang cannot stall
// the bench itself.
//
//   case 6   `validate nope.yaml pipe.yaml`: an audit whose checklist is missing, beside a FIFO
//            nobody writes to (the library once read every input whole, and hung on the FIFO)
//   case 7a  40,000 unknown response ids in one ~470 KB audit (each finding scanned the map: ~34 s)
//   case 7b  a valid 100,000-answer audit with an anchor, so it takes the position-aware parse
//            (yaml's unique-keys check compared every key with every key before it: ~100 s)
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ReliabilityRow {
  readonly name: string;
  readonly bytes: number;
  readonly ms: number;
  readonly boundMs: number;
  readonly ok: boolean;
}

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly files: readonly string[];
  /** The exit code that says the command did its job (1: findings were reported). */
  readonly exit: number;
  readonly boundMs: number;
}

const AUDIT_HEAD = (checklist: string) => `checklist: ${checklist}\nsite: &site Store 1\nauditor: Li Wei\ndate: 2026-11-23\nstatus: draft\n`;

function makeCases(dir: string): Case[] {
  mkdirSync(dir, { recursive: true });
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  const nope = file('nope.yaml', `${AUDIT_HEAD('{id: no-such-checklist, version: 1.0.0}')}responses: {greets: 4}\n`);
  const pipe = path.join(dir, 'pipe.yaml');
  rmSync(pipe, { force: true });
  if (spawnSync('mkfifo', [pipe]).status !== 0) throw new Error('mkfifo failed');

  const unknown = Array.from({ length: 40_000 }, (_, i) => `  u-${i}: 3`).join('\n');
  const unknownIds = file('unknown-ids.yaml', `${AUDIT_HEAD('{id: service-expectations, version: 1.0.0}')}responses:\n${unknown}\n`);

  const items = Array.from({ length: 100_000 }, (_, i) => `      - {id: i-${i}, text: t}`).join('\n');
  file(
    'many-items.yaml',
    `id: many-items\nversion: 1.0.0\ntitle: Many items\nscale: {min: 1, max: 5}\nsections:\n  - id: s\n    title: S\n    factors:\n      - id: f\n        title: F\n        items:\n${items.replaceAll('      - ', '          - ')}\n`,
  );
  const answers = Array.from({ length: 100_000 }, (_, i) => `  i-${i}: ${(i % 5) + 1}`).join('\n');
  const manyAnswers = file('many-answers.yaml', `${AUDIT_HEAD('many-items.yaml')}responses:\n${answers}\n`);

  return [
    { name: 'case 6: `validate nope.yaml pipe.yaml`', args: ['validate', nope, pipe], files: [nope], exit: 1, boundMs: 10_000 },
    { name: 'case 7a: 40,000 unknown response ids', args: ['validate', unknownIds], files: [unknownIds], exit: 1, boundMs: 15_000 },
    { name: 'case 7b: valid 100,000-answer audit, position-aware parse', args: ['validate', manyAnswers], files: [manyAnswers], exit: 0, boundMs: 30_000 },
  ];
}

export function runReliability(bin: string, dir: string): ReliabilityRow[] {
  return makeCases(dir).map((c) => {
    process.stderr.write(`${c.name}… `);
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [bin, ...c.args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '' },
      encoding: 'utf8',
      timeout: c.boundMs * 3,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const ok = child.status === c.exit && ms <= c.boundMs;
    process.stderr.write(`${Math.round(ms)} ms${child.status === c.exit ? '' : ` (exit ${child.status ?? child.signal}: ${child.stderr.slice(0, 300)})`}\n`);
    const bytes = c.files.reduce((sum, each) => sum + statSync(each).size, 0);
    return { name: c.name, bytes, ms, boundMs: c.boundMs, ok };
  });
}

export function reliabilityTable(rows: readonly ReliabilityRow[]): string {
  const lines = ['| reliability case | input | time | bound | met |', '|---|---:|---:|---:|:--:|'];
  for (const row of rows) {
    lines.push(`| ${row.name} | ${Math.round(row.bytes / 1024)} KB | ${(row.ms / 1000).toFixed(2)} s | ${row.boundMs / 1000} s | ${row.ok ? 'yes' : '✗'} |`);
  }
  return lines.join('\n');
}
