// The zone of tolerance and the importance–performance analysis as users see them: the SERVQUAL
// example survey imported, then scored as a table, as JSON and as CSV.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'svc-audit-tolerance-'));
  expect(runCli(['import', 'examples/survey/servqual.csv', '--map', 'examples/survey/servqual.map.yaml', '--out', out]).code).toBe(0);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('zone of tolerance and IPA of an imported survey', () => {
  it('are in the JSON summary: adequate, msa, zones that add up to n, and a quadrant per rated factor', () => {
    const { stdout, code } = runCli(['score', '--format', 'json', out]);
    expect(code).toBe(0);
    const [summary] = (JSON.parse(stdout) as { summaries: { n: number; adequate: number; msa: number; score: number; zones: Record<string, number>; ipa: { quadrant: string }[] }[] }).summaries;
    expect(summary!.msa).toBeCloseTo(summary!.score - summary!.adequate, 9);
    expect(Object.values(summary!.zones).reduce((a, b) => a + b, 0)).toBe(summary!.n);
    expect(summary!.ipa.length).toBeGreaterThan(0);
    for (const { quadrant } of summary!.ipa) expect(['concentrate', 'keep-up', 'low-priority', 'overkill']).toContain(quadrant);
  });

  it('are shown in the table in both languages', () => {
    const en = runCli(['score', out]);
    expect(en.stdout).toMatch(/│ Adequate │\s+MSA │/);
    expect(en.stdout).toContain('Audits per zone: below adequate');
    expect(en.stdout).toContain('Importance–performance');
    const zh = runCli(['--lang', 'zh-CN', 'score', out]);
    expect(zh.stdout).toContain('重要性—表现分析');
    expect(zh.stdout).toContain('各区审核次数');
  });

  it('fill the adequate, msa and zone columns of the CSV', () => {
    const rows = runCli(['score', '--format', 'csv', out]).stdout.split('\r\n').filter(Boolean).map((row) => row.split(','));
    const audit = rows.find((row) => row[6] === 'audit')!;
    expect(audit.slice(12, 15)).toEqual([expect.stringMatching(/^\d+(\.\d+)?$/), expect.stringMatching(/^-?\d+(\.\d+)?$/), expect.stringMatching(/^(below|within|above)$/)]);
  });

  it('are drawn in the HTML report: the band on the section chart and the quadrant chart', () => {
    const { stdout, code } = runCli(['report', out, '--format', 'html', '--no-appendix']);
    expect(code).toBe(0);
    const quadrants = stdout.slice(stdout.indexOf('<figcaption>Factors by importance and performance</figcaption>'));
    const drawing = quadrants.slice(0, quadrants.indexOf('</figure>'));
    expect(drawing).toContain('<svg');
    for (const name of ['concentrate here', 'keep up the good work', 'low priority', 'possible overkill']) expect(drawing).toContain(name);
    expect(stdout).toContain('#d9e2ec');
  });
});
