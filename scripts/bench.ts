// npm run bench: how fast svc-audit starts and how fast it scores folders of audits (issues 5 and 15).
//
// Generates audit files into a temp folder, in two shapes: store audits (~5.6 KB, the built-in
// service-expectations checklist, notes on most answers), where parsing dominates, and survey audits
// (~850 bytes, 22 likert items of SERVQUAL), where the fixed cost per file dominates. Then it times
// the built CLI (`node bin/svc-audit.js`, as users run it) against floors measured in the same run:
// `node -e 0` for start-up; for batch scoring, reading every file and parsing it in one thread, once
// with `yaml.parse` and once with js-yaml's `load`. Commands are repeated in alternating order and
// medians reported, so that a busy machine skews both sides of a ratio alike. Peak RSS is the
// kernel's figure for the child (/usr/bin/time), or, where that tool is missing, the child's own
// process.resourceUsage().maxRSS.
//
//   npm run bench                          store audits: 10k; survey audits: 10k and 100k; 3 repetitions (2 above 10k)
//   npm run bench -- --files 10000 --reps 1    the fast run: both shapes at 10k, once each
//   npm run bench -- --shapes survey       one shape only (store, survey)
//   npm run bench -- --compare DIR         also time `score` of another built checkout (e.g. main), same moment
//   npm run bench -- --quick               a smoke run: 200 and 1,000 files, 2 repetitions
//   npm run bench -- --keep                keep the generated folders (their paths are printed)
//   npm run bench -- --only reliability    only the odd files that once stalled it (bench-reliability.ts)
//
// This is a benchmark, not a test: nothing here runs under vitest, and no test is timed.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { reliabilityTable, runReliability } from './bench-reliability.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/svc-audit.js');
const CHECKLIST_FILE = path.join(ROOT, 'checklists/service-expectations.yaml');
const TIME = '/usr/bin/time';

