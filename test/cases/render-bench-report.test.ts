import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkCases, renderBenchReport, type CasesBenchmark } from '../../src/cases/index.js';
import { createTools } from '../../skills/support-desk/pack.js';
import { openSupportDeskStore } from '../helpers/support-desk-versions.js';

// Debian's chromium (`apt-get install chromium`; .ci/run installs it when absent).
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let report: CasesBenchmark;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'knack-report-'));

beforeAll(async () => {
  const { store } = await openSupportDeskStore();
  try {
    report = await benchmarkCases({
      store,
      refs: ['order_carrier_status@1', 'order_carrier_status@2', 'order_carrier_status@3'],
      runs: 24,
      faults: 'transient=0.3,timeout=0.05,latency=0.2',
      // One held-out order on the real desk, and one that does not exist (its reference run fails).
      inputs: [{ orderId: '8820' }, { orderId: '9999' }],
      createTools,
    });
  } finally {
    await store.close();
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

// The page's DOM, typed here because the project compiles without the DOM lib.
interface BoxLike {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface BarLike {
  getBBox(): BoxLike;
  getBoundingClientRect(): BoxLike;
  scrollIntoView(options: object): void;
  dataset: Record<string, string | undefined>;
}
interface DocumentLike {
  querySelector(selector: string): { querySelectorAll(selector: string): Iterable<BarLike> } | null;
  elementFromPoint(x: number, y: number): unknown;
}

interface DrawnBars {
  bars: number;
  drawn: number;
  hit: number;
  series: string[];
}

describe('renderBenchReport in headless Chromium', { timeout: 60_000 }, () => {
  it('draws every chart: bars with real boxes that the page hit-tests, from a file, with no network', async () => {
    const path = join(dir, 'bench.html');
    writeFileSync(path, renderBenchReport(report));
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path).href);
    for (const chart of ['pass-rate', 'latency', 'faults']) {
      const drawn = await page.evaluate((name): DrawnBars => {
        const document = (globalThis as unknown as { document: DocumentLike }).document;
        const svg = document.querySelector(`svg[data-chart="${name}"]`);
        const bars = [...(svg?.querySelectorAll('rect.bar') ?? [])];
        let hit = 0;
        for (const bar of bars) {
          bar.scrollIntoView({ block: 'center' });
          const box = bar.getBoundingClientRect();
          // Interval whiskers cross a bar's middle; a bar counts as painted where any point of it is on top.
          const points = [
            [0.5, 0.5],
            [0.5, 0.1],
            [0.2, 0.1],
            [0.8, 0.1],
          ] as const;
          const isOnTop = points.some(
            ([x, y]) => document.elementFromPoint(box.x + box.width * x, box.y + box.height * y) === bar,
          );
          if (isOnTop) hit++;
        }
        return {
          bars: bars.length,
          drawn: bars.filter((bar) => bar.getBBox().width > 0 && bar.getBBox().height > 0).length,
          hit,
          series: [...new Set(bars.map((bar) => bar.dataset['series'] ?? ''))].sort(),
        };
      }, chart);
      expect(drawn.bars, chart).toBeGreaterThan(0);
      expect(drawn.drawn, chart).toBe(drawn.bars);
      expect(drawn.hit, chart).toBe(drawn.bars);
      if (chart === 'pass-rate') expect(drawn.series).toEqual(['correct', 'failedClean', 'wrong']);
    }
    expect(requests).toEqual([pathToFileURL(path).href]);
    const shot = join(dir, 'bench.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    await page.close();
  });

  it("shows each version's correct share with its interval and the comparisons in the page text", async () => {
    const page = await browser.newPage();
    await page.setContent(renderBenchReport(report));
    const text = await page.locator('body').innerText();
    for (const version of report.versions) {
      const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;
      expect(text).toContain(
        `${percent(version.correct.rate)} [${percent(version.correct.low)}, ${percent(version.correct.high)}]`,
      );
    }
    expect(text).toContain('order_carrier_status@1 → order_carrier_status@2');
    expect(await page.locator('svg[data-chart="pass-rate"] g.interval').count()).toBe(3);
    expect(text).toContain('over its stored cases and 2 given inputs on real tools');
    const inputRow = page.locator('tr', { hasText: 'input, real tools' }).first();
    const source = report.versions[0]?.sources.find((item) => item.id === 'input #0');
    expect((await inputRow.locator('td').allInnerTexts()).slice(0, 4)).toEqual([
      'order_carrier_status@1',
      'input #0',
      'input, real tools',
      String(source?.runs),
    ]);
    expect(text).toContain('Inputs left out');
    expect(await page.locator('tr', { hasText: 'input #1' }).first().innerText()).toContain(
      'Order 9999 does not exist',
    );
    await page.close();
  });

  it('escapes text from runs, so a message cannot inject markup', () => {
    const hostile = structuredClone(report);
    const failure = hostile.versions[0]?.failures[0];
    if (failure) failure.message = '<img src=x onerror=alert(1)>';
    const html = renderBenchReport(hostile);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
