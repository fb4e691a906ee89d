import { beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { mapSettled, screenshots, useChromium, watchedPage } from '../support/browser.ts';
import { bandColours } from '../../web/src/map/map-style.ts';

const server = inject('servers').find((s) => s.name === 'embedded')!;
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules of axe-core that fail as serious or critical on the page. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

const mapElement = (page: Page) => page.getByTestId('map');

describe('maps people can read and take to a meeting, in Chromium', () => {
  const chromium = useChromium(server.url);
  let page: Page;
  beforeAll(() => {
    page = chromium.page;
  });

  it('draws the names of Lạng Sơn’s districts on the map, with their tone marks, in the app’s own font', async () => {
    const fonts: string[] = [];
    page.on('response', (response) => response.url().endsWith('.woff2') && fonts.push(response.url()));
    await page.goto(`${server.url}/?unit=20&year=2024`);
    await mapSettled(page, 11);
    await expect.poll(async () => Number(await mapElement(page).getAttribute('data-rendered-labels')), { timeout: 30_000 }).toBeGreaterThan(5);
    const labels = (await mapElement(page).getAttribute('data-labels'))!.split('|');
    expect(labels).toEqual(expect.arrayContaining(['Tràng Định', 'Đình Lập', 'Lộc Bình']));
    // Served by the app itself: no network beyond it (checked for the whole file below).
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.startsWith(server.url)).toBe(true);
    await page.screenshot({ path: path.join(screenshots, '20-lang-son-labels-1440.png') });
  });

  it('names the commune under the pointer at country level, next to the pointer', async () => {
    await page.goto(`${server.url}/?level=COMMUNE`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.state === 'idle', null, { timeout: 60_000 });
    const box = (await mapElement(page).boundingBox())!;
    // Walk across the north of the country until the pointer is over a commune.
    let hovered: { x: number; y: number } | null = null;
    for (let step = 0; step < 40 && !hovered; step++) {
      const point = { x: box.x + box.width * (0.2 + step * 0.01), y: box.y + box.height * (0.15 + step * 0.005) };
      await page.mouse.move(point.x, point.y);
      if ((await page.locator('[role=tooltip][data-code]').count()) > 0) hovered = point;
    }
    expect(hovered).not.toBeNull();
    const tooltip = page.locator('[role=tooltip][data-code]');
    const code = (await tooltip.getAttribute('data-code'))!;
    expect(code).toMatch(/^\d{5}$/);
    // The name (asked for: country-level tiles carry none), not the bare code, and the parent below it.
    await expect.poll(() => tooltip.locator('strong').textContent(), { timeout: 15_000 }).toMatch(/^(Xã|Phường|Thị trấn) /);
    await expect.poll(() => tooltip.locator('.map-tooltip-parent').count(), { timeout: 15_000 }).toBe(1);
    const tip = (await tooltip.boundingBox())!;
    expect(Math.abs(tip.x - hovered!.x)).toBeLessThan(40);
    expect(Math.abs(tip.y - hovered!.y)).toBeLessThan(40);
    await page.screenshot({ path: path.join(screenshots, '21-country-tooltip.png') });
  });

  it('exports the map as a PNG with its legend', async () => {
    await page.goto(`${server.url}/?unit=20&year=2024`);
    await mapSettled(page, 11);
    const mapSize = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=map] canvas')!;
      return { width: canvas.width, height: canvas.height };
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toBe('ntm-atlas-20-2024.png');
    const png = fs.readFileSync((await download.path())!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(mapSize.width);
    expect(height).toBeGreaterThan(mapSize.height);
    fs.writeFileSync(path.join(screenshots, '22-export-lang-son-2024.png'), png);
    // Decoded in the page: the map's colours on the left, the legend's swatches on the right.
    const found = await page.evaluate(
      async ({ data, mapWidth, swatch, drawn }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const has = (x0: number, x1: number, rgb: number[]) => {
          const pixels = context.getImageData(x0, 0, x1 - x0, image.height).data;
          for (let i = 0; i < pixels.length; i += 4)
            if (Math.abs(pixels[i] - rgb[0]) + Math.abs(pixels[i + 1] - rgb[1]) + Math.abs(pixels[i + 2] - rgb[2]) < 6) return true;
          return false;
        };
        return { legendSwatch: has(mapWidth, image.width, swatch), mapBand: has(0, mapWidth, drawn) };
      },
      // Every class of the legend has its swatch; Lạng Sơn's districts are coloured 15–18 in 2024.
      { data: png.toString('base64'), mapWidth: mapSize.width, swatch: rgbOf(bandColours['5-9']), drawn: rgbOf(bandColours['15-18']) },
    );
    expect(found).toEqual({ legendSwatch: true, mapBand: true });
  });

  it('prints Lạng Sơn 2024 on one A4 landscape page with the legend and the summary, from a link', async () => {
    const printPage = await watchedPage(chromium.browser, server.url, chromium, { width: 1123, height: 794 });
    await printPage.goto(`${server.url}/?unit=20&year=2024&print=1`);
    await mapSettled(printPage, 11);
    await expect.poll(() => printPage.getByTestId('status').textContent(), { timeout: 30_000 }).toContain('Kết quả năm 2024');
    expect(await printPage.getByTestId('report-header').textContent()).toContain('Tỉnh Lạng Sơn — năm 2024');
    expect(await printPage.getByTestId('report-header').textContent()).toContain('Bộ tiêu chí');
    expect(await printPage.getByTestId('report-footer').textContent()).toMatch(/Ranh giới: .*Lập ngày \d{1,2}\/\d{1,2}\/\d{4}/);
    for (const part of ['legend', 'status', 'map']) expect(await printPage.getByTestId(part).isVisible(), part).toBe(true);
    // Form controls are not printed.
    expect(await printPage.getByTestId('filters').isVisible()).toBe(false);
    expect(await printPage.locator('.app-header').isVisible()).toBe(false);
    const pdf = await printPage.pdf({ format: 'A4', landscape: true, printBackground: true });
    fs.writeFileSync(path.join(screenshots, '23-print-lang-son-2024.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await printPage.screenshot({ path: path.join(screenshots, '23-print-lang-son-2024.png') });
    await printPage.close();
  });

  it('keeps the keyboard focus after a choice in the list: on the chosen unit’s name', async () => {
    await page.goto(`${server.url}/?unit=20&year=2024`);
    await mapSettled(page, 11);
    await page.getByRole('button', { name: 'Chi Lăng', exact: true }).focus();
    await page.keyboard.press('Enter');
    await mapSettled(page, 20);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 15_000 }).toBe('Huyện Chi Lăng');
  });

  it('has no serious or critical WCAG 2.1 AA violation on the country, province and commune views (axe-core)', async () => {
    for (const [url, units] of [
      ['/', 63],
      ['/?unit=20&year=2016', 11],
      ['/?unit=06493&year=2016', 20],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await mapSettled(page, units);
      await page.waitForFunction(() => document.querySelector('[data-testid=status], [data-testid=legend]') !== null);
      expect(await seriousViolations(page), url).toEqual([]);
    }
  });

  it('keeps every view readable at 1440×900 and 390×844 (screenshots looked at before release)', async () => {
    const views = [
      ['country', '/', 63],
      ['lang-son', '/?unit=20&year=2024', 11],
      ['bang-mac', '/?unit=06493&year=2016', 20],
    ] as const;
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const sized = await watchedPage(chromium.browser, server.url, chromium, viewport);
      for (const [name, url, units] of views) {
        await sized.goto(`${server.url}${url}`);
        await mapSettled(sized, units);
        await sized.screenshot({ path: path.join(screenshots, `30-${name}-${viewport.width}x${viewport.height}.png`) });
        // Nothing wider than the screen.
        expect(await sized.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} ${viewport.width}`).toBe(true);
      }
      await sized.close();
    }
  });

  it('made no console errors and no requests outside the app', () => {
    expect(chromium.consoleErrors).toEqual([]);
    expect(chromium.foreignRequests).toEqual([]);
  });
});

function rgbOf(hex: string): number[] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
}