// Targets from issues 5 and 15, as ratios of floors measured in the same run.
const TARGET = {
  /** `score --format json` of 10,000 files, either shape, against read + yaml.parse in one thread. */
  scoreVsYaml: 0.3,
  /** The same for survey audits, against read + js-yaml load in one thread. */
  surveyVsJsYaml: 1.0,
  /** Peak RSS of `score --format json|csv` at 10,000 files and at 100,000. */
  rssMb10k: 150,
  rssMb100k: 200,
  versionVsNode: 2.0,
  validateVsNode: 4.0,
} as const;

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const { values: args } = parseArgs({
  options: {
    files: { type: 'string' },
    shapes: { type: 'string', default: 'store,survey' },
    reps: { type: 'string' },
    compare: { type: 'string' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '5' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write('usage: tsx scripts/bench.ts [--files 10000,100000] [--shapes store,survey] [--reps N] [--compare DIR] [--quick] [--keep] [--seed N] [--only reliability]\n');
  process.exit(0);
}
if (args.only !== undefined && args.only !== 'reliability') throw new Error(`--only: the one part that runs alone is "reliability", not ${args.only}`);
const counts = (text: string) =>
  text.split(',').map((each) => {
    const n = Number(each.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--files: not a file count: ${each}`);
    return n;
  });
type Shape = 'store' | 'survey';
const shapes = args.shapes.split(',').map((name): Shape => {
  if (name !== 'store' && name !== 'survey') throw new Error(`--shapes: not a shape: ${name} (store, survey)`);
  return name;
});
/** Store audits take 3 s per thousand to parse with yaml: 100k of them would take the bench past ten minutes. */
const DEFAULT_COUNTS: Record<Shape, string> = { store: '10000', survey: '10000,100000' };
const sizesOf = (shape: Shape) => counts(args.files ?? (args.quick ? '200,1000' : DEFAULT_COUNTS[shape]));
const reps = Number(args.reps ?? (args.quick ? 2 : 3));
if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps: not a count: ${args.reps}`);
/** Big folders take minutes per round; two still show the spread, and the fresh files are in the cache already. */
const BIG = 10_000;
const repsFor = (files: number) => (files > BIG ? Math.min(reps, 2) : reps);
const seed = Number(args.seed);
const compareBin = args.compare === undefined ? undefined : path.resolve(args.compare, 'bin/svc-audit.js');
if (compareBin && !existsSync(compareBin)) throw new Error(`--compare: no ${compareBin}`);

// ---------------------------------------------------------------------------------------------
// The generator: every scored item answered, notes in Chinese and English, some `na`
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast and seedable, so every run scores the same files. */
function rng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BenchItem {
  id: string;
  type: 'likert' | 'check' | 'measure' | 'text';
  min: number;
  max: number;
  target?: number;
  limit?: number;
  better?: 'lower' | 'higher';
}
interface BenchSection {
  title: string;
  items: BenchItem[];
}

interface RawItem {
  id: string;
  type?: BenchItem['type'];
  scale?: { min: number; max: number };
  target?: number;
  limit?: number;
  better?: 'lower' | 'higher';
}
interface RawChecklist {
  id: string;
  version: string;
  scale?: { min: number; max: number };
  sections: { id: string; title: string | Record<string, string>; factors: { items: RawItem[] }[] }[];
}

function readChecklist(file: string): { id: string; version: string; sections: BenchSection[] } {
  const raw = parse(readFileSync(file, 'utf8')) as RawChecklist;
  return {
    id: raw.id,
    version: raw.version,
    sections: raw.sections.map((section) => ({
      title: typeof section.title === 'string' ? section.title : (section.title['zh-CN'] ?? section.id),
      items: section.factors.flatMap((factor) =>
        factor.items.map((item): BenchItem => {
          const scale = item.scale ?? raw.scale ?? { min: 1, max: 5 };
          return {
            id: item.id,
            type: item.type ?? 'likert',
            min: scale.min,
            max: scale.max,
            ...(item.target === undefined ? {} : { target: item.target }),
            ...(item.limit === undefined ? {} : { limit: item.limit }),
            ...(item.better === undefined ? {} : { better: item.better }),
          };
        }),
      ),
    })),
  };
}

const CITIES = [
  ['上海', 'Nanjing Rd'], ['上海', 'Xujiahui'], ['上海', 'Lujiazui'], ['杭州', 'West Lake'], ['成都', 'Chunxi Rd'],
  ['北京', 'Wangfujing'], ['广州', 'Tianhe'], ['深圳', 'Futian'], ['南京', 'Xinjiekou'], ['武汉', 'Jianghan Rd'],
  ['西安', 'Bell Tower'], ['苏州', 'Guanqian St'], ['重庆', 'Jiefangbei'], ['天津', 'Binjiang Ave'], ['厦门', 'Zhongshan Rd'],
] as const;
const AUDITORS = ['Li Wei', '王芳', 'Zhang Min', '陈静', 'Emma Clarke', '刘洋', 'Daniel Ng', '赵丽', 'Sun Hao', '周婷'];
const NOTES_ZH = [
  '进店即有店员问候,并主动询问需求。',
  '调货时店员告知“大约 5 分钟”,并按时回来。',
  '高峰期收银台排队约 6 人,未开第二个收银台。',
  '店员对退换货政策解释清楚,并出示了书面说明。',
  '试衣间地面有碎纸,提醒后十分钟内清理完毕。',
  '价格标签与系统价格一致,抽查 10 件商品无差异。',
  '店员耐心倾听顾客的投诉,复述了问题并记录在案。',
  '背景音乐音量偏大,与顾客交谈时需要提高声音。',
  '会员系统故障约 3 分钟,店员手工登记后补录积分。',
  '顾客询问配送时间,店员当场查询并给出准确答复。',
] as const;
const NOTES_EN = [
  'Greeted within seconds of entering; the assistant asked what we were looking for.',
  'Two assistants were restocking and did not look up for almost a minute.',
  'The fitting rooms were clean; one mirror had fingerprints on it.',
  'The manager showed the complaint log; the last entry was closed within two days.',
  'Queue of five at the till at 12:30; a second till opened after three minutes.',
  'Asked about a discontinued product; staff suggested two alternatives and checked stock online.',
  'Price tags matched the till on all ten items checked.',
  'Air conditioning set quite cold near the entrance; customers kept their coats on.',
  'Called the store line at 09:40; answered on the third ring, polite and precise.',
  'The assistant repeated the order back before taking payment.',
] as const;
const COMMENTS = [
  '整体服务热情周到,高峰时段人手略显不足,建议午间增加一名收银员。',
  'Friendly, well-informed staff; the queue at lunchtime is the main gap. Suggest a second till from 12:00 to 13:30.',
  '门店环境整洁,新品陈列有创意;价格说明清楚,顾客对性价比评价较高。',
  'Strong on reliability and attitude; waiting times on the phone line are above target.',
] as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const quoted = (text: string) => JSON.stringify(text); // a JSON string is a valid YAML double-quoted scalar

function note(random: () => number): string {
  const zh = pick(random, NOTES_ZH);
  const en = pick(random, NOTES_EN);
  const roll = random();
  return roll < 0.35 ? zh : roll < 0.7 ? en : `${zh} ${en}`;
}

function measureValue(random: () => number, item: BenchItem): number {
  const target = item.target ?? 0;
  const limit = item.limit ?? 100;
  // Mostly at or near target, with a tail beyond the limit.
  const value = target * 0.4 + random() ** 1.6 * (limit * 1.2 - target * 0.4);
  return random() < 0.5 ? Math.round(value) : Math.round(value * 10) / 10;
}

function answer(random: () => number, item: BenchItem, quality: number): string {
  if (item.type === 'text') return quoted(pick(random, COMMENTS));
  const roll = random();
  if (roll < 0.03) return 'na';
  if (roll < 0.05) return `{na: true, note: ${quoted(note(random))}}`;
  let value: string;
  let expected = '';
  switch (item.type) {
    case 'likert': {
      const raw = item.min + quality * (item.max - item.min) + (random() - 0.5) * 2.2;
      value = String(Math.max(item.min, Math.min(item.max, Math.round(raw))));
      if (random() < 0.06) expected = `, expected: ${item.max}`;
      break;
    }
    case 'check':
      value = String(random() < 0.6 + quality * 0.35);
      break;
    case 'measure':
      value = String(measureValue(random, item));
      break;
  }
  if (random() < 0.6 || expected) return `{value: ${value}${expected}, note: ${quoted(note(random))}}`;
  return value;
}

function storeAuditText(random: () => number, checklist: ReturnType<typeof readChecklist>, index: number): { dir: string; name: string; text: string } {
  const site = index % 250;
  const [cityZh, street] = CITIES[site % CITIES.length]!;
  const storeNo = pad(site + 1, 3);
  const day = new Date(Date.UTC(2026, 9, 1) + Math.floor(random() * 92) * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const startMinute = 9 * 60 + Math.floor(random() * 9 * 60);
  const endMinute = startMinute + 25 + Math.floor(random() * 60);
  const time = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00+08:00`;
  const quality = 0.45 + random() * 0.5;
  const lines = [
    '# yaml-language-server: $schema=../../schema/audit.schema.json',
    `# Quarterly visit ${index + 1}: ${cityZh} store ${storeNo}.`,
    `checklist: {id: ${checklist.id}, version: ${checklist.version}}`,
    `site: ${quoted(`Store ${storeNo} · ${cityZh} ${street}`)}`,
    `auditor: ${quoted(pick(random, AUDITORS))}`,
    `date: ${date}`,
    'status: complete',
    `started: ${date}T${time(startMinute)}`,
    `finished: ${date}T${time(endMinute)}`,
    'responses:',
  ];
  for (const section of checklist.sections) {
    lines.push(`  # ${section.title}`);
    for (const item of section.items) lines.push(`  ${item.id}: ${answer(random, item, quality)}`);
  }
  return { dir: `store-${storeNo}`, name: `${date}-store-${storeNo}-${pad(index, 6)}.yaml`, text: `${lines.join('\n')}\n` };
}

type AuditMaker = (random: () => number, index: number) => { dir: string; name: string; text: string };

function generate(dir: string, count: number, make: AuditMaker): { bytes: number; first: string } {
  const random = rng(seed * 1_000_003 + count);
  const made = new Set<string>();
  let bytes = 0;
  let first = '';
  for (let index = 0; index < count; index++) {
    const audit = make(random, index);
    const folder = path.join(dir, audit.dir);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const file = path.join(folder, audit.name);
    writeFileSync(file, audit.text);
    first ||= file;
    bytes += Buffer.byteLength(audit.text);
  }
  return { bytes, first };
}

// Survey audits (issue 15): one customer's answers to the SERVQUAL questionnaire, as `import` writes
// them: 22 likert items in 5 dimensions on a 7-point scale, perception as the value and, for about
// two statements in five, the customer's expectation with it. About 850 bytes a file, so that the
// fixed cost per file, not parsing, is what these measure.
const SERVQUAL_DIMENSIONS = [
  ['tangibles', ['modern-equipment', 'appealing-facilities', 'neat-employees', 'appealing-materials']],
  ['reliability', ['keeps-promised-time', 'sincere-interest-in-problems', 'right-first-time', 'on-time-service', 'error-free-records']],
  ['responsiveness', ['tells-when-done', 'prompt-service', 'willing-to-help', 'never-too-busy']],
  ['assurance', ['instils-confidence', 'safe-transactions', 'courteous', 'knowledgeable']],
  ['empathy', ['individual-attention', 'convenient-hours', 'personal-attention', 'best-interests', 'understands-needs']],
] as const;
const BUILT_IN_SERVQUAL = path.join(ROOT, 'checklists/servqual.yaml');

/** The built-in `servqual` checklist when there is one, else one of the same shape written for the bench. */
function servqualChecklist(scratchDir: string): { file: string; dirs: string[] } {
  if (existsSync(BUILT_IN_SERVQUAL)) return { file: BUILT_IN_SERVQUAL, dirs: [] };
  const dir = path.join(scratchDir, 'checklists');
  mkdirSync(dir, { recursive: true });
  const lines = ['id: servqual', 'version: 1.0.0', 'title: SERVQUAL (bench)', 'scale: {min: 1, max: 7}', 'sections:'];
  for (const [section, items] of SERVQUAL_DIMENSIONS) {
    lines.push(`  - id: ${section}`, `    title: ${section}`, '    factors:', `      - id: ${section}-items`, `        title: ${section}`, '        items:');
    for (const item of items) lines.push(`          - {id: ${item}, text: ${item}, method: ask}`);
  }
  const file = path.join(dir, 'servqual.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, dirs: ['--checklists', dir] };
}

const BRANCHES = ['徐家汇支行', '西湖支行', '陆家嘴支行', '春熙路支行', '王府井支行', '天河支行', '福田支行', '新街口支行'] as const;

function surveyAuditText(random: () => number, checklist: ReturnType<typeof readChecklist>, index: number): { dir: string; name: string; text: string } {
  const branch = index % 40;
  const branchNo = pad(branch + 1, 3);
  const day = new Date(Date.UTC(2026, 9, 1) + Math.floor(random() * 92) * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const mood = random();
  const lines = [
    `checklist: {id: ${checklist.id}, version: ${checklist.version}}`,
    `site: ${quoted(`Branch ${branchNo} · ${BRANCHES[branch % BRANCHES.length]!}`)}`,
    'auditor: survey',
    `date: ${date}`,
    'status: complete',
    'responses:',
  ];
  for (const section of checklist.sections) {
    for (const item of section.items) {
      const value = Math.max(item.min, Math.min(item.max, Math.round(item.min + (0.35 + mood * 0.55) * (item.max - item.min) + (random() - 0.5) * 2.5)));
      const expected = Math.max(value, item.max - Math.floor(random() * 2.2));
      lines.push(random() < 0.4 ? `  ${item.id}: {value: ${value}, expected: ${expected}}` : `  ${item.id}: ${value}`);
    }
  }
  return { dir: `branch-${branchNo}`, name: `${date}-branch-${branchNo}-${pad(index, 6)}.yaml`, text: `${lines.join('\n')}\n` };
}
// ---------------------------------------------------------------------------------------------
// Running a child and measuring it
// ---------------------------------------------------------------------------------------------

interface Run {
  readonly ms: number;
  readonly rssMb: number;
  readonly status: number | null;
  readonly stderr: string;
}

const HAVE_TIME = existsSync(TIME);
// Without /usr/bin/time, the child reports its own peak RSS on exit (Node's maxRSS is in KiB).
const RSS_HOOK = `process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));`;

function run(argv: readonly string[], options: { stdoutFile?: string; scratch: string }): Run {
  const rssFile = path.join(options.scratch, 'rss.txt');
  rmSync(rssFile, { force: true });
  const [command, commandArgs] = HAVE_TIME
    ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...argv]]
    : [process.execPath, ['--require', path.join(options.scratch, 'rss-hook.cjs'), ...argv]];
  const out = options.stdoutFile ? openSync(options.stdoutFile, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const child = spawnSync(command, commandArgs, {
    cwd: ROOT,
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (typeof out === 'number') closeSync(out);
  const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
  return { ms, rssMb: rssKb / 1024, status: child.status, stderr: child.stderr ?? '' };
}

const median = (values: readonly number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Case {
  readonly name: string;
  readonly argv: readonly string[];
  readonly stdoutFile?: string;
  /** Exit codes that mean the command did its job. */
  readonly ok?: readonly number[];
}

interface Measured {
  readonly ms: number;
  readonly rssMb: number;
  readonly runs: number;
}

/**
 * `repetitions` rounds of every case, each round in a rotated order, after one unmeasured round when
 * `warm` (it warms the file cache and Node's code cache; the biggest folders skip it for time).
 */
function measureAlternating(cases: readonly Case[], repetitions: number, scratch: string, warm = true): Map<string, Measured> {
  const samples = new Map(cases.map((c) => [c.name, [] as Run[]]));
  const once = (c: Case) => {
    const result = run(c.argv, { scratch, ...(c.stdoutFile ? { stdoutFile: c.stdoutFile } : {}) });
    if (!(c.ok ?? [0]).includes(result.status ?? -1)) {
      throw new Error(`${c.name}: exit ${result.status}\n${result.stderr.slice(0, 2000)}`);
    }
    return result;
  };
  if (warm) for (const c of cases) once(c);
  for (let round = 0; round < repetitions; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length]!;
      samples.get(c.name)!.push(once(c));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  return new Map(
    [...samples].map(([name, runs]) => [
      name,
      { ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rssMb)), runs: runs.length },
    ]),
  );
}

// The floors: what any tool must at least do, read every file and parse its YAML, in one thread.
const floorScript = (parser: 'yaml' | 'js-yaml') => `
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
${parser === 'yaml' ? "import { parse } from 'yaml';" : "import { load as parse } from 'js-yaml';"}
const dir = process.argv[1];
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\\.ya?ml$/i.test(entry.name))
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();
let parsed = 0;
for (const file of files) if (parse(readFileSync(file, 'utf8'))?.responses) parsed++;
if (parsed !== files.length) { console.error('parsed', parsed, 'of', files.length); process.exit(1); }
`;

/** How often `needle` occurs in a file, read in chunks: the JSON of 100k audits is too big to parse here. */
function occurrences(file: string, needle: string): number {
  const pattern = Buffer.from(needle);
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  let carry = Buffer.alloc(0);
  let found = 0;
  try {
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      const window = Buffer.concat([carry, chunk.subarray(0, read)]);
      for (let at = window.indexOf(pattern); at !== -1; at = window.indexOf(pattern, at + 1)) found++;
      carry = window.subarray(Math.max(0, window.length - pattern.length + 1));
    }
  } finally {
    closeSync(fd);
  }
  return found;
}

/** Exit 1 is allowed only for findings; a report of `count` audits and no errors says every file was scored. */
function checkJson(file: string, count: number, label: string): void {
  const audits = occurrences(file, '\n    {\n      "file": ');
  const tail = readFileSync(file).subarray(-64).toString('utf8');
  if (audits !== count || !tail.endsWith('"errors": []\n}\n')) throw new Error(`${label}: ${audits} audits of ${count}, or errors reported`);
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtRatio = (ratio: number) => `${ratio.toFixed(2)}×`;
const fmtMb = (mb: number) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : 'n/a');
const verdict = (ok: boolean) => (ok ? 'yes' : '**no**');
const miss = (ok: boolean) => (ok ? '' : ' ✗');

function cpuName(): string {
  const model = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.cpus().length} × ${model}`;
}

if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) {
  throw new Error('dist/ is missing: run `npm run build` first (npm run bench does).');
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-bench-'));
writeFileSync(path.join(scratch, 'rss-hook.cjs'), RSS_HOOK);
process.on('exit', () => {
  if (!args.keep) rmSync(scratch, { recursive: true, force: true });
});

if (args.only === 'reliability') {
  const rows = runReliability(BIN, path.join(scratch, 'reliability'));
  process.stdout.write(`${reliabilityTable(rows)}\n`);
  process.exit(rows.every((row) => row.ok) ? 0 : 1);
}

process.stderr.write(
  `svc-audit bench: Node ${process.version}, ${cpuName()}, ${shapes.map((shape) => `${shape} ${sizesOf(shape).join(', ')}`).join('; ')}, ` +
    `${reps} repetitions (${Math.min(reps, 2)} above ${BIG.toLocaleString('en')} files); peak RSS from ${HAVE_TIME ? TIME : 'process.resourceUsage()'}\n`,
);

const storeChecklist = readChecklist(CHECKLIST_FILE);

// Start-up: one checklist, one audit.
const oneAudit = generate(path.join(scratch, 'one'), 1, (random, index) => storeAuditText(random, storeChecklist, index)).first;
process.stderr.write('start-up ');
const startupCases: Case[] = [
  { name: 'node -e 0', argv: ['-e', '0'] },
  { name: 'svc-audit --version', argv: [BIN, '--version'] },
  { name: 'svc-audit validate CHECKLIST', argv: [BIN, 'validate', CHECKLIST_FILE] },
  { name: 'svc-audit score AUDIT', argv: [BIN, 'score', oneAudit] },
];
const startup = measureAlternating(startupCases, reps, scratch);
const nodeMs = startup.get('node -e 0')!.ms;

const FORMATS = ['json', 'csv', 'table'] as const;
type Format = (typeof FORMATS)[number];
/** `report` to a file, appendix and all: the client's document, whose memory must stay flat too. */
const REPORT_FORMATS = ['markdown', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

interface BatchRow {
  shape: Shape;
  files: number;
  bytes: number;
  runs: number;
  yamlFloor: Measured;
  jsYamlFloor: Measured;
  score: Record<Format, Measured>;
  report: Record<ReportFormat, Measured>;
  compared?: Measured;
}
const batches: BatchRow[] = [];
for (const shape of shapes) {
  const survey = shape === 'survey' ? servqualChecklist(scratch) : undefined;
  const checklist = survey ? readChecklist(survey.file) : storeChecklist;
  const make: AuditMaker = (random, index) => (survey ? surveyAuditText : storeAuditText)(random, checklist, index);
  for (const count of sizesOf(shape)) {
    const dir = path.join(scratch, `${shape}-${count}`);
    process.stderr.write(`${shape} audits, ${count} files: generating… `);
    const { bytes } = generate(dir, count, make);
    process.stderr.write(`${(bytes / 1e6).toFixed(1)} MB, ${Math.round(bytes / count)} bytes a file; measuring `);
    const output = (format: string) => path.join(scratch, `score-${shape}-${count}.${format}`);
    const scoreArgs = [dir, ...(survey?.dirs ?? [])];
    const cases: Case[] = [
      { name: 'yaml', argv: ['--input-type=module', '-e', floorScript('yaml'), dir] },
      { name: 'js-yaml', argv: ['--input-type=module', '-e', floorScript('js-yaml'), dir] },
      ...FORMATS.map((format) => ({ name: format, argv: [BIN, 'score', ...scoreArgs, '--format', format], stdoutFile: output(format) })),
      ...REPORT_FORMATS.map((format) => ({ name: `report ${format}`, argv: [BIN, 'report', ...scoreArgs, '--format', format, '-o', output(`report.${format}`)] })),
      ...(compareBin ? [{ name: 'compared', argv: [compareBin, 'score', ...scoreArgs, '--format', 'json'], stdoutFile: output('compared.json') }] : []),
    ];
    const measured = measureAlternating(cases, repsFor(count), scratch, count <= BIG);
    checkJson(output('json'), count, `score of ${count} ${shape} audits`);
    batches.push({
      shape,
      files: count,
      bytes,
      runs: measured.get('yaml')!.runs,
      yamlFloor: measured.get('yaml')!,
      jsYamlFloor: measured.get('js-yaml')!,
      score: Object.fromEntries(FORMATS.map((format) => [format, measured.get(format)!])) as Record<Format, Measured>,
      report: Object.fromEntries(REPORT_FORMATS.map((format) => [format, measured.get(`report ${format}`)!])) as Record<ReportFormat, Measured>,
      ...(compareBin && { compared: measured.get('compared')! }),
    });
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${dir}\n`);
    for (const format of [...FORMATS, 'compared.json', ...REPORT_FORMATS.map((each) => `report.${each}`)]) rmSync(output(format), { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const rssTarget = (files: number) => (files <= 10_000 ? TARGET.rssMb10k : files <= 100_000 ? TARGET.rssMb100k : Infinity);

const lines: string[] = [];
lines.push(`Node ${process.version}, ${cpuName()}, ${os.platform()}; medians of ${reps} alternating runs (${Math.min(reps, 2)} above ${BIG.toLocaleString('en')} files).`, '');
lines.push('| start-up | median | × `node -e 0` | target | met | peak RSS |', '|---|---:|---:|---:|:--:|---:|');
const startupTargets: Record<string, number> = { 'svc-audit --version': TARGET.versionVsNode, 'svc-audit validate CHECKLIST': TARGET.validateVsNode };
for (const c of startupCases) {
  const m = startup.get(c.name)!;
  const ratio = m.ms / nodeMs;
  const target = startupTargets[c.name];
  lines.push(
    `| \`${c.name}\` | ${fmtMs(m.ms)} | ${fmtRatio(ratio)} | ${target ? `≤ ${fmtRatio(target)}` : ''} | ${target ? verdict(ratio <= target) : ''} | ${fmtMb(m.rssMb)} |`,
  );
}

lines.push(
  '',
  `| audits | files | bytes a file | read + \`yaml.parse\` | read + js-yaml \`load\` | \`score --format json\` | × yaml | × js-yaml | files/s | csv | table${compareBin ? ' | json, --compare | × yaml' : ''} |`,
  `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:${compareBin ? '|---:|---:' : ''}|`,
);
for (const row of batches) {
  const json = row.score.json;
  const vsYaml = json.ms / row.yamlFloor.ms;
  const vsJsYaml = json.ms / row.jsYamlFloor.ms;
  const targeted = row.files === 10_000;
  const cells = [
    row.shape,
    row.files.toLocaleString('en'),
    Math.round(row.bytes / row.files).toLocaleString('en'),
    fmtMs(row.yamlFloor.ms),
    fmtMs(row.jsYamlFloor.ms),
    fmtMs(json.ms),
    `${fmtRatio(vsYaml)}${targeted ? miss(vsYaml <= TARGET.scoreVsYaml) : ''}`,
    `${fmtRatio(vsJsYaml)}${targeted && row.shape === 'survey' ? miss(vsJsYaml <= TARGET.surveyVsJsYaml) : ''}`,
    Math.round(row.files / (json.ms / 1000)).toLocaleString('en'),
    fmtMs(row.score.csv.ms),
    fmtMs(row.score.table.ms),
    ...(row.compared ? [fmtMs(row.compared.ms), fmtRatio(row.compared.ms / row.yamlFloor.ms)] : []),
  ];
  lines.push(`| ${cells.join(' | ')} |`);
}

lines.push(
  '',
  `| audits | files | peak RSS json | csv | table${compareBin ? ' | json, --compare' : ''} | yaml floor | js-yaml floor |`,
  `|---|---:|---:|---:|---:${compareBin ? '|---:' : ''}|---:|---:|`,
);
for (const row of batches) {
  const limit = rssTarget(row.files);
  const cells = [
    row.shape,
    row.files.toLocaleString('en'),
    `${fmtMb(row.score.json.rssMb)}${miss(row.score.json.rssMb <= limit)}`,
    `${fmtMb(row.score.csv.rssMb)}${miss(row.score.csv.rssMb <= limit)}`,
    fmtMb(row.score.table.rssMb),
    ...(row.compared ? [fmtMb(row.compared.rssMb)] : []),
    fmtMb(row.yamlFloor.rssMb),
    fmtMb(row.jsYamlFloor.rssMb),
  ];
  lines.push(`| ${cells.join(' | ')} |`);
}

lines.push('', '| audits | files | `report`, Markdown | peak RSS | HTML | peak RSS |', '|---|---:|---:|---:|---:|---:|');
for (const row of batches) {
  const limit = rssTarget(row.files);
  const { markdown, html } = row.report;
  const cells = [row.shape, row.files.toLocaleString('en'), fmtMs(markdown.ms), `${fmtMb(markdown.rssMb)}${miss(markdown.rssMb <= limit)}`, fmtMs(html.ms), `${fmtMb(html.rssMb)}${miss(html.rssMb <= limit)}`];
  lines.push(`| ${cells.join(' | ')} |`);
}

// How time and memory grow with the number of files: ideally time in proportion, memory flat.
const growth = shapes.flatMap((shape) => {
  const rows = batches.filter((row) => row.shape === shape).toSorted((a, b) => a.files - b.files);
  const [small, large] = [rows[0], rows.at(-1)];
  return small && large && large.files > small.files ? [{ shape, small, large }] : [];
});
if (growth.length > 0) {
  lines.push('', '| audits | from → to files | files × | json time × | json RSS × | csv time × | csv RSS × | table time × | table RSS × |', '|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { shape, small, large } of growth) {
    const times = (format: Format) => `${fmtRatio(large.score[format].ms / small.score[format].ms)}`;
    const rss = (format: Format) => `${fmtRatio(large.score[format].rssMb / small.score[format].rssMb)}`;
    lines.push(
      `| ${shape} | ${small.files.toLocaleString('en')} → ${large.files.toLocaleString('en')} | ${fmtRatio(large.files / small.files)} | ` +
        `${FORMATS.map((format) => `${times(format)} | ${rss(format)}`).join(' | ')} |`,
    );
  }
}

lines.push(
  '',
  `Targets at 10,000 files: \`score --format json\` ≤ ${TARGET.scoreVsYaml}× read + yaml.parse (both shapes) and ≤ ${TARGET.surveyVsJsYaml}× read + js-yaml (survey); ` +
    `peak RSS of json, csv and both reports ≤ ${TARGET.rssMb10k} MB at 10,000 files and ≤ ${TARGET.rssMb100k} MB at 100,000 (✗ marks a miss); ` +
    `\`--version\` ≤ ${TARGET.versionVsNode}× and \`validate\` ≤ ${TARGET.validateVsNode}× \`node -e 0\`. Floors run in one thread; \`score\` uses the cores it finds.`,
);
const reliability = runReliability(BIN, path.join(scratch, 'reliability'));
lines.push('', reliabilityTable(reliability));
process.stdout.write(`${lines.join('\n')}\n`);
if (!reliability.every((row) => row.ok)) process.exitCode = 1;
