// The page functions run in the browser: DOM types for this file (the build of src/ stays without them).
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// `report --format html` opened in a real browser (Debian's chromium, headless, driven by
// playwright-core: no browser download): the DOM has its charts, no script from user text, photos
// that loaded, and no request beyond the file itself; screenshots at 1280 px and A4 print.
// Skipped only when no chromium binary exists; CI installs it (.ci/run).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));
const FIXTURES = path.join(ROOT, 'test/fixtures/score');
const SCRIPT = '<script>alert(1)</script>';
// Screenshots stay here for a person to look at when SVC_AUDIT_SCREENSHOTS names a folder.
const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-html-'));
const shots = process.env.SVC_AUDIT_SCREENSHOTS ?? scratch;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small real PNG (a red and blue block), made here so that no binary fixture is needed. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.concat([Buffer.from([0]), ...Array.from({ length: width }, (_, x) => Buffer.from(x < width / 2 === y < height / 2 ? [200, 40, 40] : [40, 80, 200]))]),
  );
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** The score fixtures with a hostile site name and note, a real photo, a missing one, a draft and an invalid file. */
function fixtureFolder(): string {
  const dir = path.join(scratch, 'audits');
  cpSync(FIXTURES, dir, { recursive: true });
  const storeA = path.join(dir, 'audits/store-a-1.yaml');
  writeFileSync(
    storeA,
    readFileSync(storeA, 'utf8')
      .replace('site: Store A', `site: "${SCRIPT} Store A"`)
      .replace('note: "Said hello | then *left*"', `note: "${SCRIPT} <img src=x onerror=alert(2)>"`)
      .replace('evidence: [photos/door.jpg,', 'evidence: [photos/door.jpg, photos/missing.jpg,'),
  );
  const storeA2 = path.join(dir, 'audits/store-a-2.yaml');
  writeFileSync(storeA2, readFileSync(storeA2, 'utf8').replace('site: Store A', `site: "${SCRIPT} Store A"`));
  mkdirSync(path.join(dir, 'audits/photos'));
  writeFileSync(path.join(dir, 'audits/photos/door.jpg'), png(64, 48));
  writeFileSync(path.join(dir, 'broken.yaml'), 'checklist: {id: shop-basics, version: 1.0.0}\nsite: [unclosed\n');
  return dir;
}

function printToPdf(html: string, pdf: string): void {
  const profile = mkdtempSync(path.join(scratch, 'profile-'));
  const run = spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-pdf-header-footer',
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(html).href,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
}

describe.skipIf(!CHROMIUM)('the HTML report in headless Chromium (skipped only without a chromium binary; .ci/run installs it)', () => {
  const dir = fixtureFolder();
  const html = path.join(scratch, 'report.html');
  const run = runCli(['report', dir, '--format', 'html', '-o', html, '--title', 'Q4 review for ACME']);
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('is written although a file is invalid (exit 1), and names that file', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken.yaml:3:1');
    expect(readFileSync(html, 'utf8')).toContain('broken.yaml');
  });

  it('opens with its charts, the user text literal and never a script, photos loaded, and no request beyond the file', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const dom = await page.evaluate(() => ({
      title: document.title,
      charts: document.querySelectorAll('figure.chart svg').length,
      chartBars: document.querySelectorAll('figure.chart svg path').length,
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
      images: [...document.images].map((image) => ({ complete: image.complete, width: image.naturalWidth })),
      text: document.body.innerText,
    }));
    expect(dom.title).toBe('Q4 review for ACME');
    // Per checklist: sections, ranking and (Store A was visited twice) history; plus nothing else.
    expect(dom.charts).toBeGreaterThanOrEqual(5);
    expect(dom.chartBars).toBeGreaterThan(20);
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toBe(0);
    expect(dialogs).toEqual([]);
    expect(dom.text).toContain(`${SCRIPT} Store A`);
    expect(dom.text).toContain('<img src=x onerror=alert(2)>');
    expect(dom.images.length).toBeGreaterThan(0);
    expect(dom.images.every(({ complete, width }) => complete && width > 0)).toBe(true);
    expect(dom.text).toContain('photos/missing.jpg — photo not found');
    expect(dom.text).toContain('Drafts (not ranked, not in the summary)');
    expect(dom.text).toContain('Smiles (still open)');
    expect(requests).toEqual([pathToFileURL(html).href]);
    await page.screenshot({ path: path.join(shots, 'report-1280.png'), fullPage: true });
    expect(statSync(path.join(shots, 'report-1280.png')).size).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);

  it('prints on A4 pages, each appendix on a page of its own', () => {
    const pdf = path.join(shots, 'report-a4.pdf');
    printToPdf(html, pdf);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
    // A4 from the report's own @page rule, whatever the browser's default paper.
    expect(info.stdout).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
    // Five audits, each appendix starting a page, after the head.
    expect(pages).toBeGreaterThan(5);
    const toPng = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.join(shots, 'report-a4')], { encoding: 'utf8' });
    expect(toPng.status, toPng.stderr).toBe(0);
    expect(existsSync(path.join(shots, 'report-a4-01.png'))).toBe(true);
  }, 90_000);

  it('draws Chinese text in a CJK font', async () => {
    const zh = path.join(scratch, 'report.zh-CN.html');
    expect(runCli(['report', 'examples/audits', '--format', 'html', '--lang', 'zh-CN', '-o', zh]).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(zh).href, { waitUntil: 'load' });
    // The fonts Chromium really drew the title with, as its DevTools report them.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((font) => font.familyName).join(', ')).toMatch(/CJK|Source Han|PingFang|YaHei/);
    await page.screenshot({ path: path.join(shots, 'report-zh-1280.png'), fullPage: false });
    await page.close();
  }, 60_000);
});
